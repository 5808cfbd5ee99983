import type { Block, DocumentKind } from '../../types.ts';
import type { Recognised, RecogniseOptions } from './notes.ts';
import { parseOpinion } from './opinion.ts';
import { recognisePlan } from './plan.ts';
import { recogniseReport } from './report.ts';
import { parseSpeech } from './speech.ts';
import { recogniseTaskList } from './tasklist.ts';

/** Kinds whose recognisers only find items: nothing is expected of them that could be missing. */
const itemsOnly =
  (parse: (docId: string, blocks: Block[]) => Recognised['items']) =>
  (docId: string, blocks: Block[]): Recognised => ({ items: parse(docId, blocks), notes: [] });

/**
 * Each document kind's structure recogniser: blocks → items, and for the outline-shaped kinds
 * (plans, task lists) and reports notes on what could not be read (a plan with no `主要目标`/`策略措施`, a
 * list outside any domain), which the parse keeps for the editor's report.
 */
const RECOGNISERS: Record<DocumentKind, (docId: string, blocks: Block[], options: RecogniseOptions) => Recognised> = {
  plan: recognisePlan,
  tasklist: recogniseTaskList,
  opinion: itemsOnly(parseOpinion),
  report: recogniseReport,
  speech: itemsOnly(parseSpeech),
};

/** `options.ocr`: the text was read from a scan, so the plan recogniser may repair what the order confirms. */
export function recognise(kind: DocumentKind, docId: string, blocks: Block[], options: RecogniseOptions = {}): Recognised {
  return RECOGNISERS[kind](docId, blocks, options);
}
