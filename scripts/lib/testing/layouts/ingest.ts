/**
 * A generated document through the real ingest, as the build reads it (formats/index.ts
 * `readSource`, then pipeline.ts `ingestDocument`, then the editor's report's warnings), and
 * scored against the items it was generated from.
 */
import { readSource } from '../../read/formats/index.ts';
import { ingestDocument } from '../../pipeline.ts';
import { reportDocuments } from '../../publish/report/index.ts';
import type { KbDocument } from '../../types.ts';
import type { GeneratedDocument } from './generate.ts';
import { refusedScore, scoreDocument, type DocumentScore } from './score.ts';

export interface Scored {
  doc: GeneratedDocument;
  score: DocumentScore;
  /** The ingested document (absent when the ingest refused the file). */
  ingested?: KbDocument;
  ms: number;
}

export async function ingestAndScore(doc: GeneratedDocument): Promise<Scored> {
  const started = performance.now();
  let ingested: KbDocument;
  try {
    ingested = ingestDocument(doc.name, doc.bytes, undefined, await readSource(doc.name, doc.bytes));
  } catch (error) {
    return { doc, score: refusedScore(doc.expected, (error as Error).message), ms: performance.now() - started };
  }
  const [report] = reportDocuments([ingested]);
  const score = scoreDocument(doc.expected, ingested.items, report!.warnings);
  return { doc, score, ingested, ms: performance.now() - started };
}
