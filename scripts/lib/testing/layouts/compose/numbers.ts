/** Printed numbers in the styles Chinese documents use. */

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (up to 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export type ItemNumberStyle = 'dot' | 'fw-dot' | 'comma' | 'fw-paren' | 'paren' | 'paren-glyph' | 'circled' | 'word-auto';

/** An item marker: `4.` `4．` `4、` `（4）` `(4)` `⑷` `④`; Word's numbering prints `4.` itself. */
export function itemMarker(style: ItemNumberStyle, n: number): string {
  switch (style) {
    case 'dot':
    case 'word-auto':
      return `${n}.`;
    case 'fw-dot':
      return `${n}．`;
    case 'comma':
      return `${n}、`;
    case 'fw-paren':
      return `（${n}）`;
    case 'paren':
      return `(${n})`;
    case 'paren-glyph':
      if (n > 20) throw new Error(`⑴ numbering stops at ⒇; item ${n} cannot be printed`);
      return String.fromCodePoint(0x2473 + n);
    case 'circled':
      if (n > 20) throw new Error(`① numbering stops at ⑳; item ${n} cannot be printed`);
      return String.fromCodePoint(0x245f + n);
  }
}
