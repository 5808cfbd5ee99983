/**
 * Stable ASCII slugs for indicator pages: the name in pinyin (`孕产妇死亡率` →
 * `yun-chan-fu-si-wang-lv`), as city slugs are made. A long name is cut, and a slug two names
 * share gets a short hash of each name, so no page ever overwrites another.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

const MAX = 60;

/** Like ids.ts slugify, but ü as v (率 → lv, not l): indicator names end in 率 more often than not. */
function slugify(name: string): string {
  const latin = pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ').toLowerCase();
  return latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
const hash = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 6);

export function indicatorSlugs(names: readonly string[]): Map<string, string> {
  const base = new Map<string, string>();
  for (const name of new Set(names)) {
    let s = slugify(name);
    // A cut slug could collide with a longer name's: cut ones always carry their hash.
    if (s.length > MAX) s = `${s.slice(0, MAX).replace(/-+$/, '')}-${hash(name)}`;
    base.set(name, s);
  }
  const count = new Map<string, number>();
  for (const s of base.values()) count.set(s, (count.get(s) ?? 0) + 1);
  return new Map([...base].map(([name, s]) => [name, count.get(s)! > 1 ? `${s}-${hash(name)}` : s]));
}
