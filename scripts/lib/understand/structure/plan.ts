import { canonicalDomain, domainInOrder, domainsExpected, type Domain } from '../domains.ts';
import { editDistance } from '../../../../src/lib/edit-distance.ts';
import { parseNumeral } from '../../text/numerals.ts';
import { itemId } from '../../ids.ts';
import type { Block, Item, ItemKind, OcrRepair, Population } from '../../types.ts';
import { compactHeading, headingCore } from './heading.ts';
import type { Recognised, RecogniseOptions, StructureNote } from './notes.ts';
import { isNextItem, leadingNumber, misreadNumber, repairedNumber, type LeadingNumber, type MisreadNumber, type NumberStyle } from './numbering.ts';
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
 *
 * Read by OCR (`options.ocr`), a numbered heading two characters off the domain the outline
 * order expects there is that domain (domains.ts `domainInOrder`), and the repair is returned
 * for the editor to check.
 */
export function recognisePlan(docId: string, blocks: Block[], options: RecogniseOptions = {}): Recognised {
  const items: Item[] = [];
  const notes: StructureNote[] = [];
  let planTitle: string | null = null;
  let planPopulation: Population | null = null;
  let part: string | null = null;
  let domain: DomainHeading | null = null;
  let list: List | null = null;
  let open: OpenItem | null = null;
  let lists = 0;
  const repairs: OcrRepair[] = [];
  /** The plan's last domain heading that named a domain: the outline order's place. */
  let lastDomain: Domain | null = null;
  /** In an OCR-read plan, the domain the outline order expects this heading to name, if it names one nearly. */
  const inOrder = (heading: string): Domain | undefined => {
    if (!options.ocr || compactHeading(heading).length > 30) return undefined;
    return domainInOrder(heading, domainsExpected(lastDomain, planPopulation, headingNumber(heading)));
  };

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

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const text = block.text.trim();
    const compact = compactHeading(text);

    const title = readPlanTitle(compact);
    if (title) {
      endList();
      planTitle = text;
      planPopulation = title.population;
      part = null;
      domain = null;
      lastDomain = null;
      continue;
    }
    // A domain heading before a part heading: `一、妇女与健康` names a domain. A numbered
    // paragraph the open list expects stays an item unless domain headings are numbered so.
    const printedDomain = compact.length <= 30 ? domainOfHeading(compact) : undefined;
    const orderedDomain = printedDomain ? undefined : inOrder(text);
    const headingDomain = printedDomain ?? orderedDomain;
    if (headingDomain && !continuesList(text, list, open, domain?.number)) {
      endList();
      domain = { domain: headingDomain, heading: text, depth: block.headingDepth, number: leadingNumber(text), lists: new Set() };
      lastDomain = headingDomain;
      if (orderedDomain) repairs.push({ block: block.index, kind: 'domain', printed: text, read: orderedDomain.name });
      continue;
    }
    // A domain name broken over two lines the normaliser left apart (`（四）妇女参与决策和` + `管理。`).
    const split: ReturnType<typeof splitDomainHeading> = !headingDomain && !(list && leadingNumber(text, (list as List).style)) ? splitDomainHeading(block, blocks[b + 1], inOrder) : undefined;
    if (split) {
      endList();
      domain = { domain: split.domain, heading: `${text}${blocks[b + 1]!.text.trim()}`, depth: block.headingDepth, number: leadingNumber(text), lists: new Set() };
      lastDomain = split.domain;
      if (split.ordered) repairs.push({ block: block.index, kind: 'domain', printed: domain.heading, read: split.domain.name });
      b++;
      continue;
    }
    // A heading shaped like a domain's that names none of the 15 (`（三）妇女与经济发展`), with a
    // list heading next: its lists are not the domain's above it; their items' domains are
    // inferred, and the editor is told.
    const next = blocks[b + 1];
    if (!headingDomain && !split && looksLikeDomain(compact) && !(list && leadingNumber(text, (list as List).style)) && next && listHeading(next.text.trim(), compactHeading(next.text), null)) {
      endList();
      domain = { domain: null, heading: text, depth: block.headingDepth, number: leadingNumber(text), lists: new Set() };
      notes.push({
        code: 'unknown-domain',
        block: block.index,
        message: `第 ${block.lineStart} 行的标题「${text}」像发展领域标题，但不是 15 个发展领域之一，其下条目的领域将按文字推断；如它是某一领域的另一种写法，请把标题改为该领域的规范名称（如「妇女与经济」）`,
      });
      continue;
    }
    const printedList = listHeading(text, compact, domain);
    const misreadList: ReturnType<typeof misreadListHeading> = printedList || !options.ocr ? undefined : misreadListHeading(text, compact, domain);
    const heading: { kind: ItemKind; text: string; itemAt?: number } | undefined = printedList ?? misreadList;
    if (misreadList) repairs.push({ block: block.index, kind: 'list', printed: text, read: misreadList.read });
    if (heading) {
      endList();
      lists++;
      domain?.lists.add(heading.kind);
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
    const under = domain as DomainHeading | null;
    if (current) {
      const printed = leadingNumber(text.slice(offset), current.style);
      const previous = open as OpenItem | null;
      const previousText = previous ? previous.blocks[previous.blocks.length - 1]!.text : undefined;
      const asPrinted: LeadingNumber | undefined = printed && isNextItem(printed, current.expected, previousText) ? printed : undefined;
      // Read by OCR, a marker the list does not expect as printed may be its number misread.
      const repaired: MisreadNumber | undefined =
        options.ocr && !(asPrinted && asPrinted.value === (current.expected ?? asPrinted.value))
          ? repairedNumber(text.slice(offset), current.style, current.expected, previousText, nextNumber(blocks, b, current.style))
          : undefined;
      const number: LeadingNumber | undefined = repaired ?? asPrinted;
      if (repaired) repairs.push({ block: block.index, kind: 'number', printed: repaired.read, read: repaired.printed });
      if (number) {
        close();
        current.expected = number.value + 1;
        current.style = number.style;
        open = {
          kind: current.kind,
          population: planPopulation ?? under?.domain?.population ?? null,
          domain: under?.domain ?? null,
          number,
          section: [planTitle, part, under?.heading ?? null, current.heading].filter((s): s is string => s !== null),
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
  return { items, notes, ...(repairs.length > 0 ? { repairs } : {}) };
}

/**
 * The number of the next numbered paragraph of the list after block `b`, as printed or misread
 * by OCR; undefined when a heading comes first. What confirms a repaired number from below.
 */
function nextNumber(blocks: Block[], b: number, style: NumberStyle | undefined): number | undefined {
  for (let k = b + 1; k < blocks.length; k++) {
    const text = blocks[k]!.text.trim();
    const compact = compactHeading(text);
    if (blocks[k]!.headingDepth !== undefined || listHeading(text, compact, null) || isPartHeading(compact, undefined, undefined) || (compact.length <= 30 && domainOfHeading(compact))) return undefined;
    const n = leadingNumber(text, style) ?? misreadNumber(text, style);
    if (n && n.rest.trim() !== '' && !/^[0-9０-９]/.test(n.rest)) return n.value;
  }
  return undefined;
}

/** A heading's own number (`（四）` → 4, `4.` → 4), or null: where it places itself in the outline order. */
function headingNumber(heading: string): number | null {
  const m = /^[（(]?([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[）)、.．]/.exec(compactHeading(heading));
  return m ? parseNumeral(m[1]!) : null;
}

/** The items of a plan (see {@link recognisePlan} for its notes). */
export function parsePlan(docId: string, blocks: Block[]): Item[] {
  return recognisePlan(docId, blocks).items;
}

interface DomainHeading {
  /** Null for a heading shaped like a domain's that names none of the 15. */
  domain: Domain | null;
  heading: string;
  /** Markdown depth of the heading, when it is one. */
  depth?: number;
  /** The heading's number when it is numbered like list items (`4. 儿童与福利`, `（4）儿童与福利`). */
  number?: LeadingNumber;
  /** The kinds of the lists seen under it so far. */
  lists: Set<ItemKind>;
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
 * Is a paragraph that holds only a domain name (`4.儿童与家庭`) rather the item its list
 * expects? Only when it is numbered as the list's items are, with exactly the number the list
 * expects next, and domain headings are not numbered in that style with this as their next
 * number: `4. 妇女参与决策和管理` after `3. 妇女与经济` stays a heading, and so does a domain
 * name whose number the list does not expect. (A measure that only starts with a domain
 * name, `4.儿童与家庭教育…`, is no domain heading in the first place.)
 */
function continuesList(text: string, list: List | null, open: OpenItem | null, domainNumber: LeadingNumber | undefined): boolean {
  if (!list || list.expected === undefined) return false;
  const number = leadingNumber(text, list.style);
  if (!number || number.value !== list.expected || !isNextItem(number, list.expected, open?.blocks.at(-1)?.text)) return false;
  return !(domainNumber && domainNumber.style === number.style && number.value === domainNumber.value + 1);
}

/** What a domain heading may say after the name: `妇女与健康领域主要目标和策略措施`. */
const DOMAIN_LISTS_SUFFIX = /(?:领域)?(?:的)?(?:主要目标(?:和|与|及|、)策略措施|目标(?:和|与|及|、)措施)[。:：]?$/;

/** The domain a heading names, alone or with the lists that follow it (`第二章 妇女与健康领域主要目标和策略措施`). */
function domainOfHeading(compact: string): Domain | undefined {
  return canonicalDomain(compact) ?? (DOMAIN_LISTS_SUFFIX.test(compact) ? canonicalDomain(compact.replace(DOMAIN_LISTS_SUFFIX, '')) : undefined);
}

/**
 * `妇女与经济发展`, `儿童与社会保护`: a short heading of a domain's shape (`妇女与…`, `儿童与…`,
 * `妇女参与…`), once its dress is taken away. Not `妇女与儿童…`, which names both populations.
 */
function looksLikeDomain(compact: string): boolean {
  if (compact.length > 24 || /[。；！？，]./.test(compact)) return false;
  return /^(?:妇女|儿童)(?:与|参与)(?!妇女|儿童)[^，。；、：:]{1,8}$/.test(headingCore(compact));
}

/**
 * A domain heading broken over two short blocks, neither a sentence: `（四）妇女参与决策和` +
 * `管理。`. Both halves must be short, and the first must not be a domain name by itself.
 */
function splitDomainHeading(block: Block, next: Block | undefined, inOrder: (heading: string) => Domain | undefined): { domain: Domain; ordered: boolean } | undefined {
  if (!next || block.headingDepth !== undefined || next.headingDepth !== undefined) return undefined;
  const first = compactHeading(block.text);
  const second = compactHeading(next.text);
  if (first.length > 20 || second.length > 12 || /[。；！？]/.test(first)) return undefined;
  const printed = canonicalDomain(first + second);
  if (printed) return { domain: printed, ordered: false };
  // Only when the first half is no domain by itself, or as near one: `（四）妇女参与决策和` + `管埋。`.
  const ordered = inOrder(first) ? undefined : inOrder(first + second);
  return ordered ? { domain: ordered, ordered: true } : undefined;
}

/**
 * `一、指导思想…`, `二、发展领域、主要目标和策略措施`, `第三部分 …`, `第二章 …`. A Markdown heading
 * is a part heading too, unless it sits below a Markdown domain heading (`### 专栏` under
 * `## 儿童与健康`). Unnumbered, a part is known by its title: the parts every plan has
 * (`组织实施`, `监测评估`, `发展领域、主要目标和策略措施`…), printed alone on their line.
 */
const PART_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百零〇0-9]{1,4}(?:部分|章|篇|编|节))/;

/** The titles of a plan's parts around its domains, as the national outlines and local plans name them. */
const PART_WORDS = '前言|序言|总则|附则|指导思想|基本原则|总体目标|发展目标|组织实施|组织领导|组织保障|实施保障|保障措施|监测评估|监测与评估|统计监测|评估监测|规划实施|实施机制';
const PART_TITLE = new RegExp(`^(?:(?:${PART_WORDS})(?:[和与及、](?:${PART_WORDS}))*|.{0,12}(?:指导思想|发展领域).{0,16})$`);

function isPartHeading(compact: string, depth: number | undefined, domainDepth: number | undefined): boolean {
  if (PART_HEADING.test(compact)) return true;
  // A part known by its title, alone on its line, however numbered (`组织实施`, `5.组织实施`):
  // no goal or measure is only such a title.
  if (compact.length <= 30 && PART_TITLE.test(headingCore(compact))) return true;
  return depth !== undefined && (domainDepth === undefined || depth <= domainDepth);
}

/**
 * A plan's own title (`阜新市儿童发展规划（2021—2030 年）`, `中国儿童发展纲要（2021—2030年）（节选）`,
 * `《…妇女发展规划（2021—2030年）》`) tells which population follows; a plan for both
 * (`…妇女儿童发展规划`) leaves it to each domain. The issuing notice's title names both plans and
 * is longer, so it does not match.
 */
function readPlanTitle(compact: string): { population: Population | null } | undefined {
  // Brackets of any shape around the years: `〈2021—2030年)` is how a scan's `（` may come out.
  const m = /^[^，。；：、]{0,20}?(妇女儿童|妇女和儿童|妇女|儿童)发展(?:规划|纲要)(?:[（(〈<［[][^）)〉>］\]]*[）)〉>］\]])*$/.exec(compact.replace(/[《》]/g, ''));
  if (!m) return undefined;
  return { population: m[1] === '妇女' || m[1] === '儿童' ? m[1] : null };
}

/** The words of a goal or measure list heading. */
const LIST_WORDS = '主要目标|目标|策略措施|策略与措施|主要措施|具体措施|措施|保障措施';

/** A list heading that does not stand alone: `策略措施：9.完善…` (the colon is required). */
const INLINE_LIST_HEADING = new RegExp(`^((?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?)?\\s*(?:${LIST_WORDS})\\s*[:：])\\s*`);

/**
 * A goal or measure list heading: standing alone (`策略措施：`), or followed on its line by the
 * list's first item (`策略措施：9.完善…`), which then starts at `itemAt` in the trimmed text.
 */
function listHeading(text: string, compact: string, domain: DomainHeading | null): { kind: ItemKind; text: string; itemAt?: number } | undefined {
  const alone = compact.length <= 20 ? listHeadingKind(headingCore(compact), domain) : undefined;
  if (alone) return { kind: alone, text };
  const inline = INLINE_LIST_HEADING.exec(text);
  if (!inline || !leadingNumber(text.slice(inline[0].length))) return undefined;
  const kind = listHeadingKind(headingCore(inline[1]!), domain);
  return kind ? { kind, text: inline[1]!.trim(), itemAt: inline[0].length } : undefined;
}

/**
 * In a plan read by OCR, a list heading one character off the list its domain expects next:
 * `筑略措施：` after a domain's goals, `主要日标` at its start. Only `主要目标` and `策略措施`, the
 * outline's own words (a shorter word one character off is another word), and only inside a
 * domain, whose lists come in that order.
 */
function misreadListHeading(text: string, compact: string, domain: DomainHeading | null): { kind: ItemKind; text: string; read: string } | undefined {
  if (!domain || compact.length > 20) return undefined;
  const core = headingCore(compact);
  const expected = domain.lists.size === 0 ? (['主要目标', 'goal'] as const) : domain.lists.has('goal') && !domain.lists.has('measure') ? (['策略措施', 'measure'] as const) : undefined;
  if (!expected || editDistance(core, expected[0]) !== 1 || [...core].length !== 4) return undefined;
  return { kind: expected[1], text, read: expected[0] };
}

/**
 * `主要目标`, `策略措施` and their variants (`目标`, `主要措施`, `策略与措施`), in any dress (`（一）主要目标`,
 * `1.主要目标`, `【策略措施】`, `第一节 策略措施`). `保障措施` heads a domain's measures only inside a
 * domain that has none yet; elsewhere it is the part of that name (`四、保障措施`).
 */
function listHeadingKind(core: string, domain: DomainHeading | null): ItemKind | undefined {
  if (!new RegExp(`^(?:${LIST_WORDS})$`).test(core)) return undefined;
  if (core === '保障措施' && (!domain || domain.lists.has('measure'))) return undefined;
  return core.endsWith('目标') ? 'goal' : 'measure';
}
