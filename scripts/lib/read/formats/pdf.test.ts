import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Printing and reading whole documents takes seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
import { ingestDocument } from '../../pipeline.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { Item } from '../../types.ts';
import { readSource } from './index.ts';
import { CJK_FONT, printPdf } from '../../testing/formats.ts';
import { buildLines, findPdfFurniture, fullLines, hangingLines, indentedLines, pdfToText, setApartLines } from './pdf.ts';
import { normalise } from '../normalise.ts';
import { withRadicals } from '../../testing/radicals.ts';
import type { SourceText } from './types.ts';

const normaliseBlocks = ({ text, encoding: _encoding, ...hints }: SourceText) => normalise(text, hints).blocks.map((b) => b.text);

/**
 * Goals and measures per domain, text compared without white space: a PDF drops the space
 * where a line wraps at it (`2025年和 ⏎ 2030 年`), as Word's own PDFs do, and no reader can
 * tell it was there.
 */
const perDomain = (items: Item[]) =>
  items.filter((i) => i.kind === 'goal' || i.kind === 'measure').map((i) => [i.domain, i.kind, i.number, i.text.replace(/\s+/g, '')]);

describe('a plan printed as PDF (a section of seed 001)', () => {
  it('gives the same goals and measures per domain as the text version', async () => {
    // The Fuxin women's plan from its title through 妇女与经济: three domains.
    const lines = seedText(SEED.fuxinPlans).split('\n');
    const end = lines.findIndex((l) => l.startsWith('（四）妇女参与决策和管理'));
    const text = lines.slice(0, end).join('\n');
    const fromText = ingestDocument('plan.txt', new TextEncoder().encode(text));
    const pdf = await printPdf(
      fromText.blocks.map((b) => b.text),
      { header: '阜新市人民政府规范性文件', pageNumbers: true },
    );
    const read = await readSource('plan.pdf', pdf);
    expect(read.encoding).toBe('pdf');
    const fromPdf = ingestDocument('plan.pdf', pdf, undefined, read);

    const pages = [...read.furniture!.values()].filter((r) => r === 'page-number').length;
    expect(pages).toBeGreaterThan(10);
    // Every header and page number is gone from the text the recognisers read…
    // (the plan's own first page prints the issuer's name as a banner, in both versions).
    const furnitureLike = (blocks: { text: string }[]) => blocks.filter((b) => b.text.includes('阜新市人民政府规范性文件') || /- [0-9]+ -/.test(b.text)).length;
    expect(furnitureLike(fromPdf.blocks)).toBe(furnitureLike(fromText.blocks));
    // …and kept as removed furniture, so nothing is lost.
    expect(fromPdf.removed.filter((r) => r.reason === 'running-header').map((r) => r.text)).toEqual(Array(pages - 1).fill('阜新市人民政府规范性文件'));
    // Headings next to a page break stay (`主要目标：` repeats, but in the body).
    expect(fromPdf.blocks.filter((b) => b.text === '主要目标：').length).toBe(fromText.blocks.filter((b) => b.text === '主要目标：').length);

    // Lossless: the blocks and the removed furniture hold every character of the PDF's text.
    const chars = (t: string) => [...t.replace(/\s+/g, '')].sort().join('');
    expect(chars(fromPdf.blocks.map((b) => b.text).join('') + fromPdf.removed.map((r) => r.text).join(''))).toBe(chars(read.text));

    expect(fromPdf.kind).toBe('plan');
    const domains = new Set(fromText.items.map((i) => i.domain));
    expect([...domains]).toEqual(expect.arrayContaining(['妇女与健康', '妇女与教育', '妇女与经济']));
    expect(perDomain(fromText.items).length).toBeGreaterThan(40);
    expect(perDomain(fromPdf.items)).toEqual(perDomain(fromText.items));
  });
});

