/**
 * Domain, list, part and plan-title headings in the dresses real plans print them in
 * (issue 15, class 2). Seed 001's two plans, as the clean layout reads them, are the ground
 * truth: the same goals and measures are printed back with each layout's headings, through the
 * whole ingest of one document (decode → normalise → metadata → structure), and must give the
 * same items (domain, kind, number, title, text) with no note, the preface and the closing
 * parts (numbered 基本原则 and 组织实施 paragraphs) giving none.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readSource } from '../../read/formats/index.ts';
import { decode } from '../../read/decode.ts';
import { normalise } from '../../read/normalise.ts';
import { ingestDocument } from '../../pipeline.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { Item, KbDocument } from '../../types.ts';
import { recognisePlan } from './plan.ts';

vi.setConfig({ testTimeout: 60_000 });

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** One plan of seed 001 as read from the clean layout: its preface, domains with their lists, and closing parts. */
interface SourcePlan {
  title: string;
  /** Blocks between the title and the `二、发展领域…` part, headings as printed. */
  preface: string[];
  domains: { name: string; goals: Item[]; measures: Item[] }[];
  /** `三、组织实施` and `四、监测评估`, each with its paragraphs. */
  closing: { title: string; paragraphs: string[] }[];
}

const seedBlocks = normalise(decode(new TextEncoder().encode(seedText(SEED.fuxinPlans))).text).blocks;
const truth = recognisePlan('doc', seedBlocks).items;

function sourcePlans(): SourcePlan[] {
  const titles = seedBlocks.filter((b) => /^阜新市(妇女|儿童)发展规划（2021—2030 年）$/.test(b.text));
  return titles.map((title, k) => {
    const end = titles[k + 1]?.index ?? seedBlocks.length;
    const blocks = seedBlocks.slice(title.index + 1, end);
    const part2 = blocks.findIndex((b) => b.text.startsWith('二、发展领域'));
    const part3 = blocks.findIndex((b) => b.text.startsWith('三、'));
    const own = truth.filter((i) => i.blockStart > title.index && i.blockStart < end);
    const names = [...new Set(own.map((i) => i.domain!))];
    const closing: SourcePlan['closing'] = [];
    for (const b of blocks.slice(part3)) {
      if (/^[三四]、/.test(b.text)) closing.push({ title: b.text.slice(2), paragraphs: [] });
      else closing.at(-1)!.paragraphs.push(b.text);
    }
    return {
      title: title.text.replace(/\s+/g, ''),
      preface: blocks.slice(0, part2).map((b) => b.text),
      domains: names.map((name) => ({
        name,
        goals: own.filter((i) => i.domain === name && i.kind === 'goal'),
        measures: own.filter((i) => i.domain === name && i.kind === 'measure'),
      })),
      closing,
    };
  });
}

const PLANS = sourcePlans();

/** How a layout prints the headings; `k` counts from 1. */
interface Layout {
  name: string;
  title: (title: string) => string[];
  /** A part heading: the plan's parts are 一 (preface part), 二 (domains), 三, 四 (closing). */
  part: (k: number, title: string) => string;
  /** The domains part's heading, or null when the domains follow the preface directly. */
  domainsPart?: (k: number) => string | null;
  domain: (k: number, name: string) => string;
  list: (kind: 'goal' | 'measure', k: number) => string;
  /** How an item's number is printed (`4.` by default). */
  item?: (n: string) => string;
  /** Chapters count the domains too (`第二章 妇女与健康`): closing parts continue the count. */
  chapters?: boolean;
  /** Printed as a Markdown file (`.md`). */
  markdown?: boolean;
}

const numbered = (k: number, title: string) => `${CN[k]}、${title}`;
const colonLists = (kind: 'goal' | 'measure') => (kind === 'goal' ? '主要目标：' : '策略措施：');

