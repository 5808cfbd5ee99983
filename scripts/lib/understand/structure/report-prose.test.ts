/**
 * Implementation reports (落实情况报告, 实施情况报告, 工作报告) in the shapes governments print them
 * (issue 15, class 4), written from the seeds' own sentences: seed 002's points, and a report
 * on implementing the 阜新 women's plan whose paragraphs are seed 001's measures, one field
 * each. Each report goes through the whole ingest of one document; its items must be the
 * report's points (one per `（一）`, or one per paragraph where the sections are prose), never
 * its preamble, a section's lead, its closing paragraph, 特此报告, the signature, the date or
 * the attachment line.
 */
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { decode } from '../../read/decode.ts';
import { documentBody, mdxFile } from '../../publish/emit/mdx.ts';
import { normalise } from '../../read/normalise.ts';
import { ingestDocument } from '../../pipeline.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { DomainName, Item, KbDocument } from '../../types.ts';
import { recognisePlan } from './plan.ts';
import { parseReport } from './report.ts';
import { titleSentence } from './title.ts';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A report's content, before it is printed in a layout. */
interface Report {
  /** Lines before the first section: title, document number, addressee, preamble. */
  head: string[];
  sections: { heading: string; lead?: string; points: Point[]; /** The points are fields named by a domain subheading each. */ fields?: DomainName[] }[];
  /** The closing paragraph, 特此报告, signature, date, attachment line. */
  closing: string[];
}

/** One point: its title sentence and the rest of its paragraph. */
interface Point {
  title: string;
  body: string;
}

const pointOf = (text: string): Point => {
  const title = titleSentence(text, { semicolonEndsPoint: true });
  return { title, body: text.slice(title.length).replace(/^[。；]/, '') };
};

/** Seed 002 as its own content: its head, three sections with their leads and ten points, its closing. */
function jingan(): Report {
  const { blocks } = normalise(seedText(SEED.jinganReport));
  const items = parseReport('002', blocks);
  const firstSection = blocks.findIndex((b) => /^一、/.test(b.text));
  const sections: Report['sections'] = [];
  for (const b of blocks) {
    if (/^[一二三]、/.test(b.text)) sections.push({ heading: b.text.replace(/、\s+/, '、'), points: [] });
  }
  sections.forEach((s, k) => {
    const own = items.filter((i) => i.id.includes(`-s${k + 1}-`));
    s.lead = blocks[own[0]!.blockStart - 1]!.text;
    s.points = own.map((i) => pointOf(i.text));
  });
  const last = items.at(-1)!.blockEnd;
  return { head: blocks.slice(0, firstSection).map((b) => b.text), sections, closing: blocks.slice(last + 1).map((b) => b.text) };
}

/** A 实施情况报告 on the 阜新 women's plan: one paragraph per field, from seed 001's measures. */
function fuxin(): Report {
  const { blocks } = normalise(decode(new TextEncoder().encode(seedText(SEED.fuxinPlans))).text);
  const items = recognisePlan('001', blocks).items;
  const women = [...new Set(items.filter((i) => i.population === '妇女').map((i) => i.domain!))];
  const measure = (domain: string, n: number) => items.find((i) => i.domain === domain && i.kind === 'measure' && i.number === String(n))!.text;
  const preface = blocks.find((b) => b.text.startsWith('进入新时代，我国社会主要矛盾'))!.text;
  return {
    head: [
      '阜新市人民政府关于阜新市妇女发展规划（2021—2030年）2023年实施情况的报告',
      '市人大常委会：',
      '2023年，市政府深入贯彻男女平等基本国策，统筹推进规划实施。现将有关情况报告如下：',
    ],
    sections: [
      { heading: '一、规划实施的主要成效', lead: '一年来，全市上下协同推进规划实施，各领域主要目标任务进展顺利。', points: women.map((d) => pointOf(measure(d, 1))), fields: women as DomainName[] },
      { heading: '二、存在的问题', points: [pointOf(preface)] },
      { heading: '三、下一步工作打算', points: women.slice(0, 3).map((d) => pointOf(measure(d, 2))) },
    ],
    closing: [
      '市政府将在市委的坚强领导下，自觉接受市人大及其常委会的监督，推动规划目标全面实现。',
      '特此报告。',
      '阜新市人民政府',
      '2024年3月15日',
      '附件：阜新市妇女发展规划2023年监测指标完成情况',
    ],
  };
}

/** How a layout prints a section's points. */
type Dress = 'inline' | 'prose' | 'subheading' | 'arabic' | 'fields';

interface Layout {
  name: string;
  report: () => Report;
  dress: Dress;
  markdown?: boolean;
}

