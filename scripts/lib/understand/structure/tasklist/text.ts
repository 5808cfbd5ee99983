/** Cell text compared without its spacing. */
import type { Line } from './model.ts';

export const squash = (s: string) => s.replace(/\s+/g, '');

export function sameText(a: Line[], b: Line[] | null): boolean {
  return b !== null && squash(a.map((l) => l.text).join('')) === squash(b.map((l) => l.text).join(''));
}