const LAYOUTS: Layout[] = [
  { name: '（一）妇女与健康。（原样）', title: (t) => [t], part: numbered, domain: (k, n) => `（${CN[k]}）${n}。`, list: colonLists },
  { name: '（一）妇女与健康，无句号；主要目标无冒号', title: (t) => [t], part: numbered, domain: (k, n) => `（${CN[k]}）${n}`, list: (kind) => (kind === 'goal' ? '主要目标' : '策略措施') },
  { name: '（一）妇女与健康：；1.主要目标', title: (t) => [t], part: numbered, domain: (k, n) => `（${CN[k]}）${n}：`, list: (kind) => (kind === 'goal' ? '1.主要目标' : '2.策略措施') },
  {
    name: '第X部分；一、妇女与健康；（一）主要目标',
    title: (t) => [t],
    part: (k, t) => `第${CN[k]}部分 ${t}`,
    domain: (k, n) => `${CN[k]}、${n}`,
    list: (kind) => (kind === 'goal' ? '（一）主要目标' : '（二）策略措施'),
  },
  { name: '【妇女与健康】；【主要目标】', title: (t) => [t], part: numbered, domain: (_k, n) => `【${n}】`, list: (kind) => (kind === 'goal' ? '【主要目标】' : '【策略措施】') },
  {
    name: '第X章 既是部分也是领域；第一节 主要目标',
    title: (t) => [t],
    part: (k, t) => `第${CN[k]}章 ${t}`,
    domainsPart: () => null,
    domain: (k, n) => `第${CN[k + 1]}章 ${n}`,
    list: (kind) => (kind === 'goal' ? '第一节 主要目标' : '第二节 策略措施'),
    chapters: true,
  },
  { name: '（一）妇女与健康领域；主要目标：', title: (t) => [t], part: numbered, domain: (k, n) => `（${CN[k]}）${n}领域`, list: colonLists },
  { name: '妇女与健康领域（无编号）；主要目标。', title: (t) => [t], part: numbered, domain: (_k, n) => `${n}领域`, list: (kind) => (kind === 'goal' ? '主要目标。' : '策略措施。') },
  {
    name: 'Markdown：# 标题，## 部分，### 领域，#### 主要目标',
    title: (t) => [`# ${t}`],
    markdown: true,
    part: (k, t) => `## ${CN[k]}、${t}`,
    domain: (_k, n) => `### ${n}`,
    list: (kind) => (kind === 'goal' ? '#### 主要目标' : '#### 策略措施'),
  },
  { name: '1.妇女与健康（阿拉伯数字）；主要目标：', title: (t) => [t], part: numbered, domain: (k, n) => `${k}.${n}`, list: colonLists },
  { name: '妇女与健康（无编号）；（1）主要目标', title: (t) => [t], part: numbered, domain: (_k, n) => n, list: (kind) => (kind === 'goal' ? '（1）主要目标' : '（2）策略措施') },
  {
    name: '部分无编号；（一）妇女与健康。；主要措施：',
    title: (t) => [t],
    part: (_k, t) => t,
    domain: (k, n) => `（${CN[k]}）${n}。`,
    list: (kind) => (kind === 'goal' ? '主要目标：' : '主要措施：'),
  },
  { name: '第一节 妇女与健康；策略与措施', title: (t) => [t], part: (k, t) => `第${CN[k]}部分 ${t}`, domain: (k, n) => `第${CN[k]}节 ${n}`, list: (kind) => (kind === 'goal' ? '主要目标' : '策略与措施') },
  {
    name: '标题分两行，书名号；“妇女与健康”领域；目标：/措施：',
    title: (t) => [`《${t.replace(/（.*$/, '')}`, `${t.replace(/^[^（]*/, '')}》`],
    part: numbered,
    domain: (k, n) => `（${CN[k]}）“${n}”领域`,
    list: (kind) => (kind === 'goal' ? '目标：' : '措施：'),
  },
  { name: '一、妇女与健康领域；1、编号', title: (t) => [t], part: (k, t) => `第${CN[k]}部分 ${t}`, domain: (k, n) => `${CN[k]}、${n}领域`, list: colonLists, item: (n) => `${n}、` },
  {
    name: 'Markdown 粗体：**（一）妇女与健康**，**主要目标**，**三、组织实施**',
    title: (t) => [`**${t}**`],
    part: (k, t) => `**${CN[k]}、${t}**`,
    domain: (k, n) => `**（${CN[k]}）${n}**`,
    list: (kind) => (kind === 'goal' ? '**主要目标**' : '**策略措施**'),
    markdown: true,
  },
  { name: '（一）、妇女与健康。；一．主要目标', title: (t) => [t], part: numbered, domain: (k, n) => `（${CN[k]}）、${n}。`, list: (kind) => (kind === 'goal' ? '一．主要目标' : '二．策略措施') },
  {
    name: '居中标题字间加空格：妇 女 与 健 康',
    title: (t) => [t],
    part: (k, t) => `${CN[k]}、${[...t].join(' ')}`,
    domain: (_k, n) => [...n].join(' '),
    list: (kind) => (kind === 'goal' ? '主 要 目 标' : '策 略 措 施'),
  },
  {
    name: '《标题》；部分无编号；保障措施作措施标题',
    title: (t) => [`《${t}》`],
    part: (_k, t) => t,
    domain: (k, n) => `（${CN[k]}）${n}`,
    list: (kind) => (kind === 'goal' ? '主要目标：' : '保障措施：'),
  },
  {
    name: '妇女儿童发展规划合为一篇：第一篇 妇女发展，第二篇 儿童发展',
    title: (t) => [t.replace(/^阜新市妇女发展规划.*$/, '阜新市妇女儿童发展规划（2021—2030年）\n\n第一篇 妇女发展').replace(/^阜新市儿童发展规划.*$/, '第二篇 儿童发展')],
    part: numbered,
    domain: (k, n) => `（${CN[k]}）${n}`,
    list: colonLists,
  },
  // Written after the recogniser was changed, to check it on dresses it was not tuned on.
  { name: '第X部分；一、妇女与健康。；（一）主要目标：', title: (t) => [t], part: (k, t) => `第${CN[k]}部分　${t}`, domain: (k, n) => `${CN[k]}、${n}。`, list: (kind) => (kind === 'goal' ? '（一）主要目标：' : '（二）策略措施：') },
  { name: '【妇女与健康领域】；【目标】/【措施】', title: (t) => [t], part: numbered, domain: (_k, n) => `【${n}领域】`, list: (kind) => (kind === 'goal' ? '【目标】' : '【措施】') },
  {
    name: 'Markdown ### 领域，**主要目标：**',
    title: (t) => [`# ${t}`],
    markdown: true,
    part: (k, t) => `## ${CN[k]}、${t}`,
    domain: (k, n) => `### （${CN[k]}）${n}`,
    list: (kind) => (kind === 'goal' ? '**主要目标：**' : '**策略措施：**'),
  },
  {
    name: '合为一篇：第一部分 妇女发展规划；⑴妇女与健康',
    title: (t) => [t.replace(/^阜新市妇女发展规划.*$/, '阜新市妇女儿童发展规划（2021-2030年）\n\n第一部分 妇女发展规划').replace(/^阜新市儿童发展规划.*$/, '第二部分 儿童发展规划')],
    part: numbered,
    domain: (k, n) => `⑴⑵⑶⑷⑸⑹⑺⑻`[k - 1] + n,
    list: colonLists,
  },
];

