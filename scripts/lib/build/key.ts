/**
 * A partition's cache key (scripts/build.ts): the hash of everything its pages show, so a
 * partition whose key is unchanged need not be rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ownPart } from '../../../src/lib/item-links.ts';
import { projectDepartments, projectIndicators, type Partition } from '../../../src/lib/partition.ts';
import { filesUnder } from './walk.ts';

/** What every page depends on: the site's code and settings. */
export async function codeHash(root: string, hash: ReturnType<typeof createHash>): Promise<void> {
  hash.update(`env\0${process.env.KB_SITE_URL ?? ''}\0${process.env.KB_INCREMENTAL ?? ''}\0`);
  for (const source of ['src', 'content/pages', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']) {
    const full = path.join(root, source);
    if (!existsSync(full)) continue;
    const files = (await stat(full)).isDirectory() ? filesUnder(full).map((f) => path.join(source, f)) : [source];
    for (const f of files) {
      if (/\.test\.ts$/.test(f)) continue;
      hash.update(`${f}\0`).update(await readFile(path.join(root, f))).update('\0');
    }
  }
}

/**
 * The cache key of a partition: a hash of everything its pages show as Astro renders them. A
 * document partition's is its documents, their items (without their links to other documents,
 * filled in after Astro), its share of departments and indicators. The aggregate
 * partition's is the whole ingest output and public/.
 */
export async function partitionKey(root: string, p: Partition | undefined): Promise<string> {
  const generated = path.join(root, 'content', 'generated');
  const hash = createHash('sha256');
  await codeHash(root, hash);
  // Which documents, not the partition's number: a partition that keeps its documents when
  // the partition count changes keeps its key (scripts/build.ts then moves its output).
  hash.update(`partition\0${JSON.stringify(p === undefined ? 'site' : (p.docs ?? 'aggregate'))}\0`);
  if (p?.docs) {
    // Its own items without what other documents change (links, topic): the pages show those only
    // once filled in after Astro (src/lib/item-links.ts), so the partition's Astro output does
    // not depend on other documents' items.
    const all: Entry[] = [];
    for (const doc of p.docs) {
      const entries = JSON.parse(await readFile(path.join(generated, 'items', `${doc}.json`), 'utf8').catch(() => '[]')) as Entry[];
      all.push(...entries);
      hash.update(`items/${doc}.json\0${JSON.stringify(entries.map(ownPart))}\0`);
    }
    for (const doc of p.docs) hash.update(`documents/${doc}\0`).update(await readFile(path.join(generated, 'documents', `${doc}.mdx`)).catch(() => Buffer.from('missing'))).update('\0');
    const json = async (name: string) => JSON.parse(await readFile(path.join(generated, name, `${name}.json`), 'utf8').catch(() => '[]')) as Record<string, unknown>[];
    hash.update(`departments\0${JSON.stringify(departmentsShown(all, await json('departments')))}\0`);
    hash.update(`indicators\0${JSON.stringify(indicatorsShown(all, await json('indicators')))}\0`);
  } else {
    for (const dir of ['content/generated', 'public']) {
      for (const f of filesUnder(path.join(root, dir))) hash.update(`${dir}/${f}\0`).update(await readFile(path.join(root, dir, f))).update('\0');
    }
  }
  return hash.digest('hex');
}


/** The hash of the site's code and settings (codeHash), once per build for every document's key. */
export async function codeKey(root: string): Promise<string> {
  const hash = createHash('sha256');
  await codeHash(root, hash);
  return hash.digest('hex');
}

type Entry = Record<string, unknown> & { id: string; leadDepartments?: readonly string[]; partnerDepartments?: readonly string[] };
type Department = { id: string; lead: string[]; partner: string[]; names: { name: string }[] };

/**
 * What a group of documents' pages show of the departments: which department page each name
 * their items print links to (DepartmentLinks, DepartmentMatrix look it up by printed name in
 * the departments their measures name, src/lib/departments.ts), and their measures' roles. Not
 * the departments' other cities and printed forms, which every new document changes.
 */
export function departmentsShown(entries: readonly Entry[], departments: readonly Record<string, unknown>[]): unknown {
  const ids = new Set(entries.map((e) => e.id));
  // departmentIndex's order (src/lib/departments.ts): a later entry wins a printed name.
  const count = (d: Department) => d.lead.length + d.partner.length;
  const projected = projectDepartments(departments as unknown as Department[], ids).sort(
    (a, b) => count(b) - count(a) || b.lead.length - a.lead.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const byPrinted = new Map<string, string>();
  for (const d of projected) for (const n of d.names) byPrinted.set(n.name, d.id);
  const printed = [...new Set(entries.flatMap((e) => [...(e.leadDepartments ?? []), ...(e.partnerDepartments ?? [])].map((n) => n.trim())))].sort();
  return [printed.map((n) => [n, byPrinted.get(n) ?? null]), projected.map((d) => [d.id, d.lead, d.partner])];
}

/**
 * What a group of documents' pages show of the indicators: the targets their items state, with
 * each indicator's name and units (ItemTargets). Not the indicator's cities, which every new
 * document stating it changes (they order the indicators list, not an item's targets).
 */
export function indicatorsShown(entries: readonly Entry[], indicators: readonly Record<string, unknown>[]): unknown {
  const ids = new Set(entries.map((e) => e.id));
  return projectIndicators(indicators as never[], ids).map((i) => {
    const { cities: _cities, ...rest } = i as Record<string, unknown>;
    return rest;
  });
}

/**
 * The key of one document's pages as Astro renders them (scripts/lib/build/store.ts): the code,
 * the document's MDX, its item entries without what other documents change (related items,
 * addressed measures, the topic: filled in after Astro, src/lib/item-links.ts), and what its
 * pages show of departments and indicators. Another document arriving changes none of these
 * unless it changes this document's own entries.
 */
export function documentKey(code: string, doc: string, entries: readonly Entry[], mdx: Buffer | string, departments: readonly Record<string, unknown>[], indicators: readonly Record<string, unknown>[]): string {
  const hash = createHash('sha256').update(`${code}\0document\0${doc}\0`);
  hash.update(JSON.stringify(entries.map(ownPart))).update('\0');
  hash.update(mdx).update('\0');
  hash.update(JSON.stringify(departmentsShown(entries, departments))).update('\0');
  hash.update(JSON.stringify(indicatorsShown(entries, indicators)));
  return hash.digest('hex');
}
