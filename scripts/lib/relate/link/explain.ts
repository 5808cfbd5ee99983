/**
 * Why two items are linked: the words they share, most informative first (by their
 * contribution to the cosine). A shared word that is part of a longer shared word
 * (`妇幼` in `妇幼保健`) is left out: the reader sees the longer one.
 */
import type { FlatVectors, TermSpace } from '../../text/vectors.ts';
import { insertTop } from './topk.ts';

export class Explainer {
  private readonly ids: Int32Array;
  private readonly products: Float64Array;
  /** The vector of item `scattered`, dense; callers asking in order of i scatter it rarely. */
  private readonly dense: Float32Array;
  private scattered = -1;
  /** Per term id: ids of the vocabulary's terms that are proper substrings of it (lazily). */
  private readonly inside: (Int32Array | undefined)[] = [];
  private readonly chosen: Uint8Array;
  private readonly subsumed: Uint8Array;

  /**
   * `limit` words at most, chosen from the heaviest `limit * pool` shared terms (the
   * subsumption check is quadratic in their number).
   */
  constructor(
    private readonly flat: FlatVectors,
    private readonly space: TermSpace,
    private readonly limit = 5,
    pool = 3,
  ) {
    this.ids = new Int32Array(limit * pool);
    this.products = new Float64Array(limit * pool);
    this.dense = new Float32Array(space.terms.length);
    this.chosen = new Uint8Array(space.terms.length);
    this.subsumed = new Uint8Array(space.terms.length);
  }

  /** The words items i and j share (the same for j and i). */
  explain(i: number, j: number): string[] {
    const { flat, dense, ids, products } = this;
    if (i !== this.scattered) {
      const s = this.scattered;
      if (s >= 0) for (let x = flat.start[s]; x < flat.start[s + 1]; x++) dense[flat.ids[x]] = 0;
      for (let x = flat.start[i]; x < flat.start[i + 1]; x++) dense[flat.ids[x]] = flat.weights[x];
      this.scattered = i;
    }
    // The heaviest shared terms by (product desc, id asc), kept sorted; ids are in term
    // order, so ties go by the term itself.
    const cap = ids.length;
    let count = 0;
    for (let x = flat.start[j]; x < flat.start[j + 1]; x++) {
      const id = flat.ids[x];
      const w = dense[id];
      if (!(w > 0)) continue;
      count = insertTop(ids, products, count, cap, id, w * flat.weights[x]);
    }
    for (let m = 0; m < count; m++) this.chosen[ids[m]] = 1;
    for (let m = 0; m < count; m++) {
      const inside = this.substringsOf(ids[m]);
      for (let x = 0; x < inside.length; x++) if (this.chosen[inside[x]]) this.subsumed[inside[x]] = 1;
    }
    const words: string[] = [];
    for (let m = 0; m < count; m++) if (!this.subsumed[ids[m]] && words.length < this.limit) words.push(this.space.terms[ids[m]]);
    for (let m = 0; m < count; m++) this.chosen[ids[m]] = this.subsumed[ids[m]] = 0;
    return words;
  }

  private substringsOf(id: number): Int32Array {
    let found = this.inside[id];
    if (found) return found;
    const term = this.space.terms[id];
    const ids = new Set<number>();
    for (let from = 0; from < term.length; from++)
      for (let to = from + 1; to <= term.length; to++) {
        if (to - from === term.length) continue;
        const sub = this.space.idOf(term.slice(from, to));
        if (sub !== undefined) ids.add(sub);
      }
    found = Int32Array.from(ids);
    this.inside[id] = found;
    return found;
  }
}
