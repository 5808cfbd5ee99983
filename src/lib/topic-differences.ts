/**
 * A topic page's marks: each member's differences from the topic's reference member (the
 * ingest chose it: a provincial plan's member, else the one closest to all the others), from
 * the words the ingest cut, so no segmentation runs while pages are built.
 */
import { diffTexts, sharedShare, type DiffPart } from './diff.ts';
import type { ItemEntry, TopicEntry } from './schemas.ts';

export interface MemberDifferences {
  parts: DiffPart[];
  /** Share of the text the member and the reference have in common (0–1). */
  share: number;
}

export function topicDifferences(
  topic: Pick<TopicEntry, 'items' | 'reference' | 'cuts'>,
  byId: ReadonlyMap<string, Pick<ItemEntry, 'id' | 'text'>>,
): { reference: Pick<ItemEntry, 'id' | 'text'> | null; partsOf: Map<string, MemberDifferences> } {
  const cutsOf = new Map(topic.items.map((id, k) => [id, topic.cuts[k] ?? null]));
  const reference = topic.reference ? (byId.get(topic.reference) ?? null) : null;
  const partsOf = new Map<string, MemberDifferences>();
  if (!reference) return { reference, partsOf };
  const base = { text: reference.text, cuts: cutsOf.get(reference.id) };
  for (const id of topic.items) {
    const member = byId.get(id);
    if (!member || id === reference.id) continue;
    const parts = diffTexts(base, { text: member.text, cuts: cutsOf.get(id) });
    partsOf.set(id, { parts, share: sharedShare(parts) });
  }
  return { reference, partsOf };
}
