/** Every threshold and cap of the link stage, with why its default is what it is. */
export interface LinkOptions {
  /** Lowest score a link between two plan items (goal↔goal, measure↔measure) may have. */
  threshold: number;
  /**
   * Lowest score when one side is a recommendation, report item or speech passage: such an
   * item sums up several measures in one paragraph, so its likeness to any one measure is
   * diluted even when it addresses it.
   */
  summaryThreshold: number;
  /** Within one other document, keep matches scoring at least this share of the best one. */
  nearBest: number;
  /** At most this many matches per item in one other document. */
  perDocument: number;
  /** At most this many matches per item overall (before making links symmetric). */
  perItem: number;
  /**
   * At most this many links per item, its best (chosen by it or by the other item): with
   * hundreds of cities printing near-identical national text, every item would otherwise list
   * every other city. The topic page holds the measure across all cities.
   */
  maxLinksPerItem: number;
  /** Lowest score of a link that may join two items into one topic. */
  topicFloor: number;
  /** Terms in more than this share of all items do not propose candidates (they still score). */
  maxPostingShare: number;
  /**
   * Terms in more items than this many per document do not propose candidates either: the
   * same measure appears about once per document, so a word far more frequent than that
   * names a theme, not a measure.
   */
  maxPostingsPerDocument: number;
  /**
   * A term in at most this many items always proposes candidates: on a corpus of a few
   * documents the two limits above would leave almost no term in the index.
   */
  minPostingLimit: number;
  /** How many of an item's heaviest terms it looks up in the index. */
  queryTerms: number;
  /** How many proposed candidates per item are scored exactly. */
  candidatesPerItem: number;
  /** Score factor when both items have a (different) canonical domain. */
  otherDomainFactor: number;
  /** Shared terms a link shows: enough to see why two items match, few enough to read at a glance. */
  explanationTerms: number;
  /**
   * Per shown term, how many of the heaviest shared terms are considered: spares for words
   * left out as part of a longer shared word, while the (quadratic) check stays small.
   */
  explanationPool: number;
  /** Decimals of a link's shown score: finer differences are noise to a reader. */
  scoreDecimals: number;
  /**
   * A topic's domain is the majority of its items' domains; a domain the document's
   * structure states counts this many votes against 1 for one inferred from the text.
   */
  statedDomainVote: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  threshold: 0.3,
  summaryThreshold: 0.2,
  nearBest: 0.9,
  perDocument: 3,
  perItem: 12,
  maxLinksPerItem: 8,
  topicFloor: 0.35,
  maxPostingShare: 0.05,
  maxPostingsPerDocument: 2,
  minPostingLimit: 30,
  queryTerms: 16,
  candidatesPerItem: 40,
  otherDomainFactor: 0.9,
  explanationTerms: 5,
  explanationPool: 3,
  scoreDecimals: 3,
  statedDomainVote: 2,
};

/**
 * How items of opinions, reports and speeches are joined to the plan measures they address
 * and given domains (addresses.ts). Calibrated on the labelled set
 * (fixtures/around-plans.json, quality test in addresses.quality.test.ts).
 */
export interface AddressOptions {
  /** Vote of the title sentence against 1 for each body sentence. */
  titleWeight: number;
  /** Vote of the section heading above the item. */
  headingWeight: number;
  /** How many of a passage's closest measures (or work paragraphs) vote. */
  votesPerPassage: number;
  /** Weight of a runner-up's vote against the closest one's. */
  runnerUpVote: number;
  /** A passage whose closest measure is less alike than this does not vote. */
  minPassageScore: number;
  /** The item is about the work itself when its work votes times this reach all its domains' votes. */
  workMargin: number;
  /** A passage votes for the work itself when its closest work paragraph reaches this share of its closest measure. */
  workTie: number;
  /** A plan paragraph outside the domain chapters this close to a measure is about a subject, not the work itself. */
  workMaxMeasureScore: number;
  /** The main domain needs at least this share of all votes (its own, other domains', the work's). */
  minMainShare: number;
  /** A further domain needs at least this share of the main domain's votes. */
  secondaryShare: number;
  /** At most this many domains per item, the main one first. */
  maxDomains: number;
  /** The main domain is that of the item's best this many measures (summed per domain). */
  domainFromTop: number;
  /** Measures kept per passage before they are scored for the item. */
  candidatesPerPassage: number;
  /** Terms in more than this share of the measures do not propose candidates (they still score). */
  maxPostingShare: number;
  /** Nor terms in more than this many measures per plan. */
  maxPostingsPerDocument: number;
  /** A passage meets a measure at its closest sentence (this weight) and as a whole (the rest). */
  sentenceShare: number;
  /** Weight of a measure's further passages (after its best) in its score for the item. */
  supportWeight: number;
  /** Weight of the best passage's likeness against the whole item's. */
  passageShare: number;
  /** Score factor for a measure outside the item's domains. */
  otherDomainFactor: number;
  /** Score factor for a measure for the other population than the item's (妇女 / 儿童). */
  otherPopulationFactor: number;
  /** Lowest score of an addressed measure. */
  floor: number;
  /** Within one plan, keep measures scoring at least this share of the best. */
  nearBest: number;
  /** At most this many measures per plan. */
  perDocument: number;
  /** At most this many measures per item. */
  perItem: number;
}

export const DEFAULT_ADDRESS_OPTIONS: AddressOptions = {
  titleWeight: 1,
  headingWeight: 0.5,
  votesPerPassage: 1,
  runnerUpVote: 0.5,
  minPassageScore: 0.1,
  workMargin: 1,
  workTie: 0.8,
  workMaxMeasureScore: 0.3,
  minMainShare: 0.15,
  secondaryShare: 0.4,
  maxDomains: 3,
  domainFromTop: 4,
  candidatesPerPassage: 5,
  maxPostingShare: 0.05,
  maxPostingsPerDocument: 4,
  sentenceShare: 0.6,
  supportWeight: 1,
  passageShare: 0.3,
  otherDomainFactor: 0.8,
  otherPopulationFactor: 0.7,
  floor: 0.12,
  nearBest: 0.5,
  perDocument: 4,
  perItem: 8,
};
