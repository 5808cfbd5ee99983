/** Where an item sits, as the entry builders and the differences both read it. */
import type { Item, KbDocument } from '../../types.ts';

/** Where an item sits: its document and its position there. */
export interface Placed {
  item: Item;
  doc: KbDocument;
  order: number;
}
