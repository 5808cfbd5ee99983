/**
 * Unseen variants: the seeds' plans and task lists rewritten into the layouts, encodings and
 * excerpts editors receive (fixtures/, written once from seed 001's text; see README.md). For
 * each one the whole ingest of one document runs (decode → normalise → metadata → structure)
 * and the test states what must be recognised: kind, level, place, title, the domains with
 * the numbers of their goals and measures, and the recogniser's notes. The table of what was
 * recognised is printed at the end of the run.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { decode } from '../../../read/decode.ts';
import { documentBody, mdxFile } from '../../../publish/emit/mdx.ts';
import { ingestDocument } from '../../../pipeline.ts';
import type { Item, KbDocument, Level } from '../../../types.ts';
import type { StructureNoteCode } from '../notes.ts';
import { recognisePlan } from '../plan.ts';
import { recogniseTaskList } from '../tasklist.ts';

const NO_DOMAIN = '（无领域）';

interface Variant {
  file: string;
  /** What an editor would call it. */
  what: string;
  kind: 'plan' | 'tasklist';
  level: Level;
  city: string | null;
  province?: string | null;
  title: string;
  encoding?: string;
  /** Per domain (or NO_DOMAIN): `goals 1–3, measures 1–3` as {@link numbering} prints it. */
  domains: Record<string, string>;
  notes?: StructureNoteCode[];
  /** Checks of single items, by domain, kind and printed number. */
  items?: { domain: string | null; kind: 'goal' | 'measure'; number: string; title?: string; text?: string; lead?: string[]; partner?: string[] }[];
}

