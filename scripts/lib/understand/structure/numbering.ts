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

/** Letters and signs OCR reads for digits in a list marker: `l.`/`I.`/`|.` for `1.`, `1O.` for `10.`, `S.` for `5.`. */
const DIGIT_LOOKALIKES: Record<string, string> = { l: '1', I: '1', '|': '1', i: '1', '!': '1', O: '0', o: '0', S: '5', s: '5', B: '8', Z: '2', z: '2' };

/** What a number right before words measures (`3岁`, `30万人`, `5年`): no list marker that lost its dot. */
const UNIT_AFTER = /^[年月日周岁个万亿千百倍名人户次项所家元天时分米吨种批类级]/;

/** A marker as OCR may misread it: up to three digits or look-alikes, a separator or none, then an ideograph. */
const MISREAD_ARABIC = /^(\s*)([0-9０-９lI|i!OoSsBZz]{1,3})\s*([.．、,，。·:：;；]?)\s*(?=\p{Script=Han})/u;
const MISREAD_PAREN = /^\s*[（(]\s*([0-9０-９lI|i!OoSsBZz]{1,3})\s*[）)]\s*(?=\p{Script=Han})/u;

/** A number OCR misread, as it reads once repaired, with the marker as the OCR printed it. */
export interface MisreadNumber extends LeadingNumber {
  /** The marker as read (`l.`, `3，`, `7`). */
  read: string;
  /** Its separator was lost (`7加强…`): a paragraph may start so with a figure too. */
  lost: boolean;
}

/**
 * A list marker in a text read by OCR that {@link leadingNumber} does not read as printed:
 * digits read as look-alike letters (`l.`, `I.`, `1O.`), the dot read as a comma or a full stop
 * (`3，`, `3。`), or lost (`7加强…`, but not `3岁…` or `30万人`). Letters alone need a separator
 * (`l.`), so a word (`Is`) is none. Undefined when there is no such marker.
 */
export function misreadNumber(text: string, style?: NumberStyle): MisreadNumber | undefined {
  if (style !== 'paren') {
    const m = MISREAD_ARABIC.exec(text);
    if (m && (m[3] || /[0-9０-９]/.test(m[2]!))) {
      const digits = [...m[2]!].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
      const value = Number(digits.normalize('NFKC'));
      const rest = text.slice(m[0].length);
      const lost = !m[3];
      const asPrinted = leadingNumber(text, 'arabic');
      if (value >= 1 && !(lost && UNIT_AFTER.test(rest)) && !(asPrinted && asPrinted.prefix === m[0])) {
        return { value, printed: String(value), prefix: m[0], rest, style: 'arabic', read: m[0].trim(), lost };
      }
    }
  }
  if (style !== 'arabic') {
    const m = MISREAD_PAREN.exec(text);
    if (m && /[^0-9０-９]/.test(m[1]!)) {
      const value = Number([...m[1]!].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('').normalize('NFKC'));
      if (value >= 1) return { value, printed: `（${value}）`, prefix: m[0], rest: text.slice(m[0].length), style: 'paren', read: m[0].trim(), lost: false };
    }
  }
  return undefined;
}

/**
 * In a list read by OCR, the number a paragraph's misread marker stands for, when the list's
 * own sequence makes it unambiguous; undefined otherwise (the paragraph is read as printed).
 * `expected` is the number the list expects (undefined before its first item), `next` the
 * number of the list's next numbered paragraph (undefined if none before the list ends).
 *
 * - The marker must open words after a finished sentence, so a wrapped figure (`4.01‰`) is never one.
 * - A misread marker (`l.`, `1O.`, `3，`) that reads as the expected number is that number
 *   (the first item of a list: when it reads 1, or the next paragraph confirms it).
 * - A marker that lost its separator (`7加强`) needs the next paragraph's number to confirm it
 *   too, unless it is the list's last.
 * - A marker that reads as another number (`1.` between `6.` and `8.`) is the expected one only
 *   when the next paragraph is numbered one more than expected: the sequence on both sides.
 *   Not the number just before the expected one: that is a list starting again (its heading
 *   misread), not a misreading.
 */
export function repairedNumber(text: string, style: NumberStyle | undefined, expected: number | undefined, previousText: string | undefined, next: number | undefined): MisreadNumber | undefined {
  if (previousText !== undefined && !endsSentence(previousText)) return undefined;
  const printed = leadingNumber(text, style);
  const misread = printed ? undefined : misreadNumber(text, style);
  const found = printed ?? misread;
  if (!found || found.rest.trim() === '' || /^[0-9０-９]/.test(found.rest)) return undefined;
  const want = expected ?? (found.value === 1 || next === found.value + 1 ? found.value : undefined);
  if (want === undefined) return undefined;
  const repaired = (): MisreadNumber => ({
    ...found,
    value: want,
    printed: found.style === 'paren' ? `（${want}）` : String(want),
    read: misread?.read ?? found.prefix.trim(),
    lost: misread?.lost ?? false,
  });
  // The number the list just had again is rather a new list whose heading was not read.
  if (found.value !== want) return next === want + 1 && found.value !== want - 1 ? repaired() : undefined;
  if (!misread) return undefined;
  return !misread.lost || next === want + 1 || next === undefined ? repaired() : undefined;
}
