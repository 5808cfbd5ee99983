import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

// Printing and reading whole documents takes seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
import { ingestDocument } from '../../pipeline.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import { docxToText, formatNumber, readDocx } from './docx.ts';
import { readSource } from './index.ts';
import { keyTaskDocx as mergedTable } from '../../testing/formats.ts';
import type { Item } from '../../types.ts';

/**
 * The .docx fixtures are written here by the `docx` package (an independent writer of Word
 * files), never by the reader under test.
 */

type Cell = string[]; // a cell's paragraphs

/**
 * Seed 003's key-task tables (a Word table flattened to text) read back into titles and rows
 * of five cells: a tab starts a cell, a line without one continues it.
 */
function seedTables(): { titles: string[]; rows: Cell[][] }[] {
  const tables: { titles: string[]; rows: Cell[][] }[] = [];
  let cells: Cell[] = [];
  for (const raw of seedText(SEED.daanTaskLists).split('\n')) {
    const line = raw.replace(/\[bookmark:[^\]]*\]/g, '').replace(/\s+$/, '');
    if (!raw.startsWith('\t') && /^(附件\s*[0-9]+|.*重点任务清单)$/.test(line.trim())) {
      // Outside the table: an attachment label or a table's title.
      if (cells.length > 0 || tables.length === 0 || tables[tables.length - 1]!.rows.length > 0) tables.push({ titles: [], rows: [] });
      tables[tables.length - 1]!.titles.push(line.trim());
      cells = [];
      continue;
    }
    if (raw.startsWith('\t')) {
      cells.push(line.trim() ? [line.trim()] : []);
      const table = tables[tables.length - 1]!;
      if (cells.length === 5) {
        table.rows.push(cells);
        cells = [];
      }
      // Continuation lines go to the last cell, which may already be in a finished row.
    } else if (line.trim()) {
      const table = tables[tables.length - 1]!;
      const last = cells.length > 0 ? cells[cells.length - 1]! : table.rows[table.rows.length - 1]![4]!;
      last.push(line.trim());
    }
  }
  // The seed ends in a row without its last (empty) cell.
  if (cells.length > 0) tables[tables.length - 1]!.rows.push([...cells, ...Array.from({ length: 5 - cells.length }, () => [])]);
  return tables;
}

/**
 * Seed 003 as a Word file: its tables with the domain and goal cells merged down over their
 * domain's rows, goals and measures numbered by Word (restarting in each domain), and each
 * department of a cell in a paragraph of its own (the seed's `、` dropped).
 */
