/**
 * The indicators stage: every item's quantified targets (extract.ts), tagged with their item,
 * document and city, in document and reading order. Items a document repeats are read once.
 */
import type { KbDocument, Target } from '../types.ts';
import { extractTargets } from './extract.ts';
import { fold } from './fold.ts';

/** A rate or ratio figure (`70%`, `3.0‰`, `12/10万`): in a goal, it is meant as a target. */
const FIGURE = /\d+(?:\.\d+)?\s*(?:%|‰|\/\s*10\s*万|\/\s*万)/g;

/** Document kinds whose items state aims; in the others a value is a value reached unless the sentence says otherwise. */
const AIM_KINDS = new Set<KbDocument['kind']>(['plan', 'tasklist']);

export function collectTargets(documents: readonly KbDocument[], warn?: (message: string) => void): Target[] {
  const targets: Target[] = [];
  for (const doc of documents) {
    for (const item of doc.items) {
      if (item.repeats) continue;
      const found = extractTargets(item.text, {
        statesAims: AIM_KINDS.has(doc.kind),
        warn: warn && ((message) => warn(`${doc.source} 第 ${doc.blocks[item.blockStart]?.lineStart ?? '?'} 行（${item.id}）：${message}`)),
      });
      for (const t of found) targets.push({ itemId: item.id, docId: doc.id, city: doc.city, ...t });
      // A goal's figure that no target covers: the editor sees it rather than a silent gap.
      if (warn && item.kind === 'goal') {
        for (const m of fold(item.text).matchAll(FIGURE)) {
          const at = m.index!;
          if (!found.some((t) => at >= t.start && at < t.start + t.text.length)) {
            warn(`${doc.source} 第 ${doc.blocks[item.blockStart]?.lineStart ?? '?'} 行（${item.id}）：数字未读作指标：…${item.text.slice(Math.max(0, at - 20), at + m[0].length + 4).replace(/\s+/g, '')}…`);
          }
        }
      }
    }
  }
  return targets;
}

export { extractTargets } from './extract.ts';
