/**
 * Partitioned builds (docs/scale.md, "Partitions"). A large site is built by several Astro
 * processes, each rendering a bounded share of the pages from the shared ingest output:
 * partitions 1…N−1 render the pages of a group of documents (the document page, its source
 * file and its items' pages), partition N renders the pages that aggregate across documents
 * (home, lists, domains, cities, topics, departments, indicators, compare, data, search,
 * authored pages). `scripts/build.ts` plans them and assembles their output into dist/.
 *
 * Plain data and node: only, no `astro:` imports: the content config, the pages and the build
 * script share it, so what the build hashes for a partition's cache key is exactly what that
 * partition's loaders load.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The partition an Astro process builds; undefined (the whole site) when KB_PARTITION is unset. */
export interface Partition {
  /** 1-based. */
  k: number;
  n: number;
  /** Documents whose pages this partition renders; absent for the aggregate partition. */
  docs?: string[];
}

export const PARTITION_ENV = 'KB_PARTITION';

/** The partition this process builds, from KB_PARTITION (JSON, written by scripts/build.ts). */
export function currentPartition(env: NodeJS.ProcessEnv = process.env): Partition | undefined {
  const raw = env[PARTITION_ENV];
  if (!raw) return undefined;
  const p = JSON.parse(raw) as Partition;
  if (!Number.isInteger(p.k) || !Number.isInteger(p.n) || p.k < 1 || p.k > p.n) throw new Error(`${PARTITION_ENV}: expected {"k":1,"n":2,…}, got ${raw}`);
  return p;
}

/** Resolves once `file` exists (a partition waiting for the one before it: src/content.config.ts). */
export function untilExists(file: string, everyMs = 200): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (existsSync(file) ? resolve() : setTimeout(check, everyMs));
    check();
  });
}

export const isAggregate = (p: Partition | undefined) => p !== undefined && p.docs === undefined;

/** What a route renders in this process: every page in a whole-site build. */
export function rendersDocument(docId: string, p: Partition | undefined = currentPartition()): boolean {
  return p === undefined || (p.docs?.includes(docId) ?? false);
}
export const rendersAggregates = (p: Partition | undefined = currentPartition()) => p === undefined || isAggregate(p);

// ---------------------------------------------------------------------------------------------
// Planning

export interface DocumentPages {
  id: string;
  /** Pages the document's partition renders for it: its items, its page, its source file. */
  pages: number;
}

export interface Plan {
  /** Document groups, in id order; the aggregate partition comes after them (k = groups + 1). */
  groups: string[][];
  /** groups.length + 1, or 1 when the whole site fits one partition. */
  count: number;
}

/**
 * Documents into partitions. Deterministic (documents in id order, contiguous groups) and
 * bounded: a group holds at most `maxPages` pages unless a single document alone has more.
 * Without `count`, groups fill up to `maxPages` in turn, so a document whose id sorts last
 * changes only the last group and the other partitions' caches stay valid; a site of at most
 * `maxPages` pages in all is one partition. `count` fixes the number of partitions (a CI matrix
 * names it in advance): the documents are cut into count − 1 groups of about equal pages.
 */
export function planPartitions(docs: readonly DocumentPages[], options: { maxPages: number; count?: number }): Plan {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = sorted.reduce((t, d) => t + d.pages, 0);
  if (options.count === 1 || (options.count === undefined && total <= options.maxPages)) return { groups: [], count: 1 };
  const groups: string[][] = [];
  if (options.count === undefined) {
    let current: string[] = [];
    let pages = 0;
    for (const d of sorted) {
      if (current.length > 0 && pages + d.pages > options.maxPages) {
        groups.push(current);
        current = [];
        pages = 0;
      }
      current.push(d.id);
      pages += d.pages;
    }
    if (current.length) groups.push(current);
    return { groups, count: groups.length + 1 };
  }
  const groupCount = options.count - 1;
  if (!Number.isInteger(options.count) || options.count < 1) throw new Error(`分区数必须是正整数，收到 ${options.count}。`);
  if (groupCount > sorted.length) throw new Error(`分区数 ${options.count} 多于文档数 ${sorted.length} 加 1：请减少分区数。`);
  // Group g ends where the running page count passes g/groupCount of the total, but every
  // group keeps at least one document.
  let at = 0;
  let running = 0;
  for (let g = 1; g <= groupCount; g++) {
    const current: string[] = [];
    const bound = (total * g) / groupCount;
    while (at < sorted.length && (current.length === 0 || (running + sorted[at]!.pages <= bound && sorted.length - at > groupCount - g)) ) {
      current.push(sorted[at]!.id);
      running += sorted[at]!.pages;
      at++;
    }
    if (g === groupCount) while (at < sorted.length) current.push(sorted[at++]!.id);
    groups.push(current);
  }
  return { groups, count: options.count };
}

