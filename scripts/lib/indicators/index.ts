/**
 * The indicators stage: every item's quantified targets (extract.ts), tagged with their item,
 * document and city, in document and reading order. Items a document repeats are read once.
 */
import type { KbDocument, Target } from '../types.ts';
import { extractTargets } from './extract.ts';

/** Document kinds whose items state aims; in the others a value is a value reached unless the sentence says otherwise. */
const AIM_KINDS = new Set<KbDocument['kind']>(['plan', 'tasklist']);

export function collectTargets(documents: readonly KbDocument[], warn?: (message: string) => void): Target[] {
  const targets: Target[] = [];
  for (const doc of documents) {
    for (const item of doc.items) {
      if (item.repeats) continue;
      const found = extractTargets(item.text, {
        statesAims: AIM_KINDS.has(doc.kind),
        warn: warn && ((message) => warn(`${doc.source} ${item.id}: ${message}`)),
      });
      for (const t of found) targets.push({ itemId: item.id, docId: doc.id, city: doc.city, ...t });
    }
  }
  return targets;
}

export { extractTargets } from './extract.ts';
