/**
 * Numbered list items (`1.`, `12．`, `3、`) in plans and task lists.
 *
 * A number at the start of a block is only an item when it is the number the list expects
 * next: `6.3岁以下儿童…` is item 6 (text `3岁以下…`), while a wrapped `3.4‰和 4.4‰以下…`
 * after item 3 is not item 3 again.
 */
import { endsSentence } from '../text/sentences.ts';

export interface LeadingNumber {
  /** The number as a value, for sequencing and ids. */
  value: number;
  /** The number as printed (`6`, `１２`). */
  printed: string;
  /** The prefix to strip, separator and following spaces included (`6.`). */
  prefix: string;
  /** What follows the prefix. */
  rest: string;
}

const NUMBER = /^\s*([0-9０-９]{1,3})\s*[.．、]\s*/;

export function leadingNumber(text: string): LeadingNumber | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const printed = m[1]!;
  const value = Number(printed.normalize('NFKC'));
  return { value, printed, prefix: m[0], rest: text.slice(m[0].length) };
}

/**
 * Is `candidate` the start of the next item, given the number expected next and the text of
 * the paragraph just before it?
 *
 * - The expected number is an item, unless it reads as a wrapped decimal: digits right after
 *   the separator (`4.01‰`) following a paragraph that stopped mid-sentence.
 * - One number may be missing from the source (a typo): expected+1 is accepted when it is
 *   followed by words, not digits, so a skipped number does not swallow the rest of a list.
 */
export function isNextItem(candidate: LeadingNumber, expected: number, previousText: string | undefined): boolean {
  const digitAfter = /^[0-9０-９]/.test(candidate.rest);
  if (candidate.value === expected) {
    return !(digitAfter && previousText !== undefined && !endsSentence(previousText));
  }
  return candidate.value === expected + 1 && !digitAfter && candidate.rest.trim() !== '';
}