describe('PDFs that cannot be read', () => {
  // The text-layer reader's own findings: OCR (ocr.test.ts) is kept out by a missing Tesseract.
  beforeAll(() => void (process.env.KB_TESSERACT = '/nonexistent/tesseract'));
  afterAll(() => void delete process.env.KB_TESSERACT);
  it('a PDF without text (a scan) names the problem and the fix', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
    doc.rect(80, 80, 300, 400).fill('#888');
    doc.addPage().rect(80, 80, 300, 400).fill('#444');
    doc.end();
    await expect(readSource('scan.pdf', await done)).rejects.toThrow(/^scan\.pdf：没有文字层（2 页中只有 0 个字符.*本机没有找到 \/nonexistent\/tesseract。请安装.*tesseract-ocr-chi-sim.*先做文字识别（OCR/);
  });

  it('a scan whose only text is a stamped header and page numbers is still a scan', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
    doc.font(CJK_FONT, 'NotoSerifCJKsc-Regular');
    for (let n = 1; n <= 30; n++) {
      if (n > 1) doc.addPage();
      doc.fillColor('#000').fontSize(10).text('某市人民政府办公室档案扫描件', 80, 40, { lineBreak: false });
      doc.rect(80, 80, 300, 400).fill('#888');
      doc.fillColor('#000').text(`- ${n} -`, 280, 780, { lineBreak: false });
    }
    doc.end();
    await expect(readSource('scan.pdf', await done)).rejects.toThrow(/^scan\.pdf：没有文字层（30 页中只有 0 个字符/);
  });

  it('an encrypted PDF', async () => {
    const pdf = await printPdf(['妇女与健康。'], { userPassword: 'secret' });
    await expect(readSource('locked.pdf', pdf)).rejects.toThrow(/^locked\.pdf：设有密码.*不设密码的 PDF/);
  });

  it('a damaged file', async () => {
    const pdf = await printPdf(['妇女与健康。']);
    await expect(readSource('broken.pdf', pdf.slice(0, 400))).rejects.toThrow(/^broken\.pdf：无法作为 PDF 读取.*请从原始文档重新导出 PDF/);
    await expect(readSource('text.pdf', new TextEncoder().encode('这不是PDF'))).rejects.toThrow(/^text\.pdf：无法作为 PDF 读取/);
  });
});

describe('buildLines', () => {
  it('puts items on one baseline together, left to right, spacing only Latin words', () => {
    const item = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 10, size: 10 });
    const lines = buildLines([item('健康', 120, 700.5), item('妇女与', 90, 700), item('HPV', 150, 699.8), item('vaccine', 190, 700), item('第二行', 90, 680)]);
    expect(lines.map((l) => l.text)).toEqual(['妇女与健康HPV vaccine', '第二行']);
  });
});

describe('findPdfFurniture', () => {
  const page = (n: number, lines: string[]) => ({ height: 842, lines: lines.map((text, i) => ({ page: n, top: 60 + i * 20, text })) });

  it('drops what repeats at the edges of most pages, and page numbers, but not repeated body text', () => {
    const pages = [
      page(1, ['关于印发规划的通知', '同志们：', '正文一。', '- 1 -']),
      page(2, ['某市人民政府规范性文件', '同志们：', '正文二。', '同志们：', '第 2 页']),
      page(3, ['某市人民政府规范性文件', '正文三。', '同志们：', '正文四。', '- 3 -']),
    ];
    const removed = findPdfFurniture(pages);
    const all = pages.flatMap((p) => p.lines.map((l) => l.text));
    expect([...removed].map(([i, reason]) => [all[i], reason])).toEqual([
      ['- 1 -', 'page-number'],
      ['某市人民政府规范性文件', 'running-header'],
      ['第 2 页', 'page-number'],
      ['某市人民政府规范性文件', 'running-header'],
      ['- 3 -', 'page-number'],
    ]);
  });

  it('read by OCR, drops page numbers in any dress and headers a character off, where such lines stand at that edge', () => {
    // Invented misreadings: `- 2 -` as `.2-`, `- 3 -` as `0`, `- 4 -` as `l4。`; 某 read as 甚 on one page.
    const pages = [
      page(1, ['某市人民政府规范性文件', '正文一。', '.2-']),
      page(2, ['某市人民政府规范性文件', '正文二。', '0']),
      page(3, ['甚市人民政府规范性文件', '正文三。', 'l4。']),
      page(4, ['某市人民政府规范性文件', '正文四。', '5.加强保障。']),
      // A page number whose digits were lost: signs only, where the numbers stand.
      page(5, ['某市人民政府规范性文件', '正文五。', '，.']),
    ];
    const all = pages.flatMap((p) => p.lines.map((l) => l.text));
    const found = (options?: { misread: boolean }) => [...findPdfFurniture(pages, options)].map(([i, reason]) => `${all[i]} ${reason}`);
    expect(found({ misread: true })).toEqual([
      '某市人民政府规范性文件 running-header',
      '.2- page-number',
      '某市人民政府规范性文件 running-header',
      '0 page-number',
      '甚市人民政府规范性文件 running-header',
      'l4。 page-number',
      '某市人民政府规范性文件 running-header',
      '某市人民政府规范性文件 running-header',
      '，. page-number',
    ]);
    // From a text layer, only what repeats exactly: the four exact headers and no number.
    expect(found()).toEqual(Array(4).fill('某市人民政府规范性文件 running-header'));
  });

  it('read by OCR, keeps numbers at an edge where few pages have one, and body lines unlike the header', () => {
    const pages = [
      page(1, ['某市人民政府规范性文件', '正文一。', '正文一续。']),
      page(2, ['某市人民政府规范性文件', '正文二。', '0']),
      page(3, ['某市妇女儿童工作委员会', '正文三。', '正文三续。']),
      page(4, ['某市人民政府规范性文件', '正文四。', '正文四续。']),
    ];
    const all = pages.flatMap((p) => p.lines.map((l) => l.text));
    expect([...findPdfFurniture(pages, { misread: true })].map(([i]) => all[i])).toEqual(['某市人民政府规范性文件', '某市人民政府规范性文件', '某市人民政府规范性文件']);
  });
});

