import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decode } from './read/decode.ts';
import { readSource, SOURCE_EXTENSIONS, unreadableReason, type SourceText } from './read/formats/index.ts';
import { normalise } from './read/normalise.ts';
import { inferMetadata } from './understand/metadata.ts';
import { applySidecar } from './understand/sidecar.ts';
import { recognise } from './understand/structure/recognise.ts';
import { classifyDomains } from './understand/classify.ts';
import { linkItems } from './relate/link/index.ts';
import { addressPlans, withAroundDomains } from './relate/link/addresses.ts';
import { segmentItems, type ItemWords } from './text/segment.ts';
import { buildVectorsFromWords } from './text/vectors.ts';
import type { ParseCache } from './cache.ts';
import { dedupeIds, documentId } from './ids.ts';
import { markRepeats } from './understand/repeats.ts';
import { collectTargets } from './relate/indicators/index.ts';
import type { Block, KbDocument, KnowledgeBase } from './types.ts';
import type { StructureNote } from './understand/structure/notes.ts';
import type { DocumentReport } from '../../src/lib/ingest-report.ts';
import { reportDocuments } from './publish/report/index.ts';
import { exactDuplicateMessage, exactDuplicates } from './publish/report/duplicates.ts';
import { checkFileSize } from './read/size-limit.ts';
import { ocrTargetNotes } from './read/formats/ocr-notes.ts';

// Source files the ingest reads (formats/index.ts); anything else in seeds/ is reported, not silently skipped.
export { SOURCE_EXTENSIONS };
const SIDECAR_SUFFIX = '.meta.json';

/** A problem with one input file: the file, what is wrong, and how to fix it. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}：${problem}`);
  }
}

export interface BuildOptions {
  /** Reuse parses of unchanged documents (the CLI's default; tests build from scratch). */
  cache?: ParseCache;
  /** `YYYY-MM-DD`: the editor's report warns of dates after it. Absent: today by the real clock. */
  today?: string;
  /** Called after each phase (`KB_MEMORY_LOG=1` prints the heap there: docs/scale.md). */
  onPhase?: (phase: string) => void;
}

export interface IngestReport {
  /** Per document: what was recognised and the editor's warnings (scripts/lib/publish/report/). */
  documents: DocumentReport[];
  /** Chinese word segmentation of every item, shared by classification and linking. */
  segmentMs: number;
  /** The link stage proper: vectors, candidate index, scoring, links and topics, and the plan measures opinions, reports and speeches address. */
  linkMs: number;
  errors: string[];
  /** Quantified targets found, and values the indicators stage could not pair with a name. */
  targets?: number;
  targetWarnings?: string[];
}

/**
 * One source file → a document with its items (decode → normalise → metadata → structure).
 * `read` is the file as read by its format (formats/index.ts `readSource`); without it the
 * bytes are decoded as text.
 */
export function ingestDocument(source: string, bytes: Uint8Array, sidecar?: string, read?: SourceText): KbDocument {
  const { text, encoding, meta: stated, notes: readerNotes, ocr, ...hints }: SourceText = read ?? decode(bytes, source);
  const { blocks, removed, replaced } = normalise(text, hints);
  let meta = inferMetadata(source, blocks, stated);
  if (sidecar !== undefined) meta = applySidecar(meta, sidecar, `${source}${SIDECAR_SUFFIX}`);
  const id = documentId(source);
  // Recognisers return raw structural ids (a domain printed twice repeats them): made unique here, once.
  const { items: found, notes: structureNotes, repairs } = recognise(meta.kind, id, blocks, { ocr: ocr !== undefined });
  const items = markRepeats(dedupeIds(found));
  // What the format's reader was unsure of (a web page's article) comes first, at its block.
  const notes = [...sourceNotes(readerNotes, blocks), ...(ocr ? ocrTargetNotes(ocr, blocks, items, repairs).map((n) => ({ code: 'source' as const, ...n })) : []), ...structureNotes];
  return {
    ...meta,
    id,
    source,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    blocks,
    removed,
    ...(replaced ? { replaced } : {}),
    items,
    notes,
    ...(ocr ? { ocr } : {}),
  };
}

/**
 * Domains for the items whose document gives none, then the plan measures that opinions,
 * reports and speeches address. Both weigh the same words over the same items, so they share
 * one set of vectors, dropped when this returns.
 */
function classifyAndAddress(documents: KbDocument[], words: readonly ItemWords[], phase: (name: string) => void) {
  const itemVectors = buildVectorsFromWords(words);
  const classified = new Map(classifyDomains(documents.flatMap((d) => d.items), {}, words, itemVectors).map((i) => [i.id, i]));
  for (const doc of documents) doc.items = doc.items.map((i) => classified.get(i.id) ?? i);
  phase('领域分类');
  // Opinions, reports and speeches: domains and addressed plan measures read passage by passage.
  const aroundStarted = performance.now();
  const around = addressPlans(documents, documents.flatMap((d) => d.items), words, {}, itemVectors);
  return { around, aroundMs: performance.now() - aroundStarted };
}

function sourceNotes(notes: SourceText['notes'], blocks: Block[]): StructureNote[] {
  return (notes ?? []).map((n) => ({
    code: 'source' as const,
    block: n.line === null ? null : (blocks.find((b) => b.lineEnd >= n.line!)?.index ?? null),
    message: n.message,
  }));
}

