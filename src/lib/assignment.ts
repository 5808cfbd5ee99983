/**
 * Maximum-weight assignment (the Hungarian method, Kuhn–Munkres with potentials, O(n³)): given
 * `weight[i][j]` for rows i and columns j, the set of (row, column) pairs, each row and each
 * column used at most once, whose weights sum highest. Pairs of weight ≤ 0 are never chosen,
 * so a row may stay unpaired. Used to pair two documents' items over a whole domain at once
 * instead of best-first, where one early pair can take the item a later one needed.
 */
export function maxWeightAssignment(weight: readonly (readonly number[])[]): [number, number][] {
  const rows = weight.length;
  const cols = rows ? Math.max(...weight.map((r) => r.length)) : 0;
  if (!rows || !cols) return [];
  const n = Math.max(rows, cols);
  // Profit of a pair; padding rows and columns (and pairs of no weight) have profit 0.
  const profit = (i: number, j: number) => Math.max(0, weight[i]?.[j] ?? 0);
  let top = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) top = Math.max(top, profit(i, j));
  // Minimum-cost form on an n × n matrix, 1-based as in the classic formulation.
  const cost = (i: number, j: number) => top - profit(i - 1, j - 1);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOf = new Int32Array(n + 1); // column j → its row (0: none)
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOf[j]!] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOf[j0] = rowOf[j1]!;
      j0 = j1;
    } while (j0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= n; j++) {
    const i = rowOf[j]! - 1;
    if (i < rows && j - 1 < cols && profit(i, j - 1) > 0) pairs.push([i, j - 1]);
  }
  return pairs.sort((p, q) => p[0] - q[0]);
}
