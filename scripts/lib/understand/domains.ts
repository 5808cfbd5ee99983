import { DOMAINS, type Domain, type DomainName } from '../../../src/lib/vocabulary.ts';
import { editDistance } from '../../../src/lib/edit-distance.ts';
import { compactHeading, hasHeadingMarker, headingCore } from './structure/heading.ts';

// The canonical list lives in the vocabulary; this module recognises local spellings of it.
export { DOMAINS, type Domain };

const BY_NAME = new Map<string, Domain>(DOMAINS.map((d) => [d.name, d]));

/**
 * Local spellings of the 15 names, mapped to the canonical name. Only spellings that name the
 * same domain: a shortened name (`儿童与法律`), `与` for `和`, or the name the 2011–2020
 * outlines gave the same domain (`儿童与社会环境`), which local plans still print.
 */
const VARIANTS: Record<string, DomainName> = {
  儿童与法律: '儿童与法律保护',
  妇女与家庭: '妇女与家庭建设',
  妇女参与决策管理: '妇女参与决策和管理',
  妇女与决策和管理: '妇女参与决策和管理',
  // 江门市妇女发展规划 (2011—2020) and others print `与` for `和`.
  妇女参与决策与管理: '妇女参与决策和管理',
  妇女与社会保障权益: '妇女与社会保障',
  // The 2011–2020 children's outline's name for the domain the 2021 outline calls 儿童与环境.
  儿童与社会环境: '儿童与环境',
  // 儿童与福利 is the outline's short form of the children's social welfare domain.
  儿童与社会福利: '儿童与福利',
};

/**
 * Recognise a domain name in a heading or table cell, however it is dressed: `（4）   儿童与福利`,
 * `妇女与\n社会保障`, `（八）儿童与法律`, `第四节 儿童与福利`, `儿童与福利领域`, `【妇女与健康】`,
 * `（一）、妇女与健康。`, `“妇女与健康”领域`, `**妇女与健康**` (see structure/heading.ts).
 * Returns the canonical domain, or undefined when the text is not (only) a domain name.
 */
export function canonicalDomain(raw: string): Domain | undefined {
  const name = headingCore(raw);
  const exact = BY_NAME.get(name) ?? BY_NAME.get(VARIANTS[name] ?? '');
  if (exact) return exact;
  if (hasHeadingMarker(raw)) return nearestName(name);
  // A marker OCR read as Latin letters or brackets: `（六）` as `(AS`, `（八）` as `WAN`.
  const garbled = GARBLED_MARKER.exec(compactHeading(raw));
  if (!garbled) return undefined;
  const core = headingCore(compactHeading(raw).slice(garbled[0].length));
  return BY_NAME.get(core) ?? BY_NAME.get(VARIANTS[core] ?? '') ?? nearestName(core);
}

/** One to four Latin letters, digits or brackets before the heading's first ideograph. */
const GARBLED_MARKER = /^[A-Za-z0-9()（）[\]{}|/\\\-—–_~=+.,:;'"!?<>]{1,4}(?=\p{Script=Han})/u;

/** Every spelling of a domain name the recognisers accept, with its domain. */
const SPELLINGS: [string, Domain][] = [...DOMAINS.map((d): [string, Domain] => [d.name, d]), ...Object.entries(VARIANTS).map(([v, n]): [string, Domain] => [v, BY_NAME.get(n)!])];

/**
 * A numbered heading one character away from exactly one domain's name: `（一）妇交与健康。`
 * (OCR read 女 as 交), `（二）妇女与建康` (a typo). Any two of the 15 names differ in at least two
 * characters, so one substitution names one domain. Two are too many: `儿童与家庭环境` is two
 * away from `儿童与社会环境` and is another thing. A longer or shorter text is none. Only for
 * numbered headings, where a domain name is expected.
 */
function nearestName(core: string): Domain | undefined {
  const chars = [...core];
  if (chars.length < 5) return undefined;
  let best = 2;
  const nearest = new Set<Domain>();
  for (const [spelling, domain] of SPELLINGS) {
    const s = [...spelling];
    if (s.length !== chars.length) continue;
    let differ = 0;
    for (let i = 0; i < s.length && differ <= best; i++) if (s[i] !== chars[i]) differ++;
    if (differ < best) {
      best = differ;
      nearest.clear();
    }
    if (differ === best) nearest.add(domain);
  }
  return best <= 1 && nearest.size === 1 ? [...nearest][0] : undefined;
}

/**
 * A marker as OCR spoils it: up to three signs that are no ideograph (`(AS`, `<`, `\、`), and
 * perhaps one ideograph read for the numeral before a closing bracket (`人)`, `<三)`).
 */
const SPOILT_MARKER = /^[^\p{Script=Han}]{0,3}(?:\p{Script=Han}[)）〕\]】>〉》])?/u;