/**
 * Read every source in `seedsDir` and build the knowledge base: documents and items, domains
 * classified where the structure gives none, cross-links and topics. Throws an aggregate
 * error naming every bad file, so that no partial site is ever published.
 */
export async function buildKnowledgeBase(seedsDir: string, options: BuildOptions = {}): Promise<{ kb: KnowledgeBase; report: IngestReport }> {
  const names = (await readdir(seedsDir)).filter((n) => !n.startsWith('.')).sort();
  const errors: string[] = [];
  const documents: KbDocument[] = [];
  /** Per document: its items' words, from the cache, or undefined until segmented below. */
  const wordsOf = new Map<KbDocument, ItemWords[] | undefined>();
  const keyOf = new Map<KbDocument, string>();
  const { cache } = options;
  const phase = options.onPhase ?? (() => {});
  const rel = (n: string) => path.join(path.basename(seedsDir), n);

  for (const name of names) {
    if (name.endsWith(SIDECAR_SUFFIX)) {
      if (!names.includes(name.slice(0, -SIDECAR_SUFFIX.length))) {
        errors.push(`${rel(name)}：找不到与之对应的源文件。请把它改名为“源文件名${SIDECAR_SUFFIX}”，或删除它。`);
      }
      continue;
    }
    const ext = path.extname(name).toLowerCase();
    if (!SOURCE_EXTENSIONS.has(ext)) {
      errors.push(`${rel(name)}：${unreadableReason(ext)}`);
      continue;
    }
    try {
      checkFileSize(rel(name), (await stat(path.join(seedsDir, name))).size);
      const bytes = await readFile(path.join(seedsDir, name));
      const sidecarName = `${name}${SIDECAR_SUFFIX}`;
      const sidecar = names.includes(sidecarName) ? await readFile(path.join(seedsDir, sidecarName), 'utf8') : undefined;
      const key = cache?.key(name, bytes, sidecar);
      const cached = key ? cache!.get(key) : undefined;
      const doc = cached?.doc ?? ingestDocument(name, bytes, sidecar, await readSource(name, bytes));
      if (doc.blocks.length === 0) throw new InputError(rel(name), '没有任何文字。请核对是否放错了文件，或删除它。');
      documents.push(doc);
      wordsOf.set(doc, cached?.words);
      if (key && !cached) keyOf.set(doc, key);
    } catch (error) {
      const message = (error as Error).message;
      errors.push(message.startsWith(name) || message.startsWith(rel(name)) ? message : `${rel(name)}：${message}`);
    }
  }
  const ids = new Map<string, string>();
  for (const doc of documents) {
    const other = ids.get(doc.id);
    if (other) errors.push(`${rel(doc.source)}：与 ${rel(other)} 的文档标识同为“${doc.id}”（由文件名得出）。请将其中一份改名。`);
    ids.set(doc.id, doc.source);
  }
  for (const duplicate of exactDuplicates(documents)) errors.push(exactDuplicateMessage(duplicate, rel));
  phase('解析');
  if (errors.length > 0) throw new AggregateError(errors.map((e) => new Error(e)), `发现 ${errors.length} 个问题：\n${errors.join('\n')}`);

  // Classification and linking read the same words: segment every item once (all documents
  // not in the cache together, so a large corpus shares the work between two threads).
  const segmentStarted = performance.now();
  const fresh = documents.filter((d) => wordsOf.get(d) === undefined);
  const freshWords = segmentItems(fresh.flatMap((d) => d.items));
  let at = 0;
  for (const doc of fresh) {
    const words = freshWords.slice(at, (at += doc.items.length));
    wordsOf.set(doc, words);
    // Cached as parsed: classification below changes items of the knowledge base, not the parse.
    const key = keyOf.get(doc);
    if (key) cache!.set(key, { doc, words });
  }
  const words = documents.flatMap((d) => wordsOf.get(d)!);
  const segmentMs = performance.now() - segmentStarted;
  phase('分词');

  const { around, aroundMs } = classifyAndAddress(documents, words, phase);
  phase('呼应');
  for (const doc of documents) doc.items = doc.items.map((i) => withAroundDomains(i, around.domains));

  // A passage a document prints twice links once, from its first occurrence.
  const allItems = documents.flatMap((d) => d.items); // same order as `words`
  const linkable = allItems.flatMap((item, k) => (item.repeats ? [] : [{ item, words: words[k]! }]));
  const { links, topics, stats } = linkItems(
    linkable.map((l) => l.item),
    documents.map((d) => ({ id: d.id, city: d.city })),
    {},
    linkable.map((l) => l.words),
  );

  phase('关联');
  const targetWarnings: string[] = [];
  const targets = collectTargets(documents, (m) => targetWarnings.push(m));
  phase('指标');

  const report: IngestReport = {
    documents: reportDocuments(documents, { today: options.today }),
    segmentMs,
    linkMs: stats.ms + Math.round(aroundMs),
    errors,
    targets: targets.length,
    targetWarnings,
  };
  phase('报告');
  return { kb: { documents, links, topics, targets, addresses: around.addresses }, report };
}