async function seedAsDocx(): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let instance = 0;
  const numbered = (lines: string[], reference: string, list: { next: number; instance: number }) =>
    lines.map((line) => {
      const m = /^([0-9]+)\.(.*)$/.exec(line);
      if (m && Number(m[1]) === list.next) {
        list.next++;
        return new Paragraph({ text: m[2]!, numbering: { reference, level: 0, instance: list.instance } });
      }
      return new Paragraph(line);
    });
  for (const table of seedTables()) {
    for (const title of table.titles) children.push(new Paragraph({ text: title, alignment: AlignmentType.CENTER }));
    const [header, ...body] = table.rows;
    const rows = [new TableRow({ children: header!.map((c) => new TableCell({ children: [new Paragraph(c.join(''))] })) })];
    let goals = { next: 1, instance: 0 };
    let measures = { next: 1, instance: 0 };
    for (const [domain, goal, measure, lead, partner] of body) {
      const startsDomain = domain!.length > 0;
      if (startsDomain) {
        goals = { next: 1, instance: ++instance };
        measures = { next: 1, instance: ++instance };
      }
      const merged = (paragraphs: Paragraph[]) =>
        new TableCell({
          children: startsDomain ? (paragraphs.length ? paragraphs : [new Paragraph('')]) : [new Paragraph('')],
          verticalMerge: startsDomain ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
        });
      const departments = (cell: Cell) => {
        const names = cell.flatMap((l) => l.split('、')).filter(Boolean);
        return new TableCell({ children: names.length ? names.map((d) => new Paragraph(d)) : [new Paragraph('')] });
      };
      rows.push(
        new TableRow({
          children: [
            merged(domain!.map((l) => new Paragraph(l))),
            merged(numbered(goal!, 'goals', goals)),
            new TableCell({ children: numbered(measure!, 'measures', measures).concat(measure!.length ? [] : [new Paragraph('')]) }),
            departments(lead!),
            departments(partner!),
          ],
        }),
      );
    }
    children.push(new Table({ rows }));
  }
  const level = { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 };
  const doc = new Document({
    numbering: { config: [{ reference: 'goals', levels: [level] }, { reference: 'measures', levels: [level] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const summary = (items: Item[]) =>
  items.map((i) => ({ id: i.id, kind: i.kind, domain: i.domain, number: i.number, text: i.text, lead: i.leadDepartments, partner: i.partnerDepartments }));

describe('a key-task list in Word (seed 003 as .docx)', () => {
  it('gives the same domains, goals, measures and departments as the flattened text', async () => {
    const bytes = await seedAsDocx();
    const fromText = ingestDocument(SEED.daanTaskLists, new TextEncoder().encode(seedText(SEED.daanTaskLists)));
    const name = SEED.daanTaskLists.replace(/\.txt$/, '.docx');
    const fromWord = ingestDocument(name, bytes, undefined, await readSource(name, bytes));
    expect(fromWord.encoding).toBe('docx');
    expect(fromWord.kind).toBe('tasklist');
    expect(fromText.items.length).toBeGreaterThan(150);
    expect(summary(fromWord.items)).toEqual(summary(fromText.items));
    // Departments written one per paragraph, without `、`, are still separate names.
    expect(fromWord.items.some((i) => i.leadDepartments.length >= 3)).toBe(true);
    expect([fromWord.title, fromWord.city]).toEqual([fromText.title, fromText.city]);
  });

  it('prints merged domain and goal cells once, and carries them to every row in the table model', async () => {
    const blocks = readDocx(await seedAsDocx());
    const table = blocks.find((b) => b.kind === 'table')!;
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    const healthRows = table.rows.filter((r) => r[0]!.paragraphs.join('') === '（一）妇女与健康');
    expect(healthRows.length).toBeGreaterThan(5);
    expect(healthRows.slice(1).every((r) => r[0]!.continued && r[1]!.continued)).toBe(true);
    expect(new Set(healthRows.map((r) => r[1]!.paragraphs[0]))).toEqual(new Set([healthRows[0]![1]!.paragraphs[0]]));
    // Word's own numbering, printed: goals 1–9 of the first domain.
    expect(healthRows[0]![1]!.paragraphs.map((p) => /^[0-9]+\./.exec(p)?.[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    const { text } = docxToText(await seedAsDocx());
    expect(text.split('\n').filter((l) => l === '妇女与健康')).toHaveLength(1); // the merged domain cell is printed once
  });
});

describe('readDocx on merged cells', () => {
  it('carries a department cell merged down over several measures to each of them', async () => {
    const bytes = await mergedTable();
    const doc = ingestDocument('list.docx', bytes, undefined, await readSource('list.docx', bytes));
    const measures = doc.items.filter((i) => i.kind === 'measure');
    expect(measures.map((m) => [m.domain, m.number, m.leadDepartments, m.partnerDepartments])).toEqual([
      ['儿童与健康', '1', ['市卫健局', '市医保局'], ['市妇联', '市教育局']],
      ['儿童与健康', '2', ['市卫健局', '市医保局'], ['市市场监管局']],
      ['儿童与安全', '1', ['市教育局'], ['市应急局']],
      ['儿童与安全', '2', ['市公安局'], ['市应急局']],
    ]);
    expect(doc.items.filter((i) => i.kind === 'goal').map((g) => g.domain)).toEqual(['儿童与健康', '儿童与安全']);
  });

  it('keeps the grid under a cell spanning columns', async () => {
    const table = readDocx(await mergedTable()).find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows[3]!.map((c) => [c.column, c.span])).toEqual([[0, 5]]);
    const { text } = docxToText(await mergedTable());
    const lines = text.split('\n');
    const note = lines.indexOf('\t说明：以下为儿童与安全领域');
    expect(lines.slice(note + 1, note + 5)).toEqual(['\t', '\t', '\t', '\t']);
  });
});

/** A .docx from raw WordprocessingML, for what the docx package cannot write (numbering styles). */
function rawDocx(body: string, numbering = '', styles = ''): Uint8Array {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${ns}><w:body>${body}</w:body></w:document>`),
  };
  if (numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0"?><w:numbering ${ns}>${numbering}</w:numbering>`);
  if (styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0"?><w:styles ${ns}>${styles}</w:styles>`);
  return zipSync(files);
}

const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const para = (text: string, numId?: number, ilvl = 0, style?: string) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('Word numbering', () => {
  it('prints Chinese-counting and decimal lists as Word shows them, levels restarting', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [
      para('总体要求', 1),
      para('指导思想', 1, 1),
      para('基本原则', 1, 1),
      para('坚持党的领导。', 1, 2),
      para('坚持儿童优先。', 1, 2),
      para('发展领域', 1),
      para('儿童与健康', 1, 1),
      para('不带编号的段落'),
    ].join('');
    const { text } = docxToText(rawDocx(body, numbering));
    expect(text.split('\n')).toEqual(['一、总体要求', '（一）指导思想', '（二）基本原则', '1.坚持党的领导。', '2.坚持儿童优先。', '二、发展领域', '（一）儿童与健康', '不带编号的段落']);
  });

  it('reads numbering given by a paragraph style, and a list instance that starts again', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="Goal"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = [para('甲', undefined, 0, 'Goal'), para('乙', undefined, 0, 'Goal'), para('丙', 2), para('丁', 2)].join('');
    expect(docxToText(rawDocx(body, numbering, styles)).text.split('\n')).toEqual(['1.甲', '2.乙', '1.丙', '2.丁']);
  });

  // LibreOffice's Word 97 writer saves a list that starts again as two lists: its first
  // paragraph alone in a copy of the list, appended to the list table (abstract 7 here), the
  // rest in the list itself (abstract 2). Both are defined alike, as it writes them.
  const decimal = (id: number) => `<w:abstractNum w:abstractNumId="${id}">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%2.')}</w:abstractNum>`;
  const num = (id: number, abstract: number, start?: number) =>
    `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstract}"/>${start ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${start}"/></w:lvlOverride>` : ''}</w:num>`;
  const split = decimal(2) + decimal(3) + decimal(7) + decimal(8) + num(2, 2) + num(3, 3) + num(7, 7) + num(8, 8);
  const lines = (body: string, numbering: string, joinSplitLists: boolean) => docxToText(rawDocx(body, numbering), { joinSplitLists }).text.split('\n').filter((l) => l !== '');

  it('counts a list that LibreOffice saved as .doc in two pieces as one list, when the converter asks', () => {
    const body = [para('目标', 7), para('甲', 2), para('乙', 2), para('丙', 2), para('策略措施：'), para('措施', 8), para('子', 3)].join('');
    expect(lines(body, split, false)).toEqual(['1.目标', '1.甲', '2.乙', '3.丙', '策略措施：', '1.措施', '1.子']);
    expect(lines(body, split, true)).toEqual(['1.目标', '2.甲', '3.乙', '4.丙', '策略措施：', '1.措施', '2.子']);
    // Down a table's column, one measure per row: the other cells of the rows lie between.
    const cell = (...ps: string[]) => `<w:tc>${ps.join('') || '<w:p/>'}</w:tc>`;
    const table = `<w:tbl>${[
      [cell(para('（一）妇女与健康')), cell(para('健全制度', 7)), cell(para('市卫健局'))],
      [cell(), cell(para('完善服务', 2)), cell(para('市妇联'))],
      [cell(), cell(para('加强保障', 2)), cell()],
    ]
      .map((r) => `<w:tr>${r.join('')}</w:tr>`)
      .join('')}</w:tbl>`;
    expect(docxToText(rawDocx(table, split), { joinSplitLists: true }).text.split('\n').filter((l) => /^\t[0-9]/.test(l))).toEqual(['\t1.健全制度', '\t2.完善服务', '\t3.加强保障']);
  });

  it('keeps two lists two lists: back to back, after a one-item list, or starting again by their own override', () => {
    // Two lists of two, as Word writes them: two instances of one list, the second starting again.
    const word = decimal(0) + num(1, 0, 1) + num(2, 0, 1);
    const twoLists = [para('甲', 1), para('乙', 1), para('丙', 2), para('丁', 2)].join('');
    for (const join of [false, true]) expect(lines(twoLists, word, join)).toEqual(['1.甲', '2.乙', '1.丙', '2.丁']);
    // A one-item list, then a list that comes later in the list table: two lists.
    const later = [para('唯一目标', 2), para('措施一', 3), para('措施二', 3)].join('');
    expect(lines(later, split, true)).toEqual(['1.唯一目标', '1.措施一', '2.措施二']);
    // A one-item list, then a list defined otherwise (（一）), or one that sets its own start.
    const other = `<w:abstractNum w:abstractNumId="2">${lvl(0, 'chineseCounting', '（%1）')}</w:abstractNum>${decimal(7)}${num(2, 2)}${num(7, 7)}`;
    expect(lines([para('目标', 7), para('甲', 2), para('乙', 2)].join(''), other, true)).toEqual(['1.目标', '（一）甲', '（二）乙']);
    const ownStart = decimal(2) + decimal(7) + num(2, 2, 1) + num(7, 7);
    expect(lines([para('目标', 7), para('甲', 2), para('乙', 2)].join(''), ownStart, true)).toEqual(['1.目标', '1.甲', '2.乙']);
  });

  it('formats counters in the formats Chinese documents use', () => {
    expect([1, 10, 11, 20, 23, 100, 105].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十三', '一百', '一百零五']);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
  });
});

describe('readDocx on paragraphs', () => {
  it('keeps tracked insertions and hyperlinks, and drops deletions and field codes', () => {
    const body =
      '<w:p><w:r><w:t>保障</w:t></w:r><w:ins><w:r><w:t>妇女</w:t></w:r></w:ins><w:del><w:r><w:delText>儿童</w:delText></w:r></w:del>' +
      '<w:hyperlink><w:r><w:t>权益</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>。</w:t></w:r></w:p>';
    expect(docxToText(rawDocx(body)).text).toBe('保障妇女权益 。');
  });
});

describe('readDocx on text boxes', () => {
  it('keeps the text of a text box once, after its paragraph, though Word writes it twice', () => {
    const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const box = (text: string) => `<w:txbxContent>${para(text)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent ${mc}><mc:Choice Requires="wps"><w:drawing>${box('附件1')}</w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict>${box('附件1')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      `<w:p><w:r><w:pict>${box('仅在文本框中')}</w:pict></w:r></w:p>`;
    expect(docxToText(rawDocx(body)).text.split('\n')).toEqual(['正文', '附件1', '仅在文本框中']);
  });
});

describe('readDocx on content controls', () => {
  it('reads paragraphs, rows and cells wrapped in content controls', () => {
    const cell = (text: string) => `<w:tc>${para(text)}</w:tc>`;
    const body =
      `<w:sdt><w:sdtContent>${para('标题')}</w:sdtContent></w:sdt>` +
      `<w:tbl><w:tr>${cell('发展领域')}<w:sdt><w:sdtContent>${cell('主要目标')}</w:sdtContent></w:sdt></w:tr>` +
      `<w:sdt><w:sdtContent><w:tr>${cell('儿童与健康')}${cell('1.目标。')}</w:tr></w:sdtContent></w:sdt></w:tbl>`;
    expect(docxToText(rawDocx(body)).text.split('\n')).toEqual(['标题', '\t发展领域', '\t主要目标', '', '\t儿童与健康', '\t1.目标。', '']);
  });
});

describe('files that are not readable .docx', () => {
  it('names the file, the problem and the fix', async () => {
    await expect(readSource('plan.docx', new TextEncoder().encode('not a zip at all'))).rejects.toThrow(/^plan\.docx：无法作为 \.docx（zip）文件包打开.*请用 Word 或 LibreOffice 打开后重新另存为 \.docx/);
    await expect(readSource('plan.docx', zipSync({ 'hello.txt': strToU8('hi') }))).rejects.toThrow(/^plan\.docx：.*没有 word\/document\.xml/);
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readSource('plan.docx', ole)).rejects.toThrow(/^plan\.docx：.*可能设有密码.*请去掉密码/);
    await expect(readSource('plan.doc', ole)).rejects.toThrow(/^plan\.doc：是 Word 97–2003 文档.*另存为 \.docx/);
  });
});

describe('a Word document read as text loses nothing', () => {
  it('keeps every character of every cell of seed 003 as Word', async () => {
    const read = await readSource('list.docx', await seedAsDocx());
    const doc = ingestDocument('list.docx', new Uint8Array(), undefined, read);
    const chars = (s: string) => [...s.replace(/\s+/g, '')].sort().join('');
    expect(chars(doc.blocks.map((b) => b.text).join('') + doc.removed.map((r) => r.text).join(''))).toBe(chars(read.text));
    // …and the text holds every character of the flattened seed but its Word bookmarks and the `、` between departments.
    const seed = seedText(SEED.daanTaskLists).replace(/\[bookmark:[^\]]*\]/g, '').replace(/、/g, '');
    expect(chars(read.text.replace(/、/g, ''))).toBe(chars(seed));
  });
});

describe('a plan in Word (seed 001 as .docx)', () => {
  it('gives the same items as the text version, one Word paragraph per paragraph of the text', async () => {
    const fromText = ingestDocument(SEED.fuxinPlans, new TextEncoder().encode(seedText(SEED.fuxinPlans)));
    const doc = new Document({ sections: [{ children: fromText.blocks.map((b) => new Paragraph(b.text)) }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const name = SEED.fuxinPlans.replace(/\.txt$/, '.docx');
    const fromWord = ingestDocument(name, bytes, undefined, await readSource(name, bytes));
    expect(fromText.items.length).toBeGreaterThan(300);
    expect(summary(fromWord.items)).toEqual(summary(fromText.items));
    expect([fromWord.kind, fromWord.city, fromWord.date, fromWord.docNumber]).toEqual([fromText.kind, fromText.city, fromText.date, fromText.docNumber]);
  });
});
