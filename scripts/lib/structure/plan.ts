import { canonicalDomain, type Domain } from '../domains.ts';
import { itemId } from '../ids.ts';
import type { Block, Item, ItemKind, Population } from '../types.ts';
import type { Recognised, StructureNote } from './notes.ts';
import { isNextItem, leadingNumber, type LeadingNumber, type NumberStyle } from './numbering.ts';
import { titleSentence } from './title.ts';

/**
 * Goals and measures of a development plan: a full local plan (001: 阜新市妇女发展规划 and
 * 阜新市儿童发展规划 in one file), a provincial or county one, a national outline or an excerpt
 * (节选) of one.
 *
 * A plan reads: plan title → part heading (`二、发展领域、主要目标和策略措施`, `第三部分 …`,
 * `## …`) → per domain a heading naming it (`（一）妇女与健康。`, `4. 儿童与福利`, `### 儿童与福利`,
 * `第一节 妇女与健康`) → `主要目标：` numbered goals → `策略措施：` numbered measures. Either list
 * may be missing, and a list may start at any number (an excerpt printing measures 9–12). A
 * list outside any domain heading still gives items, without a domain (classification infers
 * it). Only numbered paragraphs under a goal or measure list become items; numbered lists
 * elsewhere (基本原则 1.–5.) stay document text. An item runs from its numbered paragraph to
 * the next item or heading; a list keeps the numbering style of its first item (`1.`, `（1）`,
 * `⑴`, `①`), so `（1）` sub-paragraphs of a `1.` measure stay in it.
 */
export function recognisePlan(docId: string, blocks: Block[]): Recognised {
  const items: Item[] = [];
  const notes: StructureNote[] = [];
  let planTitle: string | null = null;
  let planPopulation: Population | null = null;
  let part: string | null = null;
  let domain: { domain: Domain; heading: string; depth?: number } | null = null;
  let list: List | null = null;
  let open: OpenItem | null = null;
  let lists = 0;

  const close = () => {
    if (open) items.push(toItem(docId, open));
    open = null;
  };
  const endList = () => {
    close();
    if (list && list.expected === undefined) {
      notes.push({ code: 'empty-list', block: list.block, message: `「${list.heading}」之下没有编号条目` });
    }
    list = null;
  };

  for (const block of blocks) {
    const text = block.text.trim();
    const compact = text.replace(/\s+/g, '');

    const population = planTitlePopulation(compact);
    if (population) {
      endList();
      planTitle = text;
      planPopulation = population;
      part = null;
      domain = null;
      continue;
    }
    // A domain heading before a part heading: `一、妇女与健康` names a domain.
    const headingDomain = compact.length <= 30 ? canonicalDomain(compact) : undefined;
    if (headingDomain) {
      endList();
      domain = { domain: headingDomain, heading: text, depth: block.headingDepth };
      continue;
    }
    const heading = listHeading(text, compact);
    if (heading) {
      endList();
      lists++;
      list = { kind: heading.kind, heading: heading.text, block: block.index, expected: undefined, style: undefined };
      if (!domain) {
        notes.push({ code: 'list-without-domain', block: block.index, message: `「${heading.text}」之前没有可识别的发展领域标题，其条目的领域将按文字推断` });
      }
      if (heading.itemAt === undefined) continue;
    }
    // Where an item's number may start in this block: after a list heading on the same line.
    const offset = heading?.itemAt ?? 0;
    if (offset === 0 && isPartHeading(compact, block.headingDepth, domain?.depth)) {
      endList();
      part = text;
      domain = null;
      continue;
    }

    const current = list as List | null;
    if (current) {
      const number = leadingNumber(text.slice(offset), current.style);
      const previous: OpenItem | null = open;
      const previousText = previous ? previous.blocks[previous.blocks.length - 1]!.text : undefined;
      if (number && isNextItem(number, current.expected, previousText)) {
        close();
        current.expected = number.value + 1;
        current.style = number.style;
        open = {
          kind: current.kind,
          population: planPopulation ?? domain?.domain.population ?? null,
          domain: domain?.domain ?? null,
          number,
          section: [planTitle, part, domain?.heading ?? null, current.heading].filter((s): s is string => s !== null),
          blocks: [block],
          offset,
        };
        continue;
      }
      // A heading of another kind inside a list ends the item above it.
      if (block.headingDepth) {
        close();
        continue;
      }
      // Sub-paragraphs belong to the item above them.
      if (open) (open as OpenItem).blocks.push(block);
    }
  }
  endList();
  if (items.length === 0) {
    notes.push({
      code: 'no-items',
      block: null,
      message:
        lists === 0
          ? '未找到「主要目标」或「策略措施」标题，没有识别出目标和措施；全文仍作为文档正文发布'
          : '「主要目标」/「策略措施」之下没有编号条目（1. 或（1）等），没有识别出目标和措施；全文仍作为文档正文发布',
    });
  }
  return { items, notes };
}

