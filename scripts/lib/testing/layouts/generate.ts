/**
 * The generator: a layout spec → a document's bytes and the items it must give back. The same
 * run seed and index always give the same document.
 */
import { composePlan } from './compose/plan.ts';
import { composeReport } from './compose/report.ts';
import { composeTaskList } from './compose/tasklist.ts';
import { oneAtATime, randomLayout, type Dimension, type Layout, type LayoutSpec } from './dimensions.ts';
import type { Composed } from './model.ts';
import { documentSeed, random } from './random.ts';
import { encodeText } from './render/bytes.ts';
import { renderDocx } from './render/docx.ts';
import { renderHtml } from './render/html.ts';
import { renderPdf } from './render/pdf.ts';
import { renderText } from './render/text.ts';
import { seedTruth, type TruthItem } from './truth.ts';

export interface GeneratedDocument {
  index: number;
  /** File name: `0042_plan_domainHeading.docx`; its extension picks the ingest's reader. */
  name: string;
  bytes: Uint8Array;
  expected: TruthItem[];
  layout: Layout;
  /** The dimension varied alone, or null in a random combination. */
  varied: Dimension | null;
}

export function compose(layout: Layout, seed: number): Composed {
  const truth = seedTruth();
  const rng = random(seed);
  switch (layout.source) {
    case 'plan':
      return composePlan(truth.plans, layout, rng);
    case 'tasklist':
      return composeTaskList(truth.taskLists, layout, rng);
    case 'report':
      return composeReport(truth.report, layout);
  }
}

export async function generateDocument(spec: LayoutSpec, index: number, runSeed: number): Promise<GeneratedDocument> {
  const seed = documentSeed(runSeed, index);
  const { layout, varied } = spec;
  const { model, expected } = compose(layout, seed);
  const rng = random(seed ^ 0x5bd1e995);
  let bytes: Uint8Array;
  switch (layout.container) {
    case 'txt':
    case 'md':
      bytes = encodeText(renderText(model, layout, rng), layout);
      break;
    case 'docx':
      bytes = await renderDocx(model, layout);
      break;
    case 'pdf':
      bytes = await renderPdf(model, layout);
      break;
    case 'html':
      bytes = renderHtml(model, layout);
      break;
  }
  const name = `${String(index).padStart(4, '0')}_${layout.source}_${varied ?? 'mix'}.${layout.container}`;
  return { index, name, bytes, expected, layout, varied };
}

export interface RunOptions {
  seed: number;
  /** Random combinations after the one-dimension documents. */
  random: number;
  /** One-dimension documents per value (each with its own subset of the truth). */
  repeat: number;
  /** Only this dimension: its values one at a time, and random combinations that vary it. */
  dimension?: Dimension;
}

/** The run's documents: every value of every dimension alone, then random combinations. */
export function runSpecs(options: RunOptions): LayoutSpec[] {
  const specs = oneAtATime({ dimension: options.dimension, repeat: options.repeat });
  const rng = random(options.seed);
  for (let k = 0; k < options.random; k++) specs.push({ layout: randomLayout(rng), varied: null });
  return specs;
}