describe('fullLines and indentedLines', () => {
  it('tell wrapped lines by where they end, and paragraph starts by their indent', () => {
    // A paragraph's first line indented two characters, lines of the paragraph to the margin (515), its last line short.
    const line = (left: number, right: number, i: number) => ({ page: 1, top: 100 + i * 20, left, right, size: 14, text: 'x' });
    const lines = [[108, 515], [80, 514], [80, 490], [80, 300], [108, 515], [80, 200], [200, 380], [80, 515], [80, 515]].map(([l, r], i) => line(l!, r!, i));
    const pages = [{ height: 842, lines }];
    // 490 ends two characters short of the margin (a closing mark moved to the next line): still full.
    expect([...fullLines(pages)]).toEqual([0, 1, 2, 4, 7, 8]);
    expect([...indentedLines(pages)]).toEqual([0, 4, 6]);
  });
});

describe('pdfToText', () => {
  it('keeps furniture in the text, marked by line, so the full text loses nothing', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `${i + 1}.加强妇女儿童权益保障工作，完善相关制度机制，推动规划目标全面实现。`);
    const read = await pdfToText(await printPdf(paragraphs, { header: '某市妇女儿童工作委员会', pageNumbers: true }));
    const lines = read.text.split('\n');
    const marked = [...read.furniture!.keys()].map((n) => lines[n - 1]);
    expect(marked.length).toBeGreaterThan(2);
    expect(marked.every((l) => l === '某市妇女儿童工作委员会' || /^- [0-9]+ -$/.test(l!))).toBe(true);
    expect(lines.filter((l) => /^- [0-9]+ -$/.test(l)).length).toBe([...read.furniture!.values()].filter((r) => r === 'page-number').length);
  });
});

