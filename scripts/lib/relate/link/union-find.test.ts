import { describe, expect, it } from 'vitest';
import { DocumentSets } from './union-find.ts';

describe('DocumentSets', () => {
  it('joins items of different documents; the root is the lowest item', () => {
    const sets = new DocumentSets(Int32Array.from([0, 1, 2, 3]));
    expect(sets.join(3, 1)).toBe(true);
    expect(sets.find(3)).toBe(1);
    expect(sets.join(2, 3)).toBe(true);
    expect([0, 1, 2, 3].map((x) => sets.find(x))).toEqual([0, 1, 1, 1]);
  });

  it('refuses a join that would put two items of one document in a set', () => {
    // Items 0 and 2 are of document 0; 1 of document 1; 3 of document 2.
    const sets = new DocumentSets(Int32Array.from([0, 1, 0, 2]));
    expect(sets.join(0, 1)).toBe(true);
    expect(sets.join(1, 2)).toBe(false);
    expect(sets.find(2)).toBe(2);
    // Also when the shared document is only reached through earlier joins.
    expect(sets.join(2, 3)).toBe(true);
    expect(sets.join(3, 1)).toBe(false);
    expect(sets.find(3)).toBe(2);
    expect(sets.find(0)).toBe(0);
  });

  it('reports items already in one set as joined, and a single item as its own set', () => {
    const sets = new DocumentSets(Int32Array.from([0, 1, 2]));
    expect(sets.find(2)).toBe(2);
    sets.join(0, 1);
    sets.join(1, 2);
    expect(sets.join(2, 0)).toBe(true);
    expect(sets.join(1, 1)).toBe(true);
  });

  it('keeps the documents of merged sets, whichever side is larger', () => {
    const sets = new DocumentSets(Int32Array.from([0, 1, 2, 3, 1]));
    sets.join(0, 1);
    sets.join(0, 2);
    sets.join(3, 0); // the smaller set (document 3) merges into the larger
    expect(sets.join(4, 3)).toBe(false); // document 1 is in the set through item 1
    expect(sets.find(4)).toBe(4);
  });
});
