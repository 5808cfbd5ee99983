/**
 * Per item: candidates from the inverted index, scored exactly, and the matches it keeps.
 * No all-pairs comparison: only the best-proposed candidates are scored.
 */
import type { FlatVectors } from '../../text/vectors.ts';
import { comparableKinds, KINDS, type ItemCodes } from './encode.ts';
import type { LinkOptions } from './options.ts';
import { Choices, Matches } from './pairs.ts';
import { accumulate, queryTerms, type InvertedIndex } from './postings.ts';
import { topK } from './topk.ts';

/** Every item's chosen matches, in the order they are made, and how many candidates were scored. */
export function chooseMatches(
  flat: FlatVectors,
  termCount: number,
  codes: ItemCodes,
  index: InvertedIndex,
  opt: LinkOptions,
): { choices: Choices; candidates: number } {
  const { place, doc, kind, domain, plan } = codes;
  const n = flat.start.length - 1;
  const comparable = comparableKinds();
  const choices = new Choices();
  const accumulator = new Float64Array(n);
  // The current item's weights, dense: a candidate's exact cosine is then one pass over
  // the candidate's terms instead of a merge of two sparse lists.
  const dense = new Float32Array(termCount);
  const touched = new Int32Array(n);
  const terms = new Int32Array(opt.queryTerms);
  const termWeights = new Float64Array(opt.queryTerms);
  const heap = new Int32Array(opt.candidatesPerItem);
  const matches = new Matches(opt.candidatesPerItem);
  let candidates = 0;
  for (let i = 0; i < n; i++) {
    const vFrom = flat.start[i];
    const vTo = flat.start[i + 1];
    for (let x = vFrom; x < vTo; x++) dense[flat.ids[x]] = flat.weights[x];
    const queryCount = queryTerms(flat, i, index.indexed, terms, termWeights);
    const kindRow = kind[i] * KINDS.length;
    const touchedCount = accumulate(index, terms, termWeights, queryCount, comparable, kindRow, place[i], accumulator, touched);
    // The best-proposed candidates (all of comparable kinds), scored exactly.
    const taken = topK(touched, touchedCount, accumulator, heap);
    for (let h = 0; h < taken; h++) {
      const j = heap[h];
      let score = denseCosine(dense, flat, j);
      // Two items whose documents place them in different domains are less likely the same
      // measure (家风 for a family's values vs for raising children): a mild discount, not
      // a wall, since recommendations and report items cross domains.
      if (domain[i] >= 0 && domain[j] >= 0 && domain[i] !== domain[j]) score *= opt.otherDomainFactor;
      const floor = plan[i] && plan[j] ? opt.threshold : opt.summaryThreshold;
      if (score < floor) continue;
      matches.add(j, score);
    }
    candidates += taken;
    for (let x = vFrom; x < vTo; x++) dense[flat.ids[x]] = 0;
    for (let k = 0; k < touchedCount; k++) accumulator[touched[k]] = 0;
    if (matches.count > 0) matches.choose(i, doc, opt, choices);
  }
  return { choices, candidates };
}

/** Cosine of the dense vector and item j's (both normalised), clamped to 0..1. */
function denseCosine(dense: Float32Array, flat: FlatVectors, j: number): number {
  let dot = 0;
  const ids = flat.ids;
  const weights = flat.weights;
  const to = flat.start[j + 1];
  for (let x = flat.start[j]; x < to; x++) dot += dense[ids[x]] * weights[x];
  return Math.min(1, Math.max(0, dot));
}