const LAYOUTS: Layout[] = [
  { name: '002 原样：（一）标题。正文', report: jingan, dress: 'inline' },
  { name: '002 改为散文：每段一个要点，无（一）', report: jingan, dress: 'prose' },
  { name: '002：（一）标题单独成行，正文另起一段', report: jingan, dress: 'subheading' },
  { name: '002：1. 编号', report: jingan, dress: 'arabic' },
  { name: '实施情况报告（001 的措施）：散文，每段一个领域', report: fuxin, dress: 'prose' },
  { name: '实施情况报告：（一）标题。正文', report: fuxin, dress: 'inline' },
  { name: '实施情况报告：（一）妇女与健康 小标题下一段', report: fuxin, dress: 'fields' },
  { name: '实施情况报告：Markdown ## 一、，散文', report: fuxin, dress: 'prose', markdown: true },
];

/** Printed text, and the items it must give, as `number title | text` (domain first when a subheading names it). */
function render(layout: Layout): { text: string; expected: string[] } {
  const r = layout.report();
  const lines = [...r.head];
  const expected: string[] = [];
  for (const s of r.sections) {
    lines.push(layout.markdown ? `## ${s.heading}` : s.heading);
    if (s.lead) lines.push(s.lead);
    const dress = layout.dress === 'fields' && !s.fields ? 'prose' : layout.dress;
    s.points.forEach((p, k) => {
      const whole = `${p.title}。${p.body}`;
      if (dress === 'inline') {
        lines.push(`（${CN[k + 1]}）${whole}`);
        expected.push(`null （${CN[k + 1]}） ${p.title} | ${whole}`);
      } else if (dress === 'prose') {
        lines.push(whole);
        // A section of one paragraph is one point: its heading's number and title.
        const [number, title] = s.points.length === 1 ? [s.heading.slice(0, 2), s.heading.slice(2)] : ['', p.title];
        expected.push(`null ${number} ${title} | ${whole}`);
      } else if (dress === 'subheading') {
        lines.push(`（${CN[k + 1]}）${p.title}`, p.body);
        expected.push(`null （${CN[k + 1]}） ${p.title} | ${p.title}\n${p.body}`);
      } else if (dress === 'arabic') {
        lines.push(`${k + 1}.${whole}`);
        expected.push(`null ${k + 1} ${p.title} | ${whole}`);
      } else {
        const field = s.fields![k]!;
        lines.push(`（${CN[k + 1]}）${field}`, whole);
        expected.push(`${field}  ${p.title} | ${whole}`);
      }
    });
  }
  lines.push(...r.closing);
  return { text: lines.join('\n\n') + '\n', expected };
}

const squash = (s: string) => s.replace(/\s/g, '');
function visible(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map((c) => visible(c as typeof node)).join('');
}

const key = (i: Item) => `${i.domain} ${i.number} ${i.title} | ${i.text}`;

const table: { layout: string; right: number; expected: number; extra: number }[] = [];

afterAll(() => {
  const lines = table.map((r) => `${String(r.right).padStart(3)}/${String(r.expected).padEnd(3)} +${String(r.extra).padEnd(3)} ${r.layout}`);
  console.log(`报告样式（每个要点一条）：\n${lines.join('\n')}`);
});

function ingest(layout: Layout): { doc: KbDocument; expected: string[] } {
  const { text, expected } = render(layout);
  const doc = ingestDocument(layout.markdown ? 'report.md' : 'report.txt', new TextEncoder().encode(text));
  const wanted = new Map<string, number>();
  for (const e of expected) wanted.set(e, (wanted.get(e) ?? 0) + 1);
  let right = 0;
  for (const i of doc.items) {
    const n = wanted.get(key(i)) ?? 0;
    if (n > 0) {
      right++;
      wanted.set(key(i), n - 1);
    }
  }
  table.push({ layout: layout.name, right, expected: expected.length, extra: doc.items.length - right });
  return { doc, expected };
}

describe('reports in the shapes governments print them give one item per point', () => {
  for (const layout of LAYOUTS) {
    it(layout.name, () => {
      const { doc, expected } = ingest(layout);
      expect(doc.kind).toBe('report');
      expect(doc.items.map(key)).toEqual(expected);
      expect(doc.items.every((i) => i.kind === 'report')).toBe(true);
      // Each item points at its text, and the document page still shows every block.
      for (const item of doc.items) expect(doc.blocks[item.blockStart]!.text.slice(item.textStart).startsWith(item.text.split('\n')[0]!), item.id).toBe(true);
      const tree = unified().use(remarkParse).use(remarkMdx).parse(mdxFile({ title: doc.title }, documentBody(doc)).replace(/^---\n[\s\S]*?\n---\n/, '')) as Root;
      expect(squash(visible(tree))).toBe(squash(doc.blocks.map((b) => b.text).join('')));
    });
  }
});