/** Seed 001's plans printed with a layout's headings: paragraphs, headings marked. */
function paragraphs(layout: Layout): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  const heading = (...texts: string[]) => out.push(...texts.flatMap((t) => t.split('\n\n')).map((text) => ({ text, heading: true })));
  const body = (...texts: string[]) => out.push(...texts.map((text) => ({ text, heading: false })));
  for (const plan of PLANS) {
    heading(...layout.title(plan.title));
    for (const text of plan.preface) {
      const m = /^一、(.*)$/.exec(text);
      if (m) heading(layout.part(1, m[1]!));
      else body(text);
    }
    const domainsPart = layout.domainsPart ? layout.domainsPart(2) : layout.part(2, '发展领域、主要目标和策略措施');
    if (domainsPart) heading(domainsPart);
    plan.domains.forEach((d, k) => {
      heading(layout.domain(k + 1, d.name));
      for (const [kind, items] of [['goal', d.goals], ['measure', d.measures]] as const) {
        heading(layout.list(kind, kind === 'goal' ? 1 : 2));
        for (const item of items) body(`${(layout.item ?? ((n) => `${n}.`))(item.number)}${item.text}`);
      }
    });
    plan.closing.forEach((part, k) => {
      heading(layout.part(layout.chapters ? plan.domains.length + 2 + k : 3 + k, part.title));
      body(...part.paragraphs);
    });
  }
  return out;
}

