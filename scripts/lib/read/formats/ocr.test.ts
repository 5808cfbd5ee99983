import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Tesseract takes several seconds a page on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });
import { ingestDocument } from '../../pipeline.ts';
import { printPdf } from '../../testing/formats.ts';
import { characterAccuracy, scanPdf } from '../../testing/scan.ts';
import type { Block, Item, KbDocument, OcrReading } from '../../types.ts';
import { readSource } from './index.ts';
import { ocrTargetNotes } from './ocr-notes.ts';
import { meanConfidence, OCR_INSTALL, parseTsv, skew, toPdfPages, type OcrWord } from './ocr.ts';

/** One page of a plan, from seed 001's wording: a domain, its goals with figures, two measures. */
const PLAN = [
  '某市妇女发展规划（2021—2030年）',
  '二、发展领域、主要目标和策略措施',
  '（一）妇女与健康。',
  '主要目标：',
  '1.妇女全生命周期享有良好的卫生健康服务，妇女人均预期寿命延长，人均健康预期寿命提高。',
  '2.孕产妇死亡率控制在12/10万以下，城乡差距逐步缩小。',
  '3.宫颈癌和乳腺癌综合防治能力不断增强。适龄妇女宫颈癌人群筛查率达到70%以上。',
  '策略措施：',
  '1.加强妇女健康服务体系建设。完善以妇幼保健机构为核心、以基层医疗卫生机构为基础的妇幼健康服务网络。',
  '2.保障孕产妇安全分娩。孕产妇系统管理率达到90%以上，提倡科学备孕和适龄怀孕。',
];

const cache = mkdtempSync(path.join(tmpdir(), 'kb-ocr-test-'));
let scan: Uint8Array;
let doc: KbDocument;
let readMs: number;

beforeAll(async () => {
  process.env.KB_OCR_CACHE = cache;
  process.env.KB_OCR_DPI = '200';
  scan = await scanPdf(await printPdf(PLAN, { pageNumbers: true }), { dpi: 200, noise: 0.3 });
  const started = performance.now();
  const read = await readSource('scan.pdf', scan);
  readMs = performance.now() - started;
  doc = ingestDocument('scan.pdf', scan, undefined, read);
});

describe('a scanned plan page read by OCR', () => {
  it('is marked as read by OCR, with each page’s confidence, in the document and its notes', () => {
    expect(doc.encoding).toBe('ocr');
    expect(doc.ocr?.engine).toMatch(/^tesseract /);
    expect(doc.ocr?.dpi).toBe(200);
    expect(doc.ocr?.pages).toHaveLength(1);
    expect(doc.ocr!.pages[0]!.confidence).toBeGreaterThan(70);
    expect(doc.notes?.[0]?.message).toMatch(/^本文件是扫描件，文字由文字识别（OCR，tesseract .*200 dpi）读出，各页平均置信度：第 1 页 [0-9]+%/);
  });

  it('reads the text closely enough for the recognisers to find every goal and measure in its domain', () => {
    const text = doc.blocks.map((b) => b.text).join('');
    expect(characterAccuracy(PLAN.join(''), text)).toBeGreaterThan(0.9);
    expect(doc.kind).toBe('plan');
    expect(doc.items.map((i) => [i.kind, i.domain, i.number])).toEqual([
      ['goal', '妇女与健康', '1'],
      ['goal', '妇女与健康', '2'],
      ['goal', '妇女与健康', '3'],
      ['measure', '妇女与健康', '1'],
      ['measure', '妇女与健康', '2'],
    ]);
  });

  it('lists the goals’ figures for the editor to check', () => {
    const list = doc.notes!.find((n) => n.message.startsWith('以下目标中的'))!;
    expect(list.message).toMatch(/组数字由文字识别读出，请逐一对照原件核对/);
    expect(list.message).toMatch(/12\/10万/);
    expect(list.message).toMatch(/70%/);
  });

  it('keeps the recognised pages by content hash: the second read is instant', async () => {
    const started = performance.now();
    const again = await readSource('scan.pdf', scan);
    expect(performance.now() - started).toBeLessThan(Math.max(1000, readMs / 5));
    expect(again.text).toBe((await readSource('scan.pdf', scan)).text);
  });

  it('without Tesseract stops with the install command', async () => {
    process.env.KB_TESSERACT = '/nonexistent/tesseract';
    try {
      const error = await readSource('other.pdf', await scanPdf(await printPdf(['某市'], {}), { dpi: 50 })).then(() => new Error("read"), (e: Error) => e);
      expect(error.message).toMatch(/^other\.pdf：没有文字层（1 页中只有 0 个字符：是扫描件或图片）；要自动做文字识别（OCR），需要 Tesseract 和 poppler，本机没有找到 \/nonexistent\/tesseract。请安装/);
      expect(error.message).toContain(OCR_INSTALL);
    } finally {
      delete process.env.KB_TESSERACT;
    }
  });
});

