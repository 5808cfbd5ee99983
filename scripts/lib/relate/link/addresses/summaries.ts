/** Which items are the documents around the plans (opinions, reports, speeches) that address plan measures. */
import type { Item } from '../../../types.ts';

/** Item kinds of the documents around the plans. */
const SUMMARY_KINDS = new Set<Item['kind']>(['recommendation', 'report', 'speech']);

export function isSummaryItem(item: Pick<Item, 'kind'>): boolean {
  return SUMMARY_KINDS.has(item.kind);
}
