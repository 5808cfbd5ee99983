/**
 * The indicators stage: every item's quantified targets (extract.ts), tagged with their item,
 * document and city, in document and reading order. Items a document repeats are read once.
 */
import type { Item, KbDocument, Target } from '../../types.ts';
import { extractTargets } from './extract.ts';
import { foldFigures } from './fold.ts';

/** A rate or ratio figure (`70%`, `3.0‰`, `12/10万`, `百分之九十`): in a goal, it is meant as a target. */
const FIGURE = /\d+(?:\.\d+)?\s*(?:%|‰|\/\s*10\s*万|\/\s*万)/g;

/** Document kinds whose items state aims; in the others a value is a value reached unless the sentence says otherwise. */
const AIM_KINDS = new Set<KbDocument['kind']>(['plan', 'tasklist']);

/** `001_….txt 第 120–123 行（001_…-children-family-g6）`: where an editor finds the item. */
export function itemPlace(doc: KbDocument, item: Item): string {
  const from = doc.blocks[item.blockStart]?.lineStart;
  const to = doc.blocks[item.blockEnd]?.lineEnd ?? from;
  const lines = from === undefined ? '' : from === to ? ` 第 ${from} 行` : ` 第 ${from}–${to} 行`;
  return `${doc.source}${lines}（${item.id}）`;
}

export function collectTargets(documents: readonly KbDocument[], warn?: (message: string) => void): Target[] {
  const targets: Target[] = [];
  for (const doc of documents) {
    for (const item of doc.items) {
      if (item.repeats) continue;
      const found = extractTargets(item.text, {
        statesAims: AIM_KINDS.has(doc.kind),
        warn: warn && ((message) => warn(`${itemPlace(doc, item)}：${message}`)),
      });
      for (const t of found) targets.push({ itemId: item.id, docId: doc.id, city: doc.city, ...t });
      // A goal's figure that no target covers: the editor sees it rather than a silent gap.
      if (warn && item.kind === 'goal') {
        const f = foldFigures(item.text);
        for (const m of f.text.matchAll(FIGURE)) {
          const at = f.from[m.index!]!;
          const to = f.to[m.index! + m[0].length - 1]!;
          if (!found.some((t) => at >= t.start && at < t.start + t.text.length)) {
            const excerpt = item.text.slice(Math.max(0, at - 20), to + 4).replace(/\s+/g, '');
            warn(`${itemPlace(doc, item)}：数值未读作目标（不列入指标对比）：“…${excerpt}…”。如是目标，请把句子写成“指标名称＋达到/控制在＋数值”。`);
          }
        }
      }
    }
  }
  return targets;
}

export { extractTargets } from './extract.ts';
