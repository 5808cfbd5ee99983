/**
 * Union-find over items where no set may hold two items of one document: a topic is one
 * measure across cities, so it has at most one item per document.
 */
export class DocumentSets {
  private readonly parent: Int32Array;
  /** Per root that has taken part in a join, the documents of its set. */
  private readonly docsOf = new Map<number, Set<number>>();

  /** Items 0 .. doc.length - 1, item x of document doc[x], each in a set of its own. */
  constructor(private readonly doc: Int32Array) {
    this.parent = Int32Array.from({ length: doc.length }, (_, i) => i);
  }

  /** The root of x's set (with path halving); a root is its set's lowest item. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  }

  /**
   * Joins the sets of a and b unless some document has items in both. True if a and b are
   * in one set afterwards (also when they already were).
   */
  join(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const da = this.docSet(ra);
    const db = this.docSet(rb);
    // The smaller set of documents is checked against, and merged into, the larger.
    const [small, large] = da.size <= db.size ? [da, db] : [db, da];
    for (const d of small) if (large.has(d)) return false;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    for (const d of small) large.add(d);
    this.docsOf.set(root, large);
    this.docsOf.delete(child);
    return true;
  }

  private docSet(root: number): Set<number> {
    let s = this.docsOf.get(root);
    if (!s) this.docsOf.set(root, (s = new Set([this.doc[root]])));
    return s;
  }
}