/** The partition descriptor for partition k of a plan (KB_PARTITION's value). */
export function partitionOf(plan: Plan, k: number): Partition | undefined {
  if (plan.count === 1) return undefined;
  if (k < 1 || k > plan.count) throw new Error(`分区 ${k}/${plan.count} 不存在：k 应在 1 到 ${plan.count} 之间。`);
  return k <= plan.groups.length ? { k, n: plan.count, docs: plan.groups[k - 1]! } : { k, n: plan.count };
}

/**
 * Which partition an output file (a path relative to dist/, `/`-separated) belongs to: the
 * document partitions own the item pages, the document pages and the source files; the
 * aggregate partition owns everything else (other pages, the public/ files, the bundled assets).
 */
export function ownedByDocuments(file: string): boolean {
  return file.startsWith('items/') || file.startsWith('sources/') || (file.startsWith('documents/') && file !== 'documents/index.html');
}

// ---------------------------------------------------------------------------------------------
// What a document partition loads: its documents' items, and the other documents' items they
// name (related items, addressed measures), so an item page shows their titles.

type ItemLike = Record<string, unknown> & {
  id: string;
  docId: string;
  related?: { id: string }[];
  addresses?: { id: string }[];
  addressedBy?: { id: string }[];
  leadDepartments?: string[];
  partnerDepartments?: string[];
};

const named = (i: ItemLike) => [...(i.related ?? []), ...(i.addresses ?? []), ...(i.addressedBy ?? [])].map((r) => r.id);

/**
 * The item entries a partition loads from `dir` (one JSON array per document, named by its id),
 * one file at a time so only the kept entries stay in memory: everything for a whole-site
 * build; for a document group, its documents' items and the items they name. (The aggregate
 * partition loads none: its pages read summaries, src/lib/item-summaries.ts.)
 */
export async function* partitionItems(dir: string, p: Partition | undefined): AsyncGenerator<{ file: string; entries: ItemLike[] }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const read = async (file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as ItemLike[];
  if (!p?.docs) {
    for (const file of files) yield { file, entries: await read(file) };
    return;
  }
  const own = new Set(p.docs.map((d) => `${d}.json`));
  const wanted = new Set<string>();
  for (const file of files) {
    if (!own.has(file)) continue;
    const entries = await read(file);
    for (const i of entries) for (const id of named(i)) wanted.add(id);
    yield { file, entries };
  }
  for (const file of files) {
    if (own.has(file) || wanted.size === 0) continue;
    const kept = (await read(file)).filter((i) => wanted.has(i.id));
    if (kept.length) yield { file, entries: kept };
  }
}

/**
 * What a page of another document shows of an item it names (related items, addressed
 * measures: src/pages/items/[id].astro, src/components/AroundMeasures.astro): its city, name
 * and title. A partition's cache key takes only these of the named items, so another
 * document's related lists changing leaves this partition's key alone. A page that starts
 * showing more of a named item must add the field here.
 */
export function shownOfNamed(i: ItemLike): unknown {
  const title = String(i.title ?? '');
  return [i.id, i.docId, i.cityName, i.number, i.kind, i.domain, title, title.trim() ? '' : String(i.text ?? '').slice(0, 200)];
}

interface DepartmentLike {
  lead: string[];
  partner: string[];
}

interface IndicatorLike {
  targets: { itemId: string }[];
  results?: unknown;
}

/**
 * The aggregate collections as a document partition's pages use them: departments with only the
 * group's measures (item pages link department names, document pages show the group's own
 * matrix), indicators with only the group's targets (an item page lists its own). Entries with
 * nothing left are dropped, so another document's measures never change this partition's input.
 */
export function projectDepartments<T extends DepartmentLike>(entries: T[], itemIds: ReadonlySet<string>): T[] {
  return entries
    .map((d) => ({ ...d, lead: d.lead.filter((id) => itemIds.has(id)), partner: d.partner.filter((id) => itemIds.has(id)) }))
    .filter((d) => d.lead.length + d.partner.length > 0);
}

export function projectIndicators<T extends IndicatorLike>(entries: T[], itemIds: ReadonlySet<string>): T[] {
  return entries
    .map((i) => {
      const { results: _dropped, ...rest } = i;
      return { ...rest, targets: i.targets.filter((t) => itemIds.has(t.itemId)) } as unknown as T;
    })
    .filter((i) => i.targets.length > 0);
}

/** Ids of the items a document partition renders (the group's own, not the named ones). */
export async function ownItemIds(dir: string, p: Partition): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const doc of p.docs ?? []) {
    const file = path.join(dir, `${doc}.json`);
    const entries = JSON.parse(await readFile(file, 'utf8').catch(() => '[]')) as ItemLike[];
    for (const i of entries) ids.add(i.id);
  }
  return ids;
}