/** The items of a plan (see {@link recognisePlan} for its notes). */
export function parsePlan(docId: string, blocks: Block[]): Item[] {
  return recognisePlan(docId, blocks).items;
}

interface List {
  kind: ItemKind;
  heading: string;
  block: number;
  /** The number expected next; undefined before the first item. */
  expected: number | undefined;
  style: NumberStyle | undefined;
}

interface OpenItem {
  kind: ItemKind;
  population: Population | null;
  domain: Domain | null;
  number: LeadingNumber;
  section: string[];
  blocks: Block[];
  /** Where the item's number starts in its first block's trimmed text: after a heading on its line. */
  offset: number;
}

function toItem(docId: string, open: OpenItem): Item {
  const [first, ...rest] = open.blocks;
  const text = [open.number.rest, ...rest.map((b) => b.text)].join('\n');
  return {
    id: itemId(docId, open.domain?.slug ?? 'unclassified', (open.kind === 'goal' ? 'g' : 'm') + open.number.value),
    docId,
    kind: open.kind,
    population: open.population,
    domain: open.domain?.name ?? null,
    domainSource: open.domain ? 'structure' : null,
    number: open.number.printed,
    title: titleSentence(text),
    text,
    section: open.section,
    leadDepartments: [],
    partnerDepartments: [],
    blockStart: first!.index,
    // `number` was read from the trimmed block text: skip the leading spaces, then the marker.
    textStart: first!.text.length - first!.text.trimStart().length + open.offset + open.number.prefix.length,
    blockEnd: open.blocks[open.blocks.length - 1]!.index,
  };
}

/**
 * `一、指导思想…`, `二、发展领域、主要目标和策略措施`, `第三部分 …`, `第二章 …`. A Markdown heading
 * is a part heading too, unless it sits below a Markdown domain heading (`### 专栏` under
 * `## 儿童与健康`).
 */
const PART_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百零〇0-9]{1,4}(?:部分|章|篇|编|节))/;

function isPartHeading(compact: string, depth: number | undefined, domainDepth: number | undefined): boolean {
  if (PART_HEADING.test(compact)) return true;
  return depth !== undefined && (domainDepth === undefined || depth <= domainDepth);
}

/**
 * A plan's own title (`阜新市儿童发展规划（2021—2030 年）`, `中国儿童发展纲要（2021—2030年）（节选）`)
 * tells which population follows. The issuing notice's title names both plans and is longer,
 * so it does not match.
 */
function planTitlePopulation(compact: string): Population | undefined {
  const m = /^[^，。；：、]{0,20}?(妇女|儿童)发展(?:规划|纲要)(?:[（(][^）)]*[）)])*$/.exec(compact);
  return m ? (m[1] as Population) : undefined;
}

/** A list heading that does not stand alone: `策略措施：9.完善…` (the colon is required). */
const INLINE_LIST_HEADING = /^((?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?)?\s*(?:主要目标|策略措施|策略与措施|主要措施)\s*[:：])\s*/;

/**
 * A goal or measure list heading: standing alone (`策略措施：`), or followed on its line by the
 * list's first item (`策略措施：9.完善…`), which then starts at `itemAt` in the trimmed text.
 */
function listHeading(text: string, compact: string): { kind: ItemKind; text: string; itemAt?: number } | undefined {
  const alone = listHeadingKind(compact);
  if (alone) return { kind: alone, text };
  const inline = INLINE_LIST_HEADING.exec(text);
  if (!inline || !leadingNumber(text.slice(inline[0].length))) return undefined;
  const kind = listHeadingKind(inline[1]!.replace(/\s+/g, ''));
  return kind ? { kind, text: inline[1]!.trim(), itemAt: inline[0].length } : undefined;
}

/** `主要目标：`, `策略措施：`, also numbered (`（一）主要目标`, `1.主要目标`, `第一节 策略措施`). */
function listHeadingKind(compact: string): ItemKind | undefined {
  const m = /^(?:第[一二三四五六七八九十0-9]{1,3}[节章]|[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?|[⑴-⒇①-⑳])?(主要目标|策略措施|策略与措施|主要措施)[:：。]?$/.exec(compact);
  if (!m) return undefined;
  return m[1] === '主要目标' ? 'goal' : 'measure';
}
