import { canonicalDomain, type Domain } from '../domains.ts';
import { itemId } from '../ids.ts';
import type { Block, Item, ItemKind, Population } from '../types.ts';
import { isNextItem, leadingNumber } from './numbering.ts';
import { titleSentence } from './title.ts';

/**
 * Goals and measures of a full-text development plan (001: 阜新市妇女发展规划 and
 * 阜新市儿童发展规划 in one file).
 *
 * A plan reads: plan title → `二、发展领域、主要目标和策略措施` → per domain `（一）妇女与健康。`
 * → `主要目标：` numbered goals → `策略措施：` numbered measures. Only numbered paragraphs
 * under a domain's goal or measure list become items; numbered lists elsewhere (基本原则 1.–5.)
 * stay document text. An item runs from its numbered paragraph to the next item or heading.
 */
export function parsePlan(docId: string, blocks: Block[]): Item[] {
  const items: Item[] = [];
  let planTitle: string | null = null;
  let planPopulation: Population | null = null;
  let part: string | null = null;
  let domain: { domain: Domain; heading: string } | null = null;
  let list: { kind: ItemKind; heading: string; expected: number } | null = null;
  let open: OpenItem | null = null;

  const close = () => {
    if (open) items.push(toItem(docId, open));
    open = null;
  };

  for (const block of blocks) {
    const text = block.text.trim();
    const compact = text.replace(/\s+/g, '');

    const population = planTitlePopulation(compact);
    if (population) {
      close();
      planTitle = text;
      planPopulation = population;
      part = null;
      domain = null;
      list = null;
      continue;
    }
    if (PART_HEADING.test(compact)) {
      close();
      part = text;
      domain = null;
      list = null;
      continue;
    }
    const headingDomain = compact.length <= 30 ? canonicalDomain(compact) : undefined;
    if (headingDomain) {
      close();
      domain = { domain: headingDomain, heading: text };
      list = null;
      continue;
    }
    const listKind = domain ? listHeadingKind(compact) : undefined;
    if (listKind) {
      close();
      list = { kind: listKind, heading: text, expected: 1 };
      continue;
    }

    if (domain && list) {
      const number = leadingNumber(text);
      const previous: OpenItem | null = open;
      const previousText = previous ? previous.blocks[previous.blocks.length - 1]!.text : undefined;
      if (number && isNextItem(number, list.expected, previousText)) {
        close();
        list.expected = number.value + 1;
        open = {
          kind: list.kind,
          population: planPopulation ?? domain.domain.population,
          domain: domain.domain,
          number,
          section: [planTitle, part, domain.heading, list.heading].filter((s): s is string => s !== null),
          blocks: [block],
        };
        continue;
      }
      // Sub-paragraphs belong to the item above them.
      if (open) (open as OpenItem).blocks.push(block);
    }
  }
  close();
  return items;
}

interface OpenItem {
  kind: ItemKind;
  population: Population;
  domain: Domain;
  number: NonNullable<ReturnType<typeof leadingNumber>>;
  section: string[];
  blocks: Block[];
}

function toItem(docId: string, open: OpenItem): Item {
  const [first, ...rest] = open.blocks;
  const text = [open.number.rest, ...rest.map((b) => b.text)].join('\n');
  return {
    id: itemId(docId, open.domain.slug, (open.kind === 'goal' ? 'g' : 'm') + open.number.value),
    docId,
    kind: open.kind,
    population: open.population,
    domain: open.domain.name,
    domainSource: 'structure',
    number: open.number.printed,
    title: titleSentence(text),
    text,
    section: open.section,
    leadDepartments: [],
    partnerDepartments: [],
    blockStart: first!.index,
    // `number` was read from the trimmed block text: skip the leading spaces, then the marker.
    textStart: first!.text.length - first!.text.trimStart().length + open.number.prefix.length,
    blockEnd: open.blocks[open.blocks.length - 1]!.index,
  };
}

/** `一、指导思想…`, `二、发展领域、主要目标和策略措施`, `三、组织实施`. */
const PART_HEADING = /^[一二三四五六七八九十]{1,3}、/;

/**
 * A plan's own title (`阜新市儿童发展规划（2021—2030 年）`) tells which population follows.
 * The issuing notice's title names both plans and is longer, so it does not match.
 */
function planTitlePopulation(compact: string): Population | undefined {
  const m = /^[^，。；：、]{0,20}?(妇女|儿童)发展规划(?:[（(][^）)]*[）)])?$/.exec(compact);
  return m ? (m[1] as Population) : undefined;
}

/** `主要目标：`, `策略措施：`, also numbered (`（一）主要目标`). */
function listHeadingKind(compact: string): ItemKind | undefined {
  const m = /^(?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?)?(主要目标|策略措施)[:：。]?$/.exec(compact);
  if (!m) return undefined;
  return m[1] === '主要目标' ? 'goal' : 'measure';
}
