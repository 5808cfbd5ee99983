/** What the plans say about the work itself: their paragraphs outside every item (组织实施, 监测评估). */
import { segment } from '../../../text/segment.ts';
import { termBag, vectorInSpace, type SparseVector, type TermSpace } from '../../../text/vectors.ts';
import type { KbDocument } from '../../../types.ts';
import { STRUCTURED_DOCUMENT_KINDS } from '../../../../../src/lib/vocabulary.ts';

/**
 * Paragraphs of the plans outside every item: the preamble and the chapters on carrying the
 * plan out (组织实施, 监测评估), i.e. what a plan says about the work itself.
 */
export function workParagraphs(documents: readonly KbDocument[], space: TermSpace): { text: string; vector: SparseVector }[] {
  const out: { text: string; vector: SparseVector }[] = [];
  for (const doc of documents) {
    if (!STRUCTURED_DOCUMENT_KINDS.has(doc.kind) || doc.items.length === 0) continue;
    const inItem = new Uint8Array(doc.blocks.length);
    for (const item of doc.items) inItem.fill(1, item.blockStart, item.blockEnd + 1);
    for (const block of doc.blocks) {
      if (inItem[block.index] || block.headingDepth !== undefined || block.cells) continue;
      if (block.text.replace(/\s/g, '').length < MIN_WORK_CHARS) continue;
      const vector = vectorInSpace(termBag(segment(block.text), []), space);
      if (vector.ids.length > 0) out.push({ text: block.text, vector });
    }
  }
  return out;
}

/** A paragraph shorter than this is a heading or a line of furniture, not a statement. */
const MIN_WORK_CHARS = 30;
