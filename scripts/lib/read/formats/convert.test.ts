import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// LibreOffice takes a few seconds per file on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });
import { ingestDocument } from '../../pipeline.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import { renderTaskList, seedTaskLists } from '../../testing/tasklists.ts';
import type { Item } from '../../types.ts';
import { convertToDocx, ConverterMissingError, importFilter, SOFFICE_INSTALL } from './convert.ts';
import { readSource } from './index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'kb-convert-test-'));
const cacheDir = path.join(work, 'cache');

/** LibreOffice itself writes the old formats from the .docx twins (an independent writer, not the reader under test). */
function sofficeConvert(files: string[], to: string, outdir: string): void {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(work, 'writer-profile')).href}`, '--headless', '--convert-to', to, '--outdir', outdir, ...files], { stdio: 'ignore' });
}

/** The Fuxin women's plan through 妇女与教育 (seed 001) as Word, its items numbered by Word's automatic numbering. */
async function planDocx(): Promise<Uint8Array> {
  const lines = seedText(SEED.fuxinPlans).split('\n');
  const end = lines.findIndex((l) => l.startsWith('（三）妇女与经济'));
  const blocks = ingestDocument('plan.txt', new TextEncoder().encode(lines.slice(0, end).join('\n'))).blocks.map((b) => b.text);
  let instance = 0;
  let next = 1;
  const children = blocks.map((text, i) => {
    const m = /^([0-9]+)\.(.*)$/.exec(text);
    if (!m) return new Paragraph(i === 0 ? { text, alignment: AlignmentType.CENTER } : text);
    if (Number(m[1]) === 1) (instance++, (next = 1));
    if (Number(m[1]) !== next) return new Paragraph(text);
    next++;
    return new Paragraph({ text: m[2]!, numbering: { reference: 'items', level: 0, instance } });
  });
  const doc = new Document({
    numbering: { config: [{ reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 }] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Separate lists of one, two and three items, back to back and apart, in the body and in table cells: none continues another. */
async function listsDocx(): Promise<Uint8Array> {
  let instance = 0;
  const list = (n: number, name: string) => (instance++, Array.from({ length: n }, (_, i) => new Paragraph({ text: `${name}第${i + 1}项`, numbering: { reference: 'items', level: 0, instance } })));
  const cells = (...lists: Paragraph[][]) => new TableRow({ children: lists.map((children) => new TableCell({ children })) });
  const children = [
    new Paragraph('各种编号列表'),
    ...list(1, '甲'),
    ...list(2, '乙'),
    ...list(1, '丙'),
    ...list(1, '丁'),
    new Paragraph('说明'),
    ...list(3, '戊'),
    ...list(1, '己'),
    new Table({ rows: [cells(list(1, '庚'), list(2, '辛')), cells(list(1, '壬'), list(1, '癸'))] }),
    ...list(2, '子'),
  ];
  const doc = new Document({ numbering: { config: [{ reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 }] }] }, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const summary = (items: Item[]) =>
  items.map((i) => ({ kind: i.kind, domain: i.domain, number: i.number, text: i.text, lead: i.leadDepartments, partner: i.partnerDepartments }));

const twins: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const list = await renderTaskList(
    seedTaskLists(),
    {
      name: 'list',
      columns: [
        { kind: 'domain', name: '发展领域' },
        { kind: 'goals', name: '主要目标' },
        { kind: 'measures', name: '策略措施' },
        { kind: 'lead', name: '牵头部门' },
        { kind: 'partner', name: '配合部门' },
      ],
      numbering: 'own',
      domainCells: 'merged',
      departmentsPerLine: true,
      titleWord: '重点任务清单',
    },
    'docx',
  );
  writeFileSync(path.join(work, 'list.docx'), list.bytes);
  writeFileSync(path.join(work, 'plan.docx'), await planDocx());
  writeFileSync(path.join(work, 'lists.docx'), await listsDocx());
  const docx = ['list', 'plan', 'lists'].map((n) => path.join(work, `${n}.docx`));
  const odt = ['list', 'plan', 'lists'].map((n) => path.join(work, `${n}.odt`));
  // LibreOffice 7.4 drops the tables of these .docx files when it writes .doc from them
  // directly, but not through its own format: .docx → .odt → .doc keeps every cell.
  sofficeConvert(docx, 'odt', work);
  sofficeConvert(odt, 'doc', work);
  // LibreOffice cannot write Kingsoft WPS; its `wps` export is a Word 97 file under that name,
  // which is what WPS Office itself reads and, since WPS 2005, writes as .wps.
  sofficeConvert(odt.slice(0, 2), 'wps', work);
  sofficeConvert(docx.slice(0, 2), 'rtf', work);
  for (const n of ['list', 'plan']) for (const ext of ['docx', 'doc', 'wps', 'rtf', 'odt']) twins[`${n}.${ext}`] = new Uint8Array(readFileSync(path.join(work, `${n}.${ext}`)));
  for (const ext of ['docx', 'doc']) twins[`lists.${ext}`] = new Uint8Array(readFileSync(path.join(work, `lists.${ext}`)));
});

async function ingest(name: string) {
  const bytes = twins[name]!;
  process.env.KB_CONVERT_CACHE = cacheDir;
  return ingestDocument(name, bytes, undefined, await readSource(name, bytes));
}

describe('old office formats through LibreOffice', () => {
  // LibreOffice's Word 97 writer saves each list that starts its numbering again as two lists
  // (its first paragraph alone in one): without the reader's repair (docx/numbering.ts,
  // joinSplitLists) the .doc and .wps twins number their measures 1, 1, 2, 3… and the plan
  // loses items.
  it('a key-task list (seed 003) as .doc, .wps and .rtf gives the same items, numbers, departments and merged cells as its .docx twin', async () => {
    const fromDocx = await ingest('list.docx');
    expect(fromDocx.items.length).toBeGreaterThan(250);
    expect(fromDocx.items.filter((i) => i.kind === 'measure').slice(0, 3).map((m) => m.number)).toEqual(['1', '2', '3']);
    for (const name of ['list.doc', 'list.wps', 'list.rtf']) {
      const doc = await ingest(name);
      expect(doc.encoding).toBe(`docx（由 ${path.extname(name)} 转换）`);
      expect([name, doc.kind, doc.title]).toEqual([name, fromDocx.kind, fromDocx.title]);
      expect([name, summary(doc.items)]).toEqual([name, summary(fromDocx.items)]);
    }
  });

  it('a plan (seed 001) numbered by Word as .doc, .wps, .rtf and .odt keeps its automatic numbering', async () => {
    const fromDocx = await ingest('plan.docx');
    const measures = fromDocx.items.filter((i) => i.kind === 'measure');
    expect(measures.length).toBeGreaterThan(10);
    expect(measures.slice(0, 3).map((m) => m.number)).toEqual(['1', '2', '3']);
    for (const name of ['plan.doc', 'plan.wps', 'plan.rtf', 'plan.odt']) expect([name, summary((await ingest(name)).items)]).toEqual([name, summary(fromDocx.items)]);
  });

  it('keeps separate lists separate in a .doc: one-item lists back to back, in the body and in table cells', async () => {
    process.env.KB_CONVERT_CACHE = cacheDir;
    const text = async (name: string) => (await readSource(name, twins[name]!)).text.split('\n').filter((l) => l.trim() !== '');
    const fromDocx = await text('lists.docx');
    expect(fromDocx.slice(0, 6)).toEqual(['各种编号列表', '1.甲第1项', '1.乙第1项', '2.乙第2项', '1.丙第1项', '1.丁第1项']);
    expect(await text('lists.doc')).toEqual(fromDocx);
  });

  it('keeps the converted file by content hash: the second read runs no LibreOffice', async () => {
    const dir = path.join(work, 'cache-2');
    const first = await convertToDocx(twins['list.rtf']!, '.rtf', { cacheDir: dir });
    const started = performance.now();
    // A binary that does not run: only the cache can answer.
    copyFileSync('/bin/false', path.join(work, 'soffice-false'));
    const again = await convertToDocx(twins['list.rtf']!, '.rtf', { cacheDir: dir, soffice: path.join(work, 'soffice-false') });
    expect(performance.now() - started).toBeLessThan(500);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('reads a .docx saved as strict Open XML, which the Word reader cannot, through LibreOffice', async () => {
    // Strict Open XML: the same parts under the ISO namespaces (Word's “严格 Open XML 文档”).
    const files = unzipSync(twins['list.docx']!);
    for (const [name, part] of Object.entries(files)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      files[name] = strToU8(
        strFromU8(part)
          .replaceAll('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main')
          .replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'),
      );
    }
    twins['strict.docx'] = zipSync(files);
    const doc = await ingest('strict.docx');
    expect(doc.encoding).toBe('docx（由 .docx 转换）');
    expect(summary(doc.items)).toEqual(summary((await ingest('list.docx')).items));
  });

  it('names a file LibreOffice cannot open, with its error', async () => {
    const broken = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    await expect(readSource('broken.doc', broken)).rejects.toThrow(/^broken\.doc：是 Word 97–2003 文档（\.doc），LibreOffice 无法打开它（.+）：文件已损坏.*另存为 \.docx 后重新构建。$/);
  });

  it('picks the import filter by content, and sends LibreOffice nothing that is none of its formats', async () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(importFilter(twins['list.doc']!, '.doc')).toBe('MS Word 97');
    expect(importFilter(twins['list.wps']!, '.wps')).toBe('MS Word 97');
    // Word's “save as .doc” of an RTF or a web page keeps that content under the .doc name.
    expect(importFilter(twins['list.rtf']!, '.doc')).toBe('Rich Text Format');
    expect(importFilter(bytes('\xEF\xBB\xBF<!DOCTYPE html><html><body>妇女</body></html>'), '.doc')).toBe('HTML (StarWriter)');
    expect(importFilter(twins['plan.odt']!, '.odt')).toBe('writer8');
    expect(importFilter(twins['list.docx']!, '.doc')).toBe('MS Word 2007 XML');
    expect(importFilter(bytes('legacy text'), '.doc')).toBeUndefined();
    const started = performance.now();
    await expect(readSource('notes.rtf', bytes('plain words'))).rejects.toThrow(/^notes\.rtf：是 RTF 文档（\.rtf），但内容不是这种格式/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('without LibreOffice stops with the install command', async () => {
    await expect(convertToDocx(twins['list.doc']!, '.doc', { soffice: '/nonexistent/soffice', cacheDir: null })).rejects.toThrow(ConverterMissingError);
    process.env.KB_SOFFICE = '/nonexistent/soffice';
    try {
      const error = await readSource('old.wps', new Uint8Array([1, 2, 3])).then(() => new Error("read"), (e: Error) => e);
      expect(error.message).toBe(
        `old.wps：是 WPS 文档（.wps），需要 LibreOffice 转换后才能读取，本机没有找到 LibreOffice（/nonexistent/soffice）。请安装（Debian/Ubuntu：\`${SOFFICE_INSTALL}\`），或用 Word、WPS 把它另存为 .docx 后重新构建。`,
      );
      // A .docx its own reader cannot read keeps the reader's message when there is no converter.
      await expect(readSource('bad.docx', new TextEncoder().encode('PK not a zip'))).rejects.toThrow(/^bad\.docx：无法作为 \.docx/);
    } finally {
      delete process.env.KB_SOFFICE;
    }
  });
});
