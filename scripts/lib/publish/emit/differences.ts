/**
 * What marking differences between cities needs from the ingest: each item's words (jieba's
 * lossless cut, sent as compact cuts, see src/lib/diff.ts) and, for each topic, the member
 * the others are compared with on its page.
 */
import type { RelatedItem } from '../../../../src/lib/schemas.ts';
import { encodeCuts } from '../../../../src/lib/diff.ts';
import { cutWords } from '../../text/segment.ts';
import type { Item } from '../../types.ts';
import type { Placed } from './placed.ts';

/** Each item's cuts, computed once per item object however many outputs show it. */
const cutsMemo = new WeakMap<Item, string>();

/** An item's words as cuts (lengths in base 36), over its full text. */
export function itemCuts(item: Item): string {
  let cuts = cutsMemo.get(item);
  if (cuts === undefined) {
    cuts = encodeCuts(cutWords(item.text));
    cutsMemo.set(item, cuts);
  }
  return cuts;
}

/**
 * The member of a topic the others are compared with on its page. A provincial plan's member
 * when there is one (cities' plans reword their province's, so the marks show what each city
 * changed); otherwise the most central member: the one with the highest summed link score to
 * the other members, i.e. the wording closest to all the others, which keeps every member's
 * marks as few as they can be. Ties go to the earlier member.
 */
export function topicReference(members: readonly string[], placed: ReadonlyMap<string, Placed>, related: ReadonlyMap<string, readonly RelatedItem[]>): string | null {
  let best: { id: string; province: boolean; centrality: number } | null = null;
  const inTopic = new Set(members);
  for (const id of members) {
    const p = placed.get(id);
    if (!p) continue;
    const province = p.doc.level === 'province';
    const centrality = (related.get(id) ?? []).reduce((sum, r) => (inTopic.has(r.id) && r.id !== id ? sum + r.score : sum), 0);
    if (!best || (province && !best.province) || (province === best.province && centrality > best.centrality + 1e-9)) {
      best = { id, province, centrality };
    }
  }
  return best?.id ?? null;
}
