import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipeline.ts';
import { SEEDS_DIR, seedNames } from '../../testing/seeds.ts';
import type { Block, Item } from '../../types.ts';

/** Items whose first text line is not found at `textStart` in their first block. */
function misplaced(blocks: Block[], items: Item[]): string[] {
  return items.flatMap((item) => {
    const firstLine = item.text.split('\n')[0]!;
    const at = blocks[item.blockStart]!.text.slice(item.textStart);
    const ok = Number.isInteger(item.textStart) && item.textStart >= 0 && firstLine !== '' && at.startsWith(firstLine);
    return ok ? [] : [`${item.id} @${item.textStart}: ${JSON.stringify(at.slice(0, 20))} ≠ ${JSON.stringify(firstLine.slice(0, 20))}`];
  });
}

describe('Item.textStart', () => {
  for (const name of seedNames()) {
    it(`points at the start of every item's text in its first block (${name})`, () => {
      const doc = ingestDocument(name, readFileSync(path.join(SEEDS_DIR, name)));
      expect(doc.items.length).toBeGreaterThan(0);
      expect(misplaced(doc.blocks, doc.items)).toEqual([]);
    });
  }
});
