/**
 * Numbers as documents print them in list markers and dates: Chinese numerals (`三`, `十二`,
 * `二十三`) or Arabic digits (`12`, full-width `１２`). The one numeral parser of the ingest.
 */

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * `一` → 1, `十` → 10, `十二` → 12, `二十` → 20, `二十三` → 23, `〇` → 0; Arabic digits, ASCII or
 * full-width, as they read (`12`, `１２` → 12). Null for anything else: a Chinese numeral of
 * 100 or more, digits read one by one (`一二`), `十十`, a zero beside `十` (`〇十`, `二十〇`),
 * or Arabic and Chinese mixed in one number (`1十`).
 */
export function parseNumeral(text: string): number | null {
  if (/^[0-9０-９]+$/.test(text)) return Number(text.normalize('NFKC'));
  if (!/^[〇零一二两三四五六七八九十]+$/.test(text)) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? DIGITS[text]! : null;
  const before = text.slice(0, ten);
  const after = text.slice(ten + 1);
  if (before.length > 1 || after.length > 1) return null;
  const tens = before ? DIGITS[before] : 1;
  const units = after ? DIGITS[after] : 0;
  if (tens === undefined || units === undefined || tens === 0 || (after && units === 0)) return null;
  return tens * 10 + units;
}
