/**
 * Full-width ASCII (`９８％`, `１２／１０万`) folded to ASCII, one character for one, so positions
 * in the folded text are positions in the source text and every extracted phrase can be cut
 * from the source exactly.
 */
import { parseNumeral } from '../../text/numerals.ts';

export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * The folded text with figures written in Chinese as digits (`百分之九十` → `90%`, `九成` →
 * `90%`, `千分之三` → `3‰`, `十万分之十二` → `12/10万`, `两个百分点` → `2个百分点`), and for each
 * character of it where it comes from in the source (`from`: start, `to`: end), so a span of the
 * folded text maps back to the exact source phrase.
 */
export interface FoldedText {
  text: string;
  from: number[];
  to: number[];
}

const CN = '[〇零一二两三四五六七八九十百]+(?:点[〇零一二三四五六七八九]+)?';
const FIGURES = new RegExp(
  String.raw`(十万分之|万分之|千分之|百分之)(${CN})|(?<![〇零一二两三四五六七八九十百千万])([一二两三四五六七八九])成(五)?(?=以上|以下|左右|的|[，。；、和及]|$)|(?<![〇零一二两三四五六七八九十百千万\d.])(${CN})(?=个百分点)`,
  'g',
);
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `九十` → 90, `百`/`一百` → 100, `九十点五` → 90.5; null for what is not such a number. */
function chineseNumber(s: string): number | null {
  const [whole, fraction] = s.split('点');
  const n = whole === '百' || whole === '一百' ? 100 : parseNumeral(whole!);
  if (n === null) return null;
  if (fraction === undefined) return n;
  return Number(`${n}.${[...fraction].map((c) => DIGIT[c]).join('')}`);
}

const UNIT_OF: Record<string, string> = { 百分之: '%', 千分之: '‰', 万分之: '/万', 十万分之: '/10万' };

export function foldFigures(source: string): FoldedText {
  const folded = fold(source);
  const out: FoldedText = { text: '', from: [], to: [] };
  const keep = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      out.text += folded[k];
      out.from.push(k);
      out.to.push(k + 1);
    }
  };
  let at = 0;
  for (const m of folded.matchAll(FIGURES)) {
    const [whole, fractionWord, fractionNumber, tenth, half, points] = m;
    let digits: string | null = null;
    if (fractionWord) {
      const n = chineseNumber(fractionNumber!);
      if (n !== null) digits = `${n}${UNIT_OF[fractionWord]}`;
    } else if (tenth) {
      digits = `${DIGIT[tenth]! * 10 + (half ? 5 : 0)}%`;
    } else if (points) {
      const n = chineseNumber(points);
      if (n !== null) digits = String(n);
    }
    if (digits === null) continue;
    keep(at, m.index!);
    for (const ch of digits) {
      out.text += ch;
      out.from.push(m.index!);
      out.to.push(m.index! + whole.length);
    }
    at = m.index! + whole.length;
  }
  keep(at, folded.length);
  return out;
}
