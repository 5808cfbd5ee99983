import type { DocumentKind, KbDocument } from '../types.ts';
import type { StructureNote } from './notes.ts';
import { recognisePlan } from './plan.ts';
import { recogniseTaskList } from './tasklist.ts';

/** The kinds whose recognisers explain what they could not find (the outline-shaped kinds). */
const EXPLAINED: Partial<Record<DocumentKind, typeof recognisePlan>> = { plan: recognisePlan, tasklist: recogniseTaskList };

/**
 * Why a parsed document has fewer items than its kind should have (a plan with no
 * `主要目标`/`策略措施`, a task list with no header row, a list outside any domain), for the
 * editor's report. Re-reads the blocks, so it needs no field on the document; other kinds have
 * no notes.
 */
export function structureNotes(doc: Pick<KbDocument, 'id' | 'kind' | 'blocks'>): StructureNote[] {
  return EXPLAINED[doc.kind]?.(doc.id, doc.blocks).notes ?? [];
}