const VARIANTS: Variant[] = [
  {
    file: 'national-excerpt.txt',
    what: '国家纲要节选：一个领域的策略措施 9–12，无主要目标',
    kind: 'plan',
    level: 'national',
    city: '全国',
    province: null,
    title: '中国儿童发展纲要（2021—2030年）（节选）',
    domains: { 儿童与福利: 'measures 9–12' },
    notes: [],
    items: [{ domain: '儿童与福利', kind: 'measure', number: '9', title: '完善流动儿童服务机制' }],
  },
  {
    file: 'national-excerpt-no-domain.txt',
    what: '国家纲要节选，无领域标题',
    kind: 'plan',
    level: 'national',
    city: '全国',
    title: '中国妇女发展纲要（2021—2030年）（节选）',
    domains: { [NO_DOMAIN]: 'measures 3–5' },
    notes: ['list-without-domain'],
  },
  {
    file: 'national-selection-inline.txt',
    what: '国家纲要节选：选印措施 2、5、6、9，第一条与「策略措施：」同行',
    kind: 'plan',
    level: 'national',
    city: '全国',
    title: '中国儿童发展纲要（2021—2030年）（节选）',
    domains: { 儿童与安全: 'measures 2, 5, 6, 9' },
    notes: [],
  },
  {
    file: 'province-parts.txt',
    what: '省级规划：印发通知、第X部分、（一）领域无句号，CRLF',
    kind: 'plan',
    level: 'province',
    city: '辽宁省',
    province: '辽宁省',
    title: '辽宁省人民政府关于印发辽宁省妇女发展规划（2021—2030年）的通知',
    domains: { 妇女与健康: 'goals 1–3, measures 1–3', 妇女与教育: 'goals 1–2, measures 1–2' },
    notes: [],
  },
  {
    file: 'county-markdown.md',
    what: '县级规划，Markdown 标题（### 领域，#### 主要目标）',
    kind: 'plan',
    level: 'county',
    city: '通榆县',
    province: '吉林省',
    title: '通榆县儿童发展规划（2021—2030年）',
    domains: { 儿童与健康: 'goals 1–3, measures 1–2', 儿童与安全: 'goals 1–2, measures 1–2' },
    notes: [],
  },
  {
    file: 'district-numbering.txt',
    what: '区级规划：一、领域，１、/（1）/⑴/① 编号，全角数字',
    kind: 'plan',
    level: 'district',
    city: '海州区',
    title: '海州区妇女发展规划（2021—2030年）',
    domains: { 妇女与健康: 'goals 1–3, measures 1–3', 妇女与教育: 'goals 1–2, measures 1–3' },
    notes: [],
    items: [
      { domain: '妇女与健康', kind: 'goal', number: '1', title: '妇女全生命周期享有良好的卫生健康服务，妇女人均预期寿命延长，人均健康预期寿命提高' },
      // A `1.` paragraph inside a list numbered （1）（2） is part of measure （2）.
      { domain: '妇女与健康', kind: 'measure', number: '（2）', text: '1.一个属于措施（2）的分项。' },
      { domain: '妇女与教育', kind: 'goal', number: '⑵' },
      { domain: '妇女与教育', kind: 'measure', number: '③' },
    ],
  },
  {
    file: 'goals-only-wrapped.txt',
    what: '一个领域只有主要目标，PDF 折行与页眉页码',
    kind: 'plan',
    level: 'county',
    city: '大安市',
    title: '大安市儿童发展规划（2021—2030年）',
    domains: { 儿童与健康: 'goals 1–5', 儿童与安全: 'goals 1–2, measures 1–2' },
    notes: [],
  },
  {
    file: 'gbk-crlf.txt',
    what: 'GBK 编码，CRLF，只有一个领域',
    kind: 'plan',
    level: 'city',
    city: '白城市',
    province: '吉林省',
    title: '白城市儿童发展规划（2021—2030年）',
    encoding: 'gb18030',
    domains: { 儿童与教育: 'goals 1–3, measures 1–3' },
    notes: [],
  },
  {
    file: 'utf16-bom-crlf.txt',
    what: 'UTF-16 带 BOM，CRLF，领域写作「3. 妇女与经济」',
    kind: 'plan',
    level: 'county',
    city: '长岭县',
    title: '长岭县妇女发展规划（2021—2030年）',
    encoding: 'utf-16le',
    domains: { 妇女与经济: 'goals 1–2, measures 1–2' },
    notes: [],
  },
  {
    file: 'tasklist-reordered.txt',
    what: '任务清单：序号、措施在目标前、配合在牵头前、完成时限',
    kind: 'tasklist',
    level: 'county',
    city: '乾安县',
    title: '乾安县儿童发展规划（2021—2030年）重点任务清单',
    domains: { 儿童与福利: 'goals 1–2, measures 1–2', 儿童与家庭: 'goals 1, measures 1' },
    notes: [],
    items: [
      { domain: '儿童与福利', kind: 'measure', number: '1', lead: ['县民政局'], partner: ['县财政局', '县卫健局'] },
      { domain: '儿童与福利', kind: 'measure', number: '2', lead: ['县民政局', '县发改局'], partner: ['县教育局'] },
      { domain: '儿童与家庭', kind: 'measure', number: '1', lead: ['县妇联'], partner: [] },
    ],
  },
  {
    file: 'tasklist-no-partner.txt',
    what: '任务清单：无配合部门，责任单位一列，1、编号，「1. 妇女与健康」',
    kind: 'tasklist',
    level: 'county',
    city: '前郭县',
    title: '前郭县妇女发展规划（2021—2030年）重点任务清单',
    domains: { 妇女与健康: 'goals 1–2, measures 1–2', 妇女与教育: 'goals 1, measures 1' },
    notes: [],
    items: [{ domain: '妇女与健康', kind: 'measure', number: '1', lead: ['县卫健局', '县妇联'], partner: [] }],
  },
  {
    file: 'tasklist-spreadsheet.txt',
    what: '任务清单从表格软件复制：一行一行、单元格以制表符分隔，合并单元格为空，行尾空格省略，CRLF',
    kind: 'tasklist',
    level: 'county',
    city: '镇赉县',
    title: '镇赉县儿童发展规划（2021—2030年）重点任务清单',
    domains: { 儿童与健康: 'goals 1–2, measures 1–3', 儿童与安全: 'goals 1, measures 1' },
    notes: [],
    items: [
      { domain: '儿童与健康', kind: 'measure', number: '1', lead: ['县卫健局'], partner: ['县医保局', '县财政局'] },
      { domain: '儿童与健康', kind: 'measure', number: '2', lead: ['县卫健局'], partner: [] },
      { domain: '儿童与健康', kind: 'measure', number: '3', lead: ['县卫健局'], partner: ['县妇联'] },
      { domain: '儿童与安全', kind: 'measure', number: '1', lead: ['县公安局'], partner: [] },
    ],
  },
  {
    file: 'county-bracket-headings.txt',
    what: '县级规划：【妇女与健康】、【目标】/【措施】，部分标题无编号，组织实施下有 1. 2. 段落',
    kind: 'plan',
    level: 'county',
    city: '彰武县',
    title: '彰武县妇女发展规划（2021—2030年）',
    domains: { 妇女与健康: 'goals 1–3, measures 1–2', 妇女与经济: 'goals 1–2, measures 1–3' },
    notes: [],
    items: [{ domain: '妇女与经济', kind: 'measure', number: '3', text: '促进妇女就业创业。健全公共就业服务体系，深化就业服务专项活动，促进妇女就业的人岗对接。' }],
  },
  {
    file: 'tasklist-index-rows.txt',
    what: '任务分工：序号列为行编号、任务不带编号，「牵头单位 | 责任单位」，责任单位含各县（市）区政府',
    kind: 'tasklist',
    level: 'city',
    city: '白城市',
    province: '吉林省',
    title: '白城市妇女发展规划（2021—2030年）重点任务分工',
    domains: { 妇女与健康: 'measures 1–3', 妇女与教育: 'measures 1–2' },
    notes: [],
    items: [
      { domain: '妇女与健康', kind: 'measure', number: '1', title: '健全保障妇女健康的制度机制', lead: ['市卫健局'], partner: ['市妇联', '各县（市）区政府'] },
      { domain: '妇女与健康', kind: 'measure', number: '3', lead: ['市卫健局'], partner: [] },
      { domain: '妇女与教育', kind: 'measure', number: '1', lead: ['市委宣传部'], partner: ['市教育局', '市妇联'] },
      { domain: '妇女与教育', kind: 'measure', number: '2', lead: ['市教育局'], partner: ['各县（市、区）政府'] },
    ],
  },
  {
    file: 'plan-unnumbered.txt',
    what: '措施未编号：识别不出条目，全文照发并说明原因',
    kind: 'plan',
    level: 'county',
    city: '洮南市',
    title: '洮南市儿童发展规划（2021—2030年）',
    domains: {},
    notes: ['empty-list', 'no-items'],
  },
];

