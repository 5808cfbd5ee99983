/** The issuing date, in digits or Chinese numerals, as an ISO date. */
import { parseNumeral } from '../../text/numerals.ts';
import type { Block } from '../../types.ts';

// Years are written digit by digit (二〇二二), not as a numeral.
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
export const DATE = /([0-9]{4}|[〇零一二三四五六七八九Ｏ]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
export const DATE_ONLY = new RegExp(`^${DATE.source}$`);

/**
 * The issuing date: a date standing alone as a block (the signature date: `2025年12月22日`),
 * else a date in the opening blocks (`2025 年 6 月 27 日，市十七届人大常委会…`). Target years
 * (`到2030年`) have no month and day and never match; a date without a year stays unknown.
 */
export function inferDate(blocks: Block[]): string | null {
  const alone = blocks.find((b) => DATE_ONLY.test(b.text.trim()));
  const m = DATE.exec(alone?.text.trim() ?? '') ?? blocks.slice(0, 3).map((b) => DATE.exec(b.text)).find(Boolean) ?? null;
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

function isoDate(y: string, mo: string, d: string): string | null {
  const year = /^[0-9]+$/.test(y) ? Number(y) : Number([...y].map((c) => CN_DIGIT[c]).join(''));
  const month = parseNumeral(mo) ?? 0;
  const day = parseNumeral(d) ?? 0;
  if (!month || !day || month > 12 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
