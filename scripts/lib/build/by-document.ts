/**
 * The local build with a per-document render cache (docs/scale.md, "Rebuilding what changed"):
 * Astro renders only the documents whose pages changed as Astro renders them, and the aggregate
 * pages when any input changed; the rest comes from the store (store.ts), and every item page
 * gets its links filled in (fill.ts). A first build, or one where most documents changed (the
 * code changed), renders the whole site: one `astro build` when it fits one partition, else the
 * partition plan (side by side, as `--partitions N` would), its output taken into the store.
 * The changed documents of a partial build are rendered in groups of at most `maxPages` pages,
 * so memory stays bounded whatever the corpus.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LinkedItem, LinkingItem } from '../../../src/lib/item-links.ts';
import { linkedItem } from '../../../src/lib/item-links.ts';
import { PARTITION_ENV, planPartitions, type Partition, type Plan } from '../../../src/lib/partition.ts';
import type { ItemEntry } from './fill.ts';
import { codeKey, documentKey, partitionKey } from './key.ts';
import { AGGREGATE, DocumentStore } from './store.ts';
import type { AssembleResult } from './assemble.ts';

export interface ByDocumentOptions {
  root: string;
  /** Where the store and the partial runs write (KB_BUILD_DIR). */
  buildDir: string;
  dist: string;
  useCache: boolean;
  /** Runs `astro` with these arguments and extra environment; `partial` drops Astro's notices about empty collections. */
  astro: (args: string[], env: NodeJS.ProcessEnv, partial: boolean) => Promise<void>;
  /** Pages per Astro process (KB_PARTITION_PAGES). */
  maxPages: number;
  /** Builds every partition of `plan` into `<buildDir>/partitions/<k>-of-<n>/dist/` (scripts/build.ts, side by side). */
  runPlan: (plan: Plan) => Promise<void>;
}

export interface ByDocumentResult {
  /** Time of each step: keys (reading the ingest output), astro (its runs and taking their output), fill, assemble. */
  ms: Record<string, number>;
  documents: number;
  /** Documents Astro rendered in this build. */
  rendered: number;
  /** Documents whose key changed. */
  changed: string[];
  aggregateRendered: boolean;
  /** Astro processes run (0 when nothing changed). */
  runs: number;
  /** What assembling dist/ wrote, removed and kept. */
  assembled: AssembleResult;
  /** Item pages whose links were filled in again. */
  filled: number;
  whole: boolean;
}

type Slim = LinkingItem & { id: string };

/** Past this share of item pages in changed documents, one whole-site run is cheaper than two partial ones. */
const WHOLE_RUN_SHARE = 0.5;

