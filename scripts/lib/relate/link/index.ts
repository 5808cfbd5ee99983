/**
 * Cross-links between similar items of different cities, and topics that group the same
 * measure across cities.
 *
 * Similarity is the cosine of corpus-weighted term vectors (text/vectors.ts). To stay
 * near-linear in the number of items there is no all-pairs comparison: an inverted index
 * over the informative terms (those not in a large share of all items) proposes
 * candidates, which are scored exactly. For each item and each other document only the
 * best match (and near-ties) is kept: a measure normally has one counterpart per city,
 * and a look-alike that is merely second best in the same document (学前教育 next to
 * 义务教育) is a different measure.
 *
 * Stages: encode.ts (items as integers), postings.ts (inverted index), scoring.ts and
 * pairs.ts (candidates and the matches kept), links.ts with explain.ts (symmetric links
 * and their shared terms), topics.ts with union-find.ts (topics).
 */
import { segmentItems, type ItemWords } from '../../text/segment.ts';
import { buildVectorsFromWords } from '../../text/vectors.ts';
import type { Item, Link, Topic } from '../../types.ts';
import { encodeItems, KINDS, type PlaceOfDocument } from './encode.ts';
import { Explainer } from './explain.ts';
import { itemLinks } from './links.ts';
import { DEFAULT_LINK_OPTIONS, type LinkOptions } from './options.ts';
import { invertedIndex, postingLimit } from './postings.ts';
import { chooseMatches } from './scoring.ts';
import { cmp } from './sort.ts';
import { groupTopics } from './topics.ts';

export { kindsComparable, type PlaceOfDocument } from './encode.ts';
export { DEFAULT_LINK_OPTIONS, type LinkOptions } from './options.ts';

export interface LinkResult {
  links: Link[];
  topics: Topic[];
  stats: { ms: number; candidates: number; stages: LinkStageTimes };
}

/** Milliseconds spent in each stage of linkItems, so a reader sees where the time goes. */
export interface LinkStageTimes {
  /** Word segmentation of every item's title and body. */
  segment: number;
  /** Corpus-weighted vectors and the inverted index. */
  index: number;
  /** Candidate generation and exact scoring, per item. */
  scoring: number;
  /** Symmetric links with their shared terms, in output order. */
  links: number;
  /** Grouping into topics. */
  topics: number;
}

export function linkItems(
  items: readonly Item[],
  docs: readonly PlaceOfDocument[],
  options: Partial<LinkOptions> = {},
  /** The items' words (`segmentItems(items)`), when the caller has them already. */
  itemWords?: readonly ItemWords[],
): LinkResult {
  const started = performance.now();
  const opt = { ...DEFAULT_LINK_OPTIONS, ...options };
  // Work on a canonical order so the result does not depend on the caller's order.
  const order = [...items].sort((a, b) => cmp(a.id, b.id));
  const codes = encodeItems(order, docs);

  // Each item is segmented exactly once here (title and body separately); on a large
  // corpus a helper thread takes half of the chunks.
  const position = itemWords ? new Map(items.map((item, k) => [item, k])) : null;
  const words = position ? order.map((item) => itemWords![position.get(item)!]!) : segmentItems(order);
  const tSegment = performance.now();
  const { space, flat } = buildVectorsFromWords(words);
  words.length = 0;
  const limit = postingLimit(space.itemCount, codes.docCount, opt);
  const index = invertedIndex(flat, codes.place, codes.kind, space.df, limit, KINDS.length);
  const tIndex = performance.now();

  const { choices, candidates } = chooseMatches(flat, space.terms.length, codes, index, opt);
  const tScoring = performance.now();

  const pairs = choices.pairs(order.length);
  const explainer = new Explainer(flat, space, opt.explanationTerms, opt.explanationPool);
  const links = itemLinks(order, pairs, explainer, opt.scoreDecimals, opt.maxLinksPerItem);
  const tLinks = performance.now();
  const topics = groupTopics(order, codes.doc, pairs, opt);
  const tTopics = performance.now();
  const stages: LinkStageTimes = {
    segment: Math.round(tSegment - started),
    index: Math.round(tIndex - tSegment),
    scoring: Math.round(tScoring - tIndex),
    links: Math.round(tLinks - tScoring),
    topics: Math.round(tTopics - tLinks),
  };
  return { links, topics, stats: { ms: Math.round(tTopics - started), candidates, stages } };
}
