/**
 * Numbered list items in plans and task lists: `1.`, `12．`, `3、` (arabic), `（1）`, `(2)`,
 * `3）`, `⑴` (parenthesised), `①` (circled).
 *
 * A number at the start of a block is only an item when it is the number the list expects
 * next: `6.3岁以下儿童…` is item 6 (text `3岁以下…`), while a wrapped `3.4‰和 4.4‰以下…`
 * after item 3 is not item 3 again. A list keeps the style of its first item, so `（1）`
 * sub-paragraphs inside a `1.` list stay part of their item, while a list numbered `（1）`
 * throughout is read as one.
 */
import { endsSentence } from '../../text/sentences.ts';

export type NumberStyle = 'arabic' | 'paren' | 'circled';

export interface LeadingNumber {
  /** The number as a value, for sequencing and ids. */
  value: number;
  /**
   * The number as printed: the digits for `6.` (`6`, `１２`), the whole marker for the
   * parenthesised and circled styles (`（1）`, `⑴`, `①`), whose brackets are part of the number.
   */
  printed: string;
  /** The prefix to strip, separator and following spaces included (`6.`). */
  prefix: string;
  /** What follows the prefix. */
  rest: string;
  style: NumberStyle;
}

const ARABIC = /^\s*([0-9０-９]{1,3})\s*[.．、]\s*/;
const PAREN = /^\s*([（(]\s*[0-9０-９]{1,3}\s*[）)]|[0-9０-９]{1,3}[）)]|[⑴-⒇])\s*/;
const CIRCLED = /^\s*([①-⑳])\s*/;

/** ⑴…⒇ are U+2474…U+2487, ①…⑳ U+2460…U+2473. */
function glyphValue(marker: string): number {
  const code = marker.codePointAt(0)!;
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2473;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x245f;
  return Number(marker.normalize('NFKC').replace(/[^0-9]/g, ''));
}

/**
 * The number a block starts with, in any style, or only in `style` when given (a list that
 * has started keeps its style).
 */
export function leadingNumber(text: string, style?: NumberStyle): LeadingNumber | undefined {
  for (const [s, re] of [
    ['arabic', ARABIC],
    ['paren', PAREN],
    ['circled', CIRCLED],
  ] as const) {
    if (style && style !== s) continue;
    const m = re.exec(text);
    if (!m) continue;
    const marker = m[1]!;
    const printed = s === 'arabic' ? marker : marker.replace(/\s+/g, '');
    return { value: glyphValue(marker), printed, prefix: m[0], rest: text.slice(m[0].length), style: s };
  }
  return undefined;
}

/**
 * Is `candidate` the start of the next item, given the number expected next and the text of
 * the paragraph just before it?
 *
 * - A list's first item may have any number: an excerpt (节选) prints a list from `9.` on.
 * - The expected number is an item, unless it reads as a wrapped decimal: digits right after
 *   the separator (`4.01‰`) following a paragraph that stopped mid-sentence.
 * - One number may be missing from the source (a typo): expected+1 is accepted when it is
 *   followed by words, not digits, so a skipped number does not swallow the rest of a list.
 * - An excerpt may skip several (`3.` then `7.`): a later number is accepted after a finished
 *   sentence, followed by words.
 *
 * `expected` is undefined before a list's first item.
 */
export function isNextItem(candidate: LeadingNumber, expected: number | undefined, previousText: string | undefined): boolean {
  const digitAfter = /^[0-9０-９]/.test(candidate.rest);
  if (expected === undefined) return candidate.value >= 1 && candidate.rest.trim() !== '';
  if (candidate.value === expected) {
    return !(digitAfter && previousText !== undefined && !endsSentence(previousText));
  }
  if (candidate.value === expected + 1) return !digitAfter && candidate.rest.trim() !== '';
  // An excerpt may print a selection (`3.` … `7.` … `9.`): a later number is an item when it
  // opens words after a finished sentence, never a wrapped number inside one.
  return candidate.value > expected && !digitAfter && candidate.rest.trim() !== '' && previousText !== undefined && endsSentence(previousText);
}