export async function buildByDocument(o: ByDocumentOptions): Promise<ByDocumentResult> {
  const ms: Record<string, number> = {};
  let at = performance.now();
  const lap = (name: string) => {
    ms[name] = performance.now() - at;
    at = performance.now();
  };
  const generated = path.join(o.root, 'content', 'generated');
  const itemsDir = path.join(generated, 'items');
  if (!existsSync(itemsDir)) throw new Error('构建：content/generated/items/ 不存在。请先运行 npm run ingest（或不带参数的 npm run build）。');
  const code = await codeKey(o.root);
  const json = async (name: string) => JSON.parse(await readFile(path.join(generated, name, `${name}.json`), 'utf8').catch(() => '[]')) as Record<string, unknown>[];
  const departments = await json('departments');
  const indicators = await json('indicators');
  // One pass over the item files: each document's key, and only what the fill needs kept.
  const docs: { doc: string; entries: Slim[] }[] = [];
  const keys = new Map<string, string>();
  const named = new Map<string, LinkedItem>();
  for (const file of (await readdir(itemsDir)).filter((f) => f.endsWith('.json')).sort()) {
    const doc = file.slice(0, -'.json'.length);
    const text = await readFile(path.join(itemsDir, file), 'utf8');
    const entries = text.trim() ? (JSON.parse(text) as ItemEntry[]) : [];
    const mdx = await readFile(path.join(generated, 'documents', `${doc}.mdx`)).catch(() => Buffer.from('missing'));
    keys.set(doc, documentKey(code, doc, entries, mdx, departments, indicators));
    for (const i of entries) named.set(i.id, linkedItem(i));
    docs.push({ doc, entries: entries.map((i) => ({ id: i.id, kind: i.kind, related: i.related, addresses: i.addresses, addressedBy: i.addressedBy, otherDomains: i.otherDomains, topic: i.topic })) });
  }
  const aggregateKey = await partitionKey(o.root, { k: 2, n: 2 });
  const store = new DocumentStore(o.buildDir, docs);
  lap('keys');

  const changed: string[] = [];
  for (const { doc } of docs) if (!o.useCache || (await store.renderedKey(doc)) !== keys.get(doc)) changed.push(doc);
  const aggregateChanged = !o.useCache || (await store.renderedKey(AGGREGATE)) !== aggregateKey;
  const pagesOf = (list: readonly { entries: readonly unknown[] }[]) => list.reduce((n, d) => n + d.entries.length + 2, 0);
  const changedSet = new Set(changed);
  const whole =
    aggregateChanged && (!existsSync(path.join(store.aggregateDir, 'render.json')) || pagesOf(docs.filter((d) => changedSet.has(d.doc))) > pagesOf(docs) * WHOLE_RUN_SHARE);
  const partialDir = path.join(o.buildDir, 'incremental');

  const plan = (list: typeof docs) => planPartitions(list.map((d) => ({ id: d.doc, pages: d.entries.length + 2 })), { maxPages: o.maxPages });
  let runs = 0;
  if (whole) {
    const wholePlan = plan(docs);
    if (wholePlan.count === 1) {
      const out = path.join(o.buildDir, 'whole', 'dist');
      await rm(out, { recursive: true, force: true });
      await o.astro(['build', '--outDir', out], {}, false);
      await store.takeFrom(out, (owner) => (owner === AGGREGATE ? aggregateKey : keys.get(owner)));
      await rm(out, { recursive: true, force: true });
      runs = 1;
    } else {
      // Too large for one process: the partition plan, then each partition's own share taken
      // (a document partition renders the static pages too; only the aggregate one's are kept).
      const partitionsDir = path.join(o.buildDir, 'partitions');
      await o.runPlan(wholePlan);
      for (let k = 1; k <= wholePlan.count; k++) {
        const own = k < wholePlan.count ? new Set(wholePlan.groups[k - 1]) : undefined;
        await store.takeFrom(path.join(partitionsDir, `${k}-of-${wholePlan.count}`, 'dist'), (owner) =>
          owner === AGGREGATE ? (own ? undefined : aggregateKey) : own?.has(owner) ? keys.get(owner) : undefined,
        );
      }
      // The store holds it all now; left there, the partitions would be a second copy.
      await rm(partitionsDir, { recursive: true, force: true });
      runs = wholePlan.count;
    }
  } else {
    // The same partition runs as `--partitions 2` (astro.config.mjs, src/lib/partition.ts), in a
    // build directory of their own so they never meet a partitioned build's output.
    const partial = async (p: Partition, take: (owner: string | typeof AGGREGATE) => string | undefined) => {
      const out = path.join(partialDir, 'partitions', `${p.k}-of-${p.n}`, 'dist');
      await rm(out, { recursive: true, force: true });
      await o.astro(['build'], { [PARTITION_ENV]: JSON.stringify(p), KB_BUILD_DIR: partialDir }, p.docs !== undefined);
      await store.takeFrom(out, take);
      await rm(out, { recursive: true, force: true });
    };
    // At most maxPages pages per run, as in the partition plan (one group when they fit).
    const changedPlan = plan(docs.filter((d) => changedSet.has(d.doc)));
    const groups = changedPlan.count === 1 ? (changed.length ? [changed] : []) : changedPlan.groups;
    for (const group of groups) {
      const own = new Set(group);
      await partial({ k: 1, n: 2, docs: group }, (owner) => (owner !== AGGREGATE && own.has(owner) ? keys.get(owner) : undefined));
    }
    if (aggregateChanged) await partial({ k: 2, n: 2 }, (owner) => (owner === AGGREGATE ? aggregateKey : undefined));
    runs = groups.length + (aggregateChanged ? 1 : 0);
  }
  lap('astro');
  await store.dropOthers();
  const filled = await store.fill(named);
  lap('fill');
  const assembled = await store.assemble(o.dist);
  lap('assemble');
  return {
    ms, documents: docs.length, rendered: whole ? docs.length : changed.length, changed, aggregateRendered: aggregateChanged, runs, filled, whole, assembled };
}