/**
 * A numbered heading's words, when it is numbered: after a marker (`（三）`), one OCR read as
 * Latin letters or brackets (`(AS`), or one it spoilt otherwise (`<三)`, `人)`). Undefined for a
 * heading without a number.
 */
function numberedCore(raw: string): string | undefined {
  if (hasHeadingMarker(raw)) return headingCore(raw);
  const compact = compactHeading(raw);
  // The longer reading of the two: `（土）` is a bracket, a misread numeral and a bracket.
  const spoilt = [GARBLED_MARKER.exec(compact)?.[0] ?? '', SPOILT_MARKER.exec(compact)?.[0] ?? ''].sort((a, b) => b.length - a.length)[0]!;
  return spoilt.length > 0 && spoilt.length < compact.length ? headingCore(compact.slice(spoilt.length)) : undefined;
}

/**
 * For a document read by OCR: the domain a numbered heading names when it is at most two edits
 * off a domain the plan's outline order expects at this place (`（三）妇广与经六` where 妇女与经济
 * comes next), and nearer to it than to any other domain's spelling. Two edits are too many
 * without the order (`儿童与家庭环境` is two away from `儿童与社会环境`), so a domain the order does
 * not expect is never read so. One edit off two names (`儿童与福全`: 安全 or 福利), the order
 * picks the one it expects; two edits off two names are too far to tell. Undefined otherwise:
 * the caller reads the heading as printed.
 */
export function domainInOrder(raw: string, expected: readonly Domain[]): Domain | undefined {
  const core = numberedCore(raw);
  if (core === undefined || [...core].length < 4 || expected.length === 0) return undefined;
  let best = Infinity;
  const nearest = new Set<Domain>();
  for (const [spelling, domain] of SPELLINGS) {
    const d = editDistance(core, spelling);
    if (d < best) {
      best = d;
      nearest.clear();
    }
    if (d === best) nearest.add(domain);
  }
  // Two edits at most: starting the search at 3 once let a heading three edits off through.
  const wanted = best <= 2 ? [...nearest].filter((d) => expected.includes(d)) : [];
  return wanted.length === 1 && (nearest.size === 1 || best <= 1) ? wanted[0] : undefined;
}

/**
 * The domains a plan's outline order expects at its next domain heading: the one after `previous`
 * in the national order (the first of `population` before any), and the one its own number names
 * (`（四）` the fourth) when that comes later than `previous` (a heading between them was not read).
 */
export function domainsExpected(previous: Domain | null, population: Domain['population'] | null, number: number | null): Domain[] {
  const of = previous?.population ?? population;
  if (!of) return [];
  const after = previous?.order ?? 0;
  const wanted = [after + 1, ...(number !== null && number > after + 1 ? [number] : [])];
  return DOMAINS.filter((d) => d.population === of && wanted.includes(d.order));
}

export function domainByName(name: string): Domain | undefined {
  return BY_NAME.get(name);
}

export function domainBySlug(slug: string): Domain | undefined {
  return DOMAINS.find((d) => d.slug === slug);
}
