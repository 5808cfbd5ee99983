/**
 * Links in output order: a pair chosen from either side counts for both sides, and each item
 * keeps its best `maxPerItem` (so a pair appears in both directions only when it is among
 * both items' best).
 */
import type { Item, Link } from '../../types.ts';
import type { Explainer } from './explain.ts';
import { pairAdjacency, type Pairs } from './pairs.ts';
import { cmp } from './sort.ts';

/**
 * Per item, its best links from either direction of every pair, sorted by source id, then
 * score (best first), then target id, each with its pair's shared terms. `order` is in id
 * order, so index order is id order when ids are unique.
 */
export function itemLinks(order: readonly Item[], pairs: Pairs, explainer: Explainer, scoreDecimals: number, maxPerItem: number): Link[] {
  const n = order.length;
  // Per source, its links: target, rounded score and the pair (whose shared terms they show).
  const { start, partner: target, pairOf: pairAt } = pairAdjacency(n, pairs);
  const scale = 10 ** scoreDecimals;
  const rounded = new Float64Array(2 * pairs.count);
  for (let e = 0; e < rounded.length; e++) rounded[e] = Math.round(pairs.score[pairAt[e]] * scale) / scale;
  // Explained on first use: pairs no item keeps among its best need no explanation.
  const terms: (string[] | undefined)[] = new Array(pairs.count);
  const explain = (p: number) => (terms[p] ??= explainer.explain(pairs.i[p], pairs.j[p]));

  let uniqueIds = true;
  for (let x = 1; x < n; x++) if (order[x].id === order[x - 1].id) uniqueIds = false;
  const links: Link[] = [];
  for (let s = 0; s < n; s++) {
    // Insertion sort of the source's few links: score (best first), then target.
    for (let a = start[s] + 1; a < start[s + 1]; a++) {
      const t = target[a];
      const r = rounded[a];
      const p = pairAt[a];
      let b = a;
      for (; b > start[s] && (rounded[b - 1] < r || (rounded[b - 1] === r && target[b - 1] > t)); b--) {
        target[b] = target[b - 1];
        rounded[b] = rounded[b - 1];
        pairAt[b] = pairAt[b - 1];
      }
      target[b] = t;
      rounded[b] = r;
      pairAt[b] = p;
    }
    const source = order[s].id;
    for (let a = start[s]; a < Math.min(start[s + 1], start[s] + maxPerItem); a++) {
      links.push({ source, target: order[target[a]].id, score: rounded[a], sharedTerms: explain(pairAt[a]) });
    }
  }
  // Duplicate ids (not produced by the pipeline): fall back to sorting by the ids themselves.
  if (!uniqueIds) links.sort((a, b) => cmp(a.source, b.source) || b.score - a.score || cmp(a.target, b.target));
  return links;
}
