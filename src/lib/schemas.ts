/**
 * The contract between the ingest and the pages: the frontmatter of every generated
 * collection entry. `src/content.config.ts` validates entries with these schemas, and the
 * emitter builds entries typed by them (`DocumentEntry`, `ItemEntry`, …), so a mismatch fails
 * `tsc` at the emitter instead of `astro build` at the page.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, DOMAIN_NAMES, DOMAIN_SLUGS, DOMAIN_SOURCES, ITEM_KINDS, LEVELS, POPULATIONS, REMOVED_REASONS } from './vocabulary.ts';
import { COMPARATORS, RESULT_STATUSES } from './targets.ts';

export const population = z.enum(POPULATIONS);
export const itemKind = z.enum(ITEM_KINDS);
export const documentKind = z.enum(DOCUMENT_KINDS);
export const level = z.enum(LEVELS);
export const domainName = z.enum(DOMAIN_NAMES);
export const domainSlug = z.enum(DOMAIN_SLUGS);
export const domainSource = z.enum(DOMAIN_SOURCES);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const documentEntry = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  city: z.string().nullable(),
  cityName: z.string(),
  citySlug: z.string(),
  province: z.string().nullable(),
  level,
  kind: documentKind,
  date: isoDate.nullable(),
  docNumber: z.string().nullable(),
  populations: z.array(population),
  source: z.string(),
  sha256: z.string(),
  encoding: z.string(),
  overridden: z.array(z.string()),
  itemCount: z.number().int(),
  blockCount: z.number().int(),
  removedCount: z.number().int(),
  /**
   * Characters of the source's text layer read as others (radical code points a PDF used for
   * common characters, `⼥` → `女`), with how often and on how many lines; absent: none.
   */
  readAs: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int(), lines: z.number().int() })).optional(),
  /** Set when the text was read from a scan by OCR (scripts/lib/read/formats/ocr.ts): per page confidence and the uncertain words. */
  ocr: z
    .object({
      engine: z.string(),
      dpi: z.number(),
      threshold: z.number(),
      pages: z.array(z.object({ page: z.number().int(), confidence: z.number() })),
      uncertain: z.array(z.object({ line: z.number().int(), text: z.string(), confidence: z.number() })),
    })
    .optional(),
  /** Removed lines by why (page numbers, a web page's navigation…), for the document page; absent: none. */
  removedByReason: z.partialRecord(z.enum(REMOVED_REASONS), z.number().int()).optional(),
});

/**
 * An item of another city shown beside this one, with why they were linked. Only the id: the
 * page reads the other item's title and city from the item index, so at 100,000 items the
 * entries do not carry a second copy of eight other items each.
 */
export const relatedItem = z.object({
  id: z.string(),
  score: z.number().min(0).max(1),
  sharedTerms: z.array(z.string()),
});

/** Where an item stands: its document and that document's place (item entries and targets carry it). */
const placedInDocument = {
  docId: z.string(),
  docTitle: z.string(),
  docKind: documentKind,
  city: z.string().nullable(),
  cityName: z.string(),
  citySlug: z.string(),
};

