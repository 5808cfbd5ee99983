/**
 * The one set of types every ingest stage shares.
 *
 * Flow: SourceFile (bytes) → decode → DecodedText → normalise → Block[] →
 * recognise structure → ParsedDocument (items) → classify/link → KnowledgeBase → emit.
 */

import type { DocumentKind, DomainName, DomainSource, ItemKind, Level, Population, RemovedReason } from '../../src/lib/vocabulary.ts';
import type { Comparator } from '../../src/lib/targets.ts';

// The vocabulary (kinds, levels, populations, domains) is defined once, in src/lib/vocabulary.ts.
export type { DocumentKind, DomainName, DomainSource, ItemKind, Level, Population };

/** A raw file as found in seeds/. */
export interface SourceFile {
  /** File name inside seeds/, e.g. `001_6e786ead64a8a593.txt`. */
  name: string;
  bytes: Uint8Array;
}

/** Text after decoding, with how it was decoded (for the validation report). */
export interface DecodedText {
  text: string;
  encoding: string;
}

/**
 * A paragraph-like unit of normalised text. Every block keeps its source line range so
 * that nothing is lost and an item can point back at its place in the source.
 */
export interface Block {
  /** Index of the block in the document, 0-based, stable for the same input. */
  index: number;
  text: string;
  /** 1-based source line numbers, inclusive. */
  lineStart: number;
  lineEnd: number;
  /** Markdown heading depth when the source marks one (`##` → 2). */
  headingDepth?: number;
  /** Table cells when the block is a table row (tab-separated source). */
  cells?: string[];
  /**
   * The block's table cell continues the cell above it, merged down a column (Word's vMerge):
   * printed empty, as Word prints it, but holding the same content as the cell above.
   */
  mergedAbove?: boolean;
  /**
   * Source lines after which the paragraph may have ended: a full line of wrapped text ending a
   * sentence, with no indent to tell whether the next line starts a new paragraph (joined).
   */
  uncertainBreaks?: number[];
}

/** What the normaliser removed, kept so losslessness can be checked and reported. */
export interface Removed {
  line: number;
  text: string;
  /**
   * `page-number`, `running-header`, `residue`; and a web page's chrome around its article
   * (formats/html.ts): `navigation`, `breadcrumb`, `metadata-table`, `page-tools`,
   * `related-links`, `footer`, `page-code` (scripts, styles), `page-chrome` (other text).
   */
  reason: RemovedReason;
}

/**
 * What a source states about itself outside its text (a web page's 发文机关/成文日期/文号
 * table), for the metadata stage: it is trusted over what the text suggests, and an editor's
 * sidecar over both. `publishedDate` (发布日期) stands in only when the text gives no date.
 */
export interface MetadataHints {
  title?: string;
  issuer?: string;
  /** ISO date the document was issued (成文日期, 发文日期). */
  date?: string;
  /** ISO date the page was published (发布日期). */
  publishedDate?: string;
  docNumber?: string;
}

/**
 * Characters the normaliser read as others, kept so losslessness stays checkable: source line
 * `line` held `count` × `from` where the blocks hold `to`. Today: radical code points a PDF's
 * text layer used for common characters (`⼥` → `女`, text/radicals.ts).
 */
export interface Replaced {
  line: number;
  from: string;
  to: string;
  count: number;
  reason: 'radical';
}

export interface NormalisedText {
  blocks: Block[];
  removed: Removed[];
  /** Absent or empty: every character is as in the source. */
  replaced?: Replaced[];
}

/** A structural unit of a document: a goal, a measure, a recommendation… */
export interface Item {
  /** Stable id: same input → same id. URL-safe ASCII. */
  id: string;
  docId: string;
  kind: ItemKind;
  population: Population | null;
  /** Canonical domain name (one of the 15) or null when none applies. */
  domain: DomainName | null;
  /** How the domain was assigned: by the document's structure, or inferred from the text. */
  domainSource: DomainSource | null;
  /** Number as printed in the source: `4`, `一`, `（二）`, `二是`. */
  number: string;
  /** The title sentence (measures: `加强母婴安全保障`), or the first clause. */
  title: string;
  /**
   * Full text of the item from its title sentence on, lossless. A list marker (`4.`, `（二）`)
   * is in `number`, not repeated here; an enumeration that is part of the sentence
   * (`一是…`, `一要…`) stays. Task-list departments are in the department fields.
   */
  text: string;
  /** Headings above the item, outermost first (`二、维护合法权益…`). */
  section: string[];
  leadDepartments: string[];
  partnerDepartments: string[];
  /**
   * Id of an earlier item of the same document with the same text, when the document
   * repeats itself (web compilations reprint whole speeches). Such a repeat keeps its page
   * and its place in the text, but is left out of search and cross-links.
   */
  repeats?: string;
  /** Set when `repeats` is a near-repeat: the same passage with small changes. */
  nearRepeat?: boolean;
  /**
   * Further canonical domains the text is about, after the main one in `domain` (an opinion
   * on 就业 that also asks for 生育保险), for items whose domain is inferred from the text.
   */
  otherDomains?: DomainName[];
  /** Index of the first block of the item in the document's block list. */
  blockStart: number;
  /**
   * Character offset in `blocks[blockStart].text` where the item's own text begins: after the
   * list marker kept in `number` (`4.`, `（二）`) and the spaces after it, at a `二是` that
   * starts mid-paragraph, after the cells before it in a table row. Exact:
   * `blocks[blockStart].text.slice(textStart)` starts with the first line of `text`.
   */
  textStart: number;
  blockEnd: number;
}