describe('PDF layouts whose lines mislead (issue 15, class 5) and lying text layers (class 1)', () => {
  // The Fuxin women's plan through 妇女与经济, as paragraphs: the ground truth.
  const section = () => {
    const lines = seedText(SEED.fuxinPlans).split('\n');
    const text = lines.slice(0, lines.findIndex((l) => l.startsWith('（四）妇女参与决策和管理'))).join('\n');
    return ingestDocument('plan.txt', new TextEncoder().encode(text));
  };
  const norm = (t: string) => t.replace(/\s+/g, '');

  it.each([12, 16])('hanging numbers (%ipt): the same paragraphs and items as the plain text', async (fontSize) => {
    const fromText = section();
    const pdf = await printPdf(fromText.blocks.map((b) => b.text), { header: '阜新市人民政府规范性文件', pageNumbers: true, hanging: true, fontSize });
    const read = await readSource('plan.pdf', pdf);
    const fromPdf = ingestDocument('plan.pdf', pdf, undefined, read);
    expect(fromPdf.blocks.map((b) => norm(b.text))).toEqual(fromText.blocks.map((b) => norm(b.text)));
    expect(perDomain(fromPdf.items)).toEqual(perDomain(fromText.items));
  });

  it('a centred title stays apart from the heading after it, at any title size', async () => {
    const body = ['一、指导思想、基本原则和总体目标', '（一）指导思想', '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持男女平等基本国策，保障妇女儿童合法权益。'];
    for (const title of ['某市妇女发展规划（2021—2030年）', '中共某某县委员会某某县人民政府关于印发儿童发展规划的通知'])
      for (const titleSize of [16, 22])
        for (const hanging of [false, true]) {
          const read = await pdfToText(await printPdf(body, { title, titleSize, hanging }));
          const blocks = normaliseBlocks(read);
          expect(blocks.slice(-3), `${title} ${titleSize}pt${hanging ? ' hanging' : ''}`).toEqual(body);
          expect(norm(blocks.slice(0, -3).join(''))).toBe(norm(title));
        }
  });

  it('a plan whose text layer writes radicals gives the clean plan’s title, domains, goals and measures', async () => {
    const fromText = section();
    const paragraphs = fromText.blocks.map((b) => b.text);
    const lying = await printPdf(paragraphs.map((p) => withRadicals(p, 'supplement')), { pageNumbers: true });
    const read = await readSource('plan.pdf', lying);
    expect(read.text).toContain('妇⼥');
    const fromPdf = ingestDocument('plan.pdf', lying, undefined, read);
    expect(fromPdf.title).toBe(fromText.title);
    expect(perDomain(fromPdf.items)).toEqual(perDomain(fromText.items));
    expect(fromPdf.items.some((i) => i.text.includes('妇女'))).toBe(true);
    expect(fromPdf.replaced!.some((r) => r.from === '⼥' && r.to === '女')).toBe(true);
  });
});

describe('hangingLines and setApartLines', () => {
  const line = (left: number, right: number, i: number, text: string, size = 14, top = 100 + i * 20) => ({ page: 1, top, left, right, size, text });

  it('takes the wrapped lines of a hanging number for continuations, not a paragraph after a numbered line', () => {
    const lines = [
      line(80, 515, 0, '（一）妇女健康水平不断提升，平均预期寿命稳步增长，健康服务'),
      line(122, 515, 1, '体系更加完善，服务能力进一步提高，妇女健康素养水平不断'),
      line(122, 300, 2, '提升。'),
      line(80, 515, 3, '（二）宫颈癌和乳腺癌综合防治能力不断增强。适龄妇女宫颈'),
      line(80, 200, 4, '癌人群筛查率达到70%以上。'),
      // The common layout: a numbered first line indented, the next paragraph indented as much.
      line(108, 515, 5, '4.加强母婴安全保障。强化母婴安全保障，完善孕产妇危急重症。'),
      line(108, 400, 6, '其他段落首行缩进。'),
    ];
    const pages = [{ height: 842, lines }];
    expect([...hangingLines(pages, fullLines(pages))]).toEqual([1, 2]);
  });

  it('ends a paragraph after a change of size, a wide space, or a centred line', () => {
    const lines = [
      line(150, 445, 0, '某市妇女发展规划', 22, 100),
      line(80, 515, 1, '一、指导思想，全面贯彻党的二十大精神，坚持男女平等基本国策', 14, 130),
      line(80, 515, 2, '保障妇女儿童合法权益，促进妇女全面发展。', 14, 150),
      line(80, 300, 3, '（二）基本原则', 14, 200),
      line(200, 395, 4, '第二部分', 14, 220),
      line(108, 515, 5, '坚持党的全面领导，确保妇女事业始终沿着正确政治方向发展。', 14, 240),
      line(80, 515, 6, '正文。', 14, 260),
      line(80, 515, 7, '正文。', 14, 280),
    ];
    expect([...setApartLines([{ height: 842, lines }])]).toEqual([0, 2, 4]);
  });
});
