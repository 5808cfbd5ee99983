/** The best few of many, without sorting them all: the link stage does this per item. */

/**
 * Insert (id, value) into the first `count` entries of `ids`/`values`, kept sorted by value
 * descending and at most `cap` long; returns the new count. Callers feed ids in ascending
 * order, so an equal value goes after those already there (ties stay in id order).
 */
export function insertTop(ids: Int32Array, values: Float64Array, count: number, cap: number, id: number, value: number): number {
  let at = count;
  while (at > 0 && values[at - 1] < value) at--;
  if (at >= cap) return count;
  for (let m = Math.min(count, cap - 1); m > at; m--) {
    ids[m] = ids[m - 1];
    values[m] = values[m - 1];
  }
  ids[at] = id;
  values[at] = value;
  return count < cap ? count + 1 : count;
}

/**
 * The entries of `candidates[0 .. count)` with the highest `score`, at most `heap.length`
 * of them, written to the front of `heap`; returns how many. Which entries is fixed by
 * (score desc, index asc); their order in `heap` is not (callers rank them).
 * A bounded min-heap: no sort of all candidates.
 */
export function topK(candidates: Int32Array, count: number, score: Float64Array, heap: Int32Array): number {
  const cap = heap.length;
  let size = 0;
  // a is "worse" than b: lower score, or same score and higher index.
  const worse = (a: number, b: number) => score[a] < score[b] || (score[a] === score[b] && a > b);
  for (let t = 0; t < count; t++) {
    const j = candidates[t];
    if (size === cap) {
      // Most candidates are no better than the current worst kept one: reject them cheaply.
      const root = heap[0];
      const sj = score[j];
      if (sj < score[root] || (sj === score[root] && j > root)) continue;
    }
    let k: number;
    if (size < cap) {
      // Sift up from the end.
      k = size++;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (!worse(j, heap[parent])) break;
        heap[k] = heap[parent];
        k = parent;
      }
      heap[k] = j;
      continue;
    }
    // Replace the root and sift down.
    k = 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= size) break;
      const r = l + 1;
      const m = r < size && worse(heap[r], heap[l]) ? r : l;
      if (!worse(heap[m], j)) break;
      heap[k] = heap[m];
      k = m;
    }
    heap[k] = j;
  }
  return size;
}