/** `goals 1–3, measures 9–12`; numbers that do not run on are listed (`goals 1, 3`). */
function numbering(items: Item[]): string {
  return (['goal', 'measure'] as const)
    .map((kind) => {
      const numbers = items.filter((i) => i.kind === kind).map((i) => i.number);
      if (numbers.length === 0) return null;
      const values = numbers.map((n) => Number(n.normalize('NFKC').replace(/[^0-9]/g, '')) || markerValue(n));
      const runs = values.every((v, k) => k === 0 || v === values[k - 1]! + 1);
      return `${kind}s ${runs && values.length > 1 ? `${values[0]}–${values.at(-1)}` : values.join(', ')}`;
    })
    .filter(Boolean)
    .join(', ');
}

function markerValue(marker: string): number {
  const code = marker.codePointAt(0)!;
  return code >= 0x2474 ? code - 0x2473 : code - 0x245f;
}

function byDomain(items: Item[]): Record<string, string> {
  const names = [...new Set(items.map((i) => i.domain ?? NO_DOMAIN))];
  return Object.fromEntries(names.map((d) => [d, numbering(items.filter((i) => (i.domain ?? NO_DOMAIN) === d))]));
}

const parseMdx = (mdx: string) => unified().use(remarkParse).use(remarkMdx).parse(mdx) as Root;
function visible(node: any): string {
  if (node.type === 'text') return node.value;
  if (!node.children) return '';
  return node.children.map(visible).join('');
}
const squash = (s: string) => s.replace(/\s/g, '');