export interface DocumentMeta {
  title: string;
  issuer: string | null;
  city: string | null;
  province: string | null;
  level: Level;
  kind: DocumentKind;
  /** ISO date `YYYY-MM-DD` or null. */
  date: string | null;
  docNumber: string | null;
  populations: Population[];
  /** Which fields came from the editor's sidecar rather than from the text. */
  overridden: string[];
}

export interface KbDocument extends DocumentMeta {
  id: string;
  source: string;
  sha256: string;
  encoding: string;
  blocks: Block[];
  removed: Removed[];
  /** Characters read as others (radicals as ideographs), by line; absent: none. */
  replaced?: Replaced[];
  items: Item[];
  /**
   * What the structure recogniser could not read (a plan without `主要目标`/`策略措施`, a list
   * outside any domain), kept from the parse for the editor's report; absent: none recorded.
   */
  notes?: StructureNote[];
  /** Set when the text was read by OCR from a scan (formats/ocr.ts): how, and what it was unsure of. */
  ocr?: OcrReading;
}

/** How a scanned document was read by OCR, for its page and the editor's report. */
export interface OcrReading {
  /** The recogniser and its version (`tesseract 5.3.0`). */
  engine: string;
  /** Resolution the pages were rasterised at. */
  dpi: number;
  /** Words under this confidence (0–100) are uncertain. */
  threshold: number;
  /** Per page, the mean confidence (0–100) over its characters. */
  pages: { page: number; confidence: number }[];
  /** The words under the threshold, by line (1-based, of the source text, as `Block.lineStart`). */
  uncertain: { line: number; text: string; confidence: number }[];
}

/**
 * In a document read by OCR, what a recogniser read otherwise than it was printed, because the
 * document's own order confirms it (a domain heading two characters off the domain expected
 * there, a list heading one off the list expected next, an item number the list's sequence fixes): the editor is asked to check each.
 */
export interface OcrRepair {
  block: number;
  kind: 'domain' | 'list' | 'number';
  /** As the OCR read it: the heading, or the item's number. */
  printed: string;
  /** As the recogniser read it: the domain's name, the list heading's words, or the number. */
  read: string;
}

/** An item of an opinion, report or speech → a plan measure it addresses, 0..1. */
export interface Address {
  source: string;
  target: string;
  score: number;
}

/** A similar item in another city (issue: cross-links). */
export interface Link {
  source: string;
  target: string;
  score: number;
  sharedTerms: string[];
}

export interface Topic {
  id: string;
  title: string;
  domain: DomainName | null;
  items: string[];
}

export interface KnowledgeBase {
  documents: KbDocument[];
  links: Link[];
  topics: Topic[];
  /** Quantified targets of every item (scripts/lib/relate/indicators); absent: computed at emit. */
  targets?: Target[];
  /** Items of opinions, reports and speeches → the plan measures they address (link/addresses.ts). */
  addresses?: Address[];
}

/**
 * A quantified target an item states (`孕产妇死亡率控制在12/10万以下`), or, in a report, a value
 * reached (comparator `reached`). `text` is exactly `item.text.slice(start, start + text.length)`.
 */
export interface Target {
  itemId: string;
  docId: string;
  city: string | null;
  /** Canonical indicator name, the same for every city (`孕产妇死亡率`). */
  indicator: string;
  /** The indicator as the item names it (`适龄妇女宫颈癌人群筛查率`). */
  subject: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  text: string;
  start: number;
}

/**
 * Why a recogniser found less structure than a document of its kind should have: a plan
 * without `主要目标`/`策略措施` headings, a list outside any domain, a task list without a
 * header row. Plain data, for whoever reports to the editor; the recognisers never drop text
 * because of them (what is not an item stays document text).
 */
export interface StructureNote {
  code: StructureNoteCode;
  /** The block the note is about, or null for the document as a whole. */
  block: number | null;
  /** What was (not) found, in the editor's words, with the heading or cell as printed. */
  message: string;
}

export type StructureNoteCode =
  /** The recogniser found no item at all; `message` says what it looked for. */
  | 'no-items'
  /** A `主要目标`/`策略措施` list outside a recognised domain: its items' domains are inferred. */
  | 'list-without-domain'
  /** A list heading with no numbered item under it. */
  | 'empty-list'
  /** A task list's domain cell that names none of the 15 domains. */
  | 'unknown-domain'
  /** A task list's 序号 column that skips or repeats a number, or holds no number: a row lost or misread. */
  | 'row-numbering'
  /** Task-list rows without a lead department that took the lead of the row above (a merged cell in a text copy). */
  | 'carried-department'
  /** Not the recogniser's but the format reader's: what it was unsure of (a web page's article). */
  | 'source';
