/**
 * The item entry's fields for the documents around the plans: an opinion, report or speech
 * item's other domains, whether it nearly repeats an earlier passage, and the plan measures
 * it addresses; on a plan measure, the opinion, report and speech items that address it.
 */
import type { ItemEntry } from '../../../../src/lib/schemas.ts';
import { isSummaryItem } from '../../relate/link/addresses.ts';
import type { Address, Item } from '../../types.ts';

export interface AddressIndex {
  from: Map<string, { id: string; score: number }[]>;
  to: Map<string, { id: string; score: number }[]>;
}

/** Both directions of the addresses, best first (ties by id, so output is stable). */
export function addressIndex(addresses: readonly Address[] = []): AddressIndex {
  const from = new Map<string, { id: string; score: number }[]>();
  const to = new Map<string, { id: string; score: number }[]>();
  const add = (map: typeof from, key: string, id: string, score: number) => map.set(key, [...(map.get(key) ?? []), { id, score }]);
  for (const a of addresses) {
    add(from, a.source, a.target, a.score);
    add(to, a.target, a.source, a.score);
  }
  const order = (a: { id: string; score: number }, b: { id: string; score: number }) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const list of [...from.values(), ...to.values()]) list.sort(order);
  return { from, to };
}

/** `entry` with the fields above; a repeated passage shows the measures of its first occurrence. */
export function withAroundFields(entry: ItemEntry, item: Item, index: AddressIndex): ItemEntry {
  const out: ItemEntry = { ...entry };
  if (item.otherDomains?.length) out.otherDomains = item.otherDomains;
  if (item.nearRepeat) out.nearRepeat = true;
  if (isSummaryItem(item)) out.addresses = index.from.get(item.repeats ?? item.id) ?? [];
  else if (index.to.has(item.id)) out.addressedBy = index.to.get(item.id);
  return out;
}