/** The same as text, one paragraph per line. */
function render(layout: Layout): string {
  return paragraphs(layout).map((p) => p.text).join('\n\n') + '\n';
}

const key = (i: Item) => `${i.population} ${i.domain} ${i.kind} ${i.number} ${i.title} | ${i.text}`;

function ingest(layout: Layout): KbDocument {
  const name = layout.markdown ? 'layout.md' : 'layout.txt';
  return ingestDocument(name, new TextEncoder().encode(render(layout)));
}

/** Per layout: items recovered exactly, items expected, items found that are none of them, notes; printed at the end. */
const table: { layout: string; right: number; expected: number; extra: number; notes: number }[] = [];

function score(layout: Layout, doc: KbDocument): void {
  const wanted = new Map<string, number>();
  for (const i of truth) wanted.set(key(i), (wanted.get(key(i)) ?? 0) + 1);
  let right = 0;
  for (const i of doc.items) {
    const n = wanted.get(key(i)) ?? 0;
    if (n > 0) {
      right++;
      wanted.set(key(i), n - 1);
    }
  }
  table.push({ layout: layout.name, right, expected: truth.length, extra: doc.items.length - right, notes: doc.notes?.length ?? 0 });
}

afterAll(() => {
  const lines = table.map((r) => `${String(r.right).padStart(4)}/${r.expected}  +${String(r.extra).padEnd(4)} 注${r.notes}  ${r.layout}`);
  console.log(`标题样式（seed 001 的 339 条目标和措施）：\n${lines.join('\n')}`);
});

describe('plans with their headings in other dress give the clean layout\'s items', () => {
  it('the ground truth is seed 001 as read (339 items in 15 domains)', () => {
    expect(truth).toHaveLength(339);
    expect(PLANS.map((p) => p.domains.length)).toEqual([8, 7]);
  });

  for (const layout of LAYOUTS) {
    it(layout.name, () => {
      const doc = ingest(layout);
      score(layout, doc);
      expect(doc.kind).toBe('plan');
      expect(doc.items.map(key)).toEqual(truth.map(key));
      expect(doc.notes ?? []).toEqual([]);
    });
  }
});

describe('a .docx whose headings are bold runs only', () => {
  // No numbering, no heading style: the title, parts, domains and list headings are told from
  // the text only by their bold runs, and must read as the clean layout does.
  const bare: Layout = { name: 'Word：标题只加粗', title: (t) => [t], part: (_k, t) => t, domain: (_k, n) => n, list: (kind) => (kind === 'goal' ? '主要目标' : '策略措施') };

  it('gives the clean layout\'s items', async () => {
    const doc = new Document({
      sections: [{ children: paragraphs(bare).map((p) => new Paragraph({ children: [new TextRun({ text: p.text, bold: p.heading })] })) }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const read = await readSource('plan.docx', bytes);
    const kb = ingestDocument('plan.docx', bytes, undefined, read);
    score(bare, kb);
    expect(read.encoding).toBe('docx');
    expect(kb.kind).toBe('plan');
    expect(kb.items.map(key)).toEqual(truth.map(key));
    expect(kb.notes ?? []).toEqual([]);
  });
});
