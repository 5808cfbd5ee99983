/**
 * Stable ASCII slugs for indicator pages: the name in pinyin (`孕产妇死亡率` →
 * `yun-chan-fu-si-wang-lv`), the same as city slugs. A long name is cut, and a slug two names
 * share gets a short hash of each name, so no page ever overwrites another.
 */
import { createHash } from 'node:crypto';
import { slugify } from '../ids.ts';

const MAX = 60;
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