export const itemEntry = z.object({
  id: z.string(),
  ...placedInDocument,
  province: z.string().nullable(),
  order: z.number().int(),
  kind: itemKind,
  population: population.nullable(),
  domain: domainName.nullable(),
  domainSlug: domainSlug.nullable(),
  domainSource: domainSource.nullable(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  section: z.array(z.string()),
  leadDepartments: z.array(z.string()),
  partnerDepartments: z.array(z.string()),
  topic: z.object({ id: z.string(), title: z.string() }).nullable(),
  related: z.array(relatedItem),
  /** The earlier item of the same document this one repeats word for word, if any. */
  repeats: z.string().nullable(),
  /** `repeats` names a near-repeat: the same passage with small changes. */
  nearRepeat: z.boolean().optional(),
  /** Further domains an opinion, report or speech item is about, after its main `domain`. */
  otherDomains: z.array(domainName).optional(),
  /** Opinion, report and speech items: the plan measures they address, best first (empty: none found). */
  addresses: z.array(z.object({ id: z.string(), score: z.number().min(0).max(1) })).optional(),
  /** Plan measures: the opinion, report and speech items that address them, best first. */
  addressedBy: z.array(z.object({ id: z.string(), score: z.number().min(0).max(1) })).optional(),
});

export const domainEntry = z.object({
  name: domainName,
  domainSlug,
  population,
  order: z.number().int(),
  itemCount: z.number().int(),
  cities: z.array(z.string()),
  /** Ids of the domain's topics in outline order (goals before measures, then document order). */
  topics: z.array(z.string()),
});

export const cityEntry = z.object({
  id: z.string(),
  name: z.string(),
  citySlug: z.string(),
  known: z.boolean(),
  province: z.string().nullable(),
  level,
  documents: z.array(z.string()),
  itemCount: z.number().int(),
});

export const topicEntry = z.object({
  id: z.string(),
  title: z.string(),
  domain: domainName.nullable(),
  domainSlug: domainSlug.nullable(),
  items: z.array(z.string()),
  cities: z.array(z.string()),
  /** The member the others are compared with on the topic page (their differences are marked against it). */
  reference: z.string().nullable(),
  /** Each member's words as cuts (src/lib/diff.ts), in the order of `items`: the page diffs without jieba. */
  cuts: z.array(z.string()),
});

/**
 * A body the documents name as lead (牵头) or partner (配合) of measures, across cities: one per
 * key of scripts/lib/relate/departments/normalise.ts. `name` is its most-printed name, `names` every
 * printed form (most used first), `lead` / `partner` item ids.
 */
export const departmentEntry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  label: z.string(),
  collective: z.boolean(),
  known: z.boolean(),
  names: z.array(z.object({ name: z.string(), count: z.number().int().positive() })).min(1),
  lead: z.array(z.string()),
  partner: z.array(z.string()),
  cities: z.array(z.string()),
});

/** Authored pages (content/pages/*.mdx). */
export const pageEntry = z.object({ title: z.string(), description: z.string().optional() });

export type DocumentEntry = z.infer<typeof documentEntry>;
export type RelatedItem = z.infer<typeof relatedItem>;
export type ItemEntry = z.infer<typeof itemEntry>;
export type DomainEntry = z.infer<typeof domainEntry>;
export type CityEntry = z.infer<typeof cityEntry>;
export type TopicEntry = z.infer<typeof topicEntry>;
export type DepartmentEntry = z.infer<typeof departmentEntry>;

/** One city's target for an indicator, as the indicator pages and item pages show it. */
export const targetEntry = z.object({
  itemId: z.string(),
  ...placedInDocument,
  itemNumber: z.string(),
  itemTitle: z.string(),
  /** The indicator as the item names it. */
  subject: z.string(),
  comparator: z.enum(COMPARATORS),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  year: z.number().int().nullable(),
  /** The exact phrase of the item text. */
  text: z.string(),
  /** Position among the item's targets, in reading order. */
  order: z.number().int(),
});

/** An indicator (指标) and every target set for it, cities in collation order. */
export const indicatorEntry = z.object({
  id: z.string(),
  name: z.string(),
  /** Units its targets use, most used first. */
  units: z.array(z.string()),
  cities: z.array(z.string()),
  targets: z.array(targetEntry),
  /** A lower value is better (the catalogue's word, else the name's): how 保持在/约 targets are met. */
  lowerIsBetter: z.boolean().optional(),
  /** The indicator is in the curated catalogue (scripts/lib/relate/indicators/catalogue.ts). */
  catalogued: z.boolean().optional(),
  /** Plan targets set against a value a report of the same city states as reached: positions in `targets`. */
  results: z.array(z.object({ target: z.number().int(), reached: z.number().int(), status: z.enum(RESULT_STATUSES) })).optional(),
});

export type TargetEntry = z.infer<typeof targetEntry>;
export type IndicatorEntry = z.infer<typeof indicatorEntry>;
