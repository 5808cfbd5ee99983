/**
 * Full-width digits, letters and signs (`９８％`, `１２／１０万`) folded to ASCII, one character for
 * one character, so that an offset in the folded text is the same offset in the source text
 * and every extracted phrase can be cut from the source exactly.
 */
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
