/** The one population an item's title names. */
import type { Item } from '../../../types.ts';
import { POPULATIONS, type Population } from '../../../../../src/lib/vocabulary.ts';

/**
 * The one population an item's title names (`加大困境儿童保护力度` → 儿童), or null when it
 * names both (`依法维护妇女儿童权益`) or neither. Not the section heading: a report on
 * women's rights asks for childcare under a heading on 妇女.
 */
export function namedPopulation(item: Pick<Item, 'title'>): Population | null {
  const said = item.title;
  const named = POPULATIONS.filter((p) => said.includes(p));
  return named.length === 1 ? named[0] : null;
}