describe('OCR output → lines', () => {
  const word = (line: string, left: number, top: number, text: string, conf = 95): OcrWord => ({ line, left, top, width: 40 * [...text].length, height: 40, conf, text });

  it('parses Tesseract’s TSV into words with their line and confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      '4\t1\t1\t1\t1\t0\t100\t200\t400\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t200\t80\t40\t96.5\t妇女',
      '5\t1\t1\t1\t1\t2\t190\t200\t60\t40\t41.2\t12%',
      '5\t1\t1\t1\t2\t1\t100\t260\t80\t40\t90\t 儿童 ',
    ].join('\n');
    const page = parseTsv(tsv);
    expect([page.width, page.height]).toEqual([1654, 2339]);
    expect(page.words.map((w) => [w.line, w.text, w.conf])).toEqual([
      ['1.1.1', '妇女', 96.5],
      ['1.1.1', '12%', 41.2],
      ['1.1.2', '儿童', 90],
    ]);
    // Per character: 妇女 counts twice, 12% three times.
    expect(meanConfidence(page.words)).toBe(Math.round(((96.5 * 2 + 41.2 * 3 + 90 * 2) / 7) * 10) / 10);
  });

  it('straightens a page scanned askew, so that lines start at one left edge', () => {
    const slope = Math.tan((2 * Math.PI) / 180);
    // Two lines, each of six characters, rotated by 2°: the second starts further right.
    const words = [0, 1].flatMap((l) => [0, 1, 2, 3, 4, 5].map((k) => word(`1.1.${l}`, 100 + 40 * k - slope * 100 * l, 200 + 100 * l + slope * 40 * k, '字')));
    expect(skew(words)).toBeCloseTo(slope, 3);
    const { pdfPages } = toPdfPages([{ width: 1000, height: 1400, words }], 72);
    const [a, b] = pdfPages[0]!.lines;
    expect(Math.abs(a!.left! - b!.left!)).toBeLessThan(8);
    expect(a!.text).toBe('字字字字字字');
  });

  it('joins Chinese without spaces and keeps a space between Latin words and numbers', () => {
    const { pdfPages } = toPdfPages([{ width: 1000, height: 1400, words: [word('1', 0, 0, '达到'), word('1', 100, 0, '90%'), word('1', 260, 0, 'HPV'), word('1', 420, 0, '疫苗')] }], 72);
    expect(pdfPages[0]!.lines[0]!.text).toBe('达到90% HPV疫苗');
  });
});

describe('ocrTargetNotes', () => {
  const blocks = [
    { index: 0, text: '主要目标：', lineStart: 1, lineEnd: 1 },
    { index: 1, text: '1.孕产妇死亡率控制在12/10万以下。', lineStart: 2, lineEnd: 3 },
  ] as Block[];
  const goal = { kind: 'goal', domain: '妇女与健康', number: '1', text: '孕产妇死亡率控制在12/10万以下。', blockStart: 1 } as Item;
  const ocr: OcrReading = { engine: 'tesseract 5', dpi: 300, threshold: 60, pages: [{ page: 1, confidence: 88 }], uncertain: [{ line: 3, text: '12/10', confidence: 41 }, { line: 1, text: '目标', confidence: 50 }] };

  it('flags every uncertain number at its block, and lists every goal’s figures', () => {
    const notes = ocrTargetNotes(ocr, blocks, [goal]);
    expect(notes).toEqual([
      { block: 1, message: '文字识别对第 3 行的数字“12/10”没有把握（置信度 41%）。请对照原件核对这个数字；有误时改正全文另存为 .txt 后重新构建。' },
      { block: null, message: '以下目标中的 1 组数字由文字识别读出，请逐一对照原件核对：妇女与健康目标 1（第 2 行）：12/10万。' },
    ]);
  });

  it('tells the editor of every domain heading and item number read by the document’s order, at its block', () => {
    const notes = ocrTargetNotes({ ...ocr, uncertain: [] }, blocks, [], [
      { block: 0, kind: 'domain', printed: '（三）妇广与经六。', read: '妇女与经济' },
      { block: 1, kind: 'number', printed: 'l.', read: '1' },
    ]);
    expect(notes).toEqual([
      { block: 0, message: '文字识别把第 1 行的标题读作“（三）妇广与经六。”，不能直接认出领域名称；按规划的领域顺序，此处应为“妇女与经济”，已按“妇女与经济”归类其下条目。请对照原件核对；有误时改正全文另存为 .txt 后重新构建。' },
      { block: 1, message: '文字识别把第 2 行条目的编号读作“l.”；按前后条目的顺序，已读作 1。请对照原件核对这个编号；有误时改正全文另存为 .txt 后重新构建。' },
    ]);
  });

  it('says nothing of a document without goals or uncertain numbers', () => {
    expect(ocrTargetNotes({ ...ocr, uncertain: [] }, blocks, [{ ...goal, kind: 'measure' }])).toEqual([]);
  });
});