const table: string[] = [];

describe('structure recognisers on unseen variants', () => {
  for (const v of VARIANTS) {
    describe(`${v.file}: ${v.what}`, () => {
      const bytes = readFileSync(new URL(`fixtures/${v.file}`, import.meta.url));
      const doc: KbDocument = ingestDocument(v.file, bytes);
      const notes = (doc.kind === 'tasklist' ? recogniseTaskList : recognisePlan)(doc.id, doc.blocks).notes;
      const recognised = byDomain(doc.items);
      table.push(
        `| ${v.file} | ${doc.encoding} | ${doc.kind} | ${doc.level} | ${doc.city ?? '—'} | ${doc.title} | ${
          Object.entries(recognised).map(([d, n]) => `${d}: ${n}`).join('; ') || '0 items'
        } | ${notes.map((n) => n.code).join(', ') || '—'} |`,
      );

      it('has the kind, level, place and title an editor would give it', () => {
        expect({ kind: doc.kind, level: doc.level, city: doc.city, title: doc.title }).toEqual({ kind: v.kind, level: v.level, city: v.city, title: v.title });
        if (v.province !== undefined) expect(doc.province).toBe(v.province);
        if (v.encoding) expect(doc.encoding).toBe(v.encoding);
      });

      it('recognises each domain with its goals and measures, numbered as printed', () => {
        expect(recognised).toEqual(v.domains);
      });

      it('notes what it could not recognise, and only that', () => {
        expect(notes.map((n) => n.code).sort()).toEqual([...(v.notes ?? [])].sort());
        for (const note of notes) expect(note.message).not.toBe('');
      });

      it('keeps every item whole: its text is its blocks, less the number', () => {
        for (const item of doc.items) {
          expect(item.text.trim(), item.id).not.toBe('');
          expect(item.title.trim(), item.id).not.toBe('');
          expect(doc.blocks[item.blockStart]!.text.slice(item.textStart).startsWith(item.text.split('\n')[0]!), item.id).toBe(true);
        }
        for (const want of v.items ?? []) {
          const item = doc.items.find((i) => i.domain === want.domain && i.kind === want.kind && i.number === want.number);
          expect(item, `${want.domain} ${want.kind} ${want.number}`).toBeDefined();
          if (want.title) expect(item!.title).toBe(want.title);
          if (want.text) expect(item!.text).toContain(want.text);
          if (want.lead) expect(item!.leadDepartments).toEqual(want.lead);
          if (want.partner) expect(item!.partnerDepartments).toEqual(want.partner);
        }
      });

      it('publishes the whole text, items or none', () => {
        // Every source line is in the blocks (or was removed as page furniture, and recorded).
        const source = decode(bytes).text.replace(/^#{1,6}\s+/gm, '');
        const kept = squash(doc.blocks.map((b) => b.text).join('') + doc.removed.map((r) => r.text).join(''));
        expect(kept.length).toBe(squash(source).length);
        // And the document page shows every block.
        const tree = parseMdx(mdxFile({ title: doc.title }, documentBody(doc)).replace(/^---\n[\s\S]*?\n---\n/, ''));
        expect(squash(visible(tree))).toBe(squash(doc.blocks.map((b) => b.text).join('')));
      });
    });
  }

  afterAll(() => {
    console.log(['| file | encoding | kind | level | place | title | recognised | notes |', '|---|---|---|---|---|---|---|---|', ...table].join('\n'));
  });
});
