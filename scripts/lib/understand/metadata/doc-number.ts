/** The document's own number (`阜政发〔2022〕11号`) and the patterns that recognise one. */
import type { Block } from '../../types.ts';

const DOC_NUMBER = /([\u4e00-\u9fa5]{1,10})\s*[〔［\[【(（]\s*([0-9]{4})\s*[〕］\]】)）]\s*([0-9]{1,4})\s*号/;
export const DOC_NUMBER_ONLY = new RegExp(`^${DOC_NUMBER.source}$`);
/** A number after a title on one line: the issuer code is the short run of Han characters before 〔. */
export const DOC_NUMBER_AT_END = /\s*[\u4e00-\u9fa5]{1,6}\s*〔\s*[0-9]{4}\s*〕\s*[0-9]{1,4}\s*号$/;

/**
 * The document's own number stands alone near the top (`阜政发〔2022〕11 号`), written without
 * spaces and with the standard 〔〕 brackets. Numbers cited in the body (`（静会〔2025〕57号）`)
 * are other documents'.
 */
export function inferDocNumber(blocks: Block[]): string | null {
  for (const b of blocks.slice(0, 12)) {
    const m = DOC_NUMBER_ONLY.exec(b.text.trim());
    if (m) return `${m[1]}〔${m[2]}〕${m[3]}号`;
  }
  return null;
}
