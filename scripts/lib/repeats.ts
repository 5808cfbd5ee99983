import type { Item } from './types.ts';

/**
 * Mark items whose text (whitespace aside) an earlier item of the same document already
 * has: `repeats` names that first item. Items are otherwise returned unchanged, in order.
 */
export function markRepeats(items: readonly Item[]): Item[] {
  const first = new Map<string, string>();
  return items.map((item) => {
    const key = item.text.replace(/\s+/g, '');
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, item.id);
      return item;
    }
    return { ...item, repeats: earlier };
  });
}
