import { pinyin } from 'pinyin-pro';

/**
 * URL-safe ASCII slug for any name, Chinese included (`上海市静安区` → `shang-hai-shi-jing-an-qu`).
 * Deterministic: the same name always gives the same slug.
 */
export function slugify(name: string): string {
  const latin = pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join(' ')
    .toLowerCase();
  // Pinyin syllables of one word are joined; other runs of non-alphanumerics become `-`.
  const slug = latin
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return slug || 'x';
}

/** Document id from its source file name: the stem, slugified (`001_6e786ead64a8a593`). */
export function documentId(fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '');
  return /^[A-Za-z0-9_-]+$/.test(stem) ? stem.toLowerCase() : slugify(stem);
}

/**
 * Item id from its document and structural path, e.g.
 * `001_6e786ead64a8a593-women-health-m4` (measure 4 of 妇女与健康) or
 * `000_2aaad495a06620de-s2-i1` (section 2, item 1). Callers pass the parts; this joins
 * them the one way every stage agrees on.
 */
export function itemId(docId: string, ...parts: (string | number)[]): string {
  return [docId, ...parts.map((p) => String(p))].join('-');
}

/**
 * Make ids unique in order of appearance: a second `x` becomes `x-2`. Deterministic. Runs
 * once, in the pipeline, over a recogniser's items: recognisers return raw structural ids.
 */
export function dedupeIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    return n === 1 ? item : { ...item, id: `${item.id}-${n}` };
  });
}
