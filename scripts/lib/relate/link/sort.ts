/** Orders the link stage shares. */

/** Code-unit order of ids (not locale order): the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts a short array in place (the comparator must be a total order). */
export function insertionSort(a: Int32Array, compare: (x: number, y: number) => number): void {
  for (let k = 1; k < a.length; k++) {
    const x = a[k];
    let m = k;
    for (; m > 0 && compare(a[m - 1], x) > 0; m--) a[m] = a[m - 1];
    a[m] = x;
  }
}
