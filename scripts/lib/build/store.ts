/**
 * The per-document render cache of `npm run build` (scripts/build.ts, docs/scale.md,
 * "Rebuilding what changed"). Astro's output is kept per document (its item pages, its document
 * page, its source file) and for the aggregate pages, each with the key of what Astro rendered
 * it from; item pages are kept a second time with their links filled in (fill.ts). dist/ is
 * assembled from the store with hard links, so a rebuild renders only the documents whose key
 * changed (and the aggregate pages) and rewrites only the item pages whose links changed.
 *
 * The store is never written through: every file in it is replaced by a rename, so the hard
 * links of an earlier dist/ keep their old content and a file in the store is never half-written.
 *
 *   <build>/store/<doc>/render.json    { key, urls }: the key and the doc's sitemap entries
 *   <build>/store/<doc>/rendered/…     Astro's files, relative to dist/
 *   <build>/store/<doc>/filled/<id>.html, filled.json { key, pages: { id: fragment hash } }
 *   <build>/store-aggregate/           the same for every other file of the site
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ownedByDocuments } from '../../../src/lib/partition.ts';
import { fillPage, fragmentHash, linksFragment } from './fill.ts';
import { filesUnder } from './walk.ts';
import { sitemapFiles } from './sitemap.ts';
import { assembleTree, type AssembleResult, type Source } from './assemble.ts';
import { isSearchOutput } from '../search-outputs.ts';
import type { LinkedItem, LinkingItem } from '../../../src/lib/item-links.ts';

export const AGGREGATE = Symbol('aggregate');
type Owner = string | typeof AGGREGATE;

interface RenderRecord {
  key: string;
  urls: string[];
  /** The files under rendered/ (sorted), so that assembling need not walk them. */
  files?: string[];
  /** The aggregate record's: a sitemap file's text before its first entry. */
  sitemapHead?: string;
}

export class DocumentStore {
  readonly docsDir: string;
  readonly aggregateDir: string;
  private readonly docOfItem = new Map<string, string>();
  private readonly docIds: Set<string>;

  constructor(
    buildDir: string,
    readonly docs: readonly { doc: string; entries: readonly (LinkingItem & { id: string })[] }[],
  ) {
    this.docsDir = path.join(buildDir, 'store');
    this.aggregateDir = path.join(buildDir, 'store-aggregate');
    this.docIds = new Set(docs.map((d) => d.doc));
    for (const d of docs) for (const i of d.entries) this.docOfItem.set(i.id, d.doc);
  }

  private dirOf(owner: Owner): string {
    return owner === AGGREGATE ? this.aggregateDir : path.join(this.docsDir, owner);
  }

  /** Which document (or the aggregate pages) a file of Astro's output belongs to. */
  ownerOf(file: string): Owner {
    if (!ownedByDocuments(file)) return AGGREGATE;
    const [section, name] = file.split('/');
    const doc =
      section === 'items' ? this.docOfItem.get(name!) : section === 'documents' ? name : name!.includes('.') ? name!.slice(0, name!.lastIndexOf('.')) : name;
    if (doc === undefined || !this.docIds.has(doc)) throw new Error(`构建：无法判断 ${file} 属于哪份文档（content/generated/items/ 中没有它）。请重新运行 npm run ingest 后再构建。`);
    return doc;
  }

  /** The key Astro last rendered `owner`'s files with, if they are all there. */
  async renderedKey(owner: Owner): Promise<string | undefined> {
    const file = path.join(this.dirOf(owner), 'render.json');
    return existsSync(file) ? ((JSON.parse(await readFile(file, 'utf8')) as RenderRecord).key) : undefined;
  }

  /**
   * Take the files of the owners in `take` from Astro's output in `out` (moved, not copied),
   * with their sitemap entries; every other file there is left alone.
   */
  async takeFrom(out: string, take: (owner: Owner) => string | undefined): Promise<void> {
    const files = new Map<Owner, string[]>();
    const urls = new Map<Owner, string[]>();
    let sitemapHead = '';
    for (const f of filesUnder(out)) {
      if (/^sitemap-\d+\.xml$/.test(f)) {
        const xml = await readFile(path.join(out, f), 'utf8');
        sitemapHead ||= xml.slice(0, xml.indexOf('<url>'));
        for (const u of xml.match(/<url>[\s\S]*?<\/url>/g) ?? []) {
          const owner = this.ownerOf(`${new URL(/<loc>([^<]*)<\/loc>/.exec(u)![1]!).pathname.slice(1)}index.html`);
          if (take(owner) !== undefined) urls.set(owner, [...(urls.get(owner) ?? []), u]);
        }
        continue;
      }
      if (f === 'sitemap-index.xml') continue;
      const owner = this.ownerOf(f);
      if (take(owner) === undefined) continue;
      if (!files.has(owner)) files.set(owner, []);
      files.get(owner)!.push(f);
    }
    for (const [owner, list] of files) {
      const dir = this.dirOf(owner);
      // Set aside and removed: the old files' hard links in an earlier dist/ keep their content.
      await rm(path.join(dir, 'render.json'), { force: true });
      await rm(path.join(dir, 'rendered'), { recursive: true, force: true });
      for (const f of list) {
        await mkdir(path.dirname(path.join(dir, 'rendered', f)), { recursive: true });
        await rename(path.join(out, f), path.join(dir, 'rendered', f));
      }
      const record: RenderRecord = { key: take(owner)!, urls: urls.get(owner) ?? [], files: list.sort(), ...(owner === AGGREGATE && { sitemapHead }) };
      await writeFile(path.join(dir, 'render.json'), `${JSON.stringify(record)}\n`);
    }
  }

  /** Documents in the store that the corpus no longer has: removed. */
  async dropOthers(): Promise<void> {
    for (const d of existsSync(this.docsDir) ? await readdir(this.docsDir) : []) {
      if (!this.docIds.has(d)) await rm(path.join(this.docsDir, d), { recursive: true, force: true });
    }
  }

  /**
   * Fill each document's item pages with their links; only pages whose Astro render or links
   * changed are written again. Returns how many were written.
   */
  async fill(named: ReadonlyMap<string, LinkedItem>): Promise<number> {
    let written = 0;
    for (const { doc, entries } of this.docs) {
      const dir = this.dirOf(doc);
      const key = (await this.renderedKey(doc))!;
      const manifestFile = path.join(dir, 'filled.json');
      const before = existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, 'utf8')) as { key: string; pages: Record<string, string> }) : undefined;
      const pages: Record<string, string> = {};
      await mkdir(path.join(dir, 'filled'), { recursive: true });
      for (const item of entries) {
        const fragment = linksFragment(item, named);
        const hash = fragmentHash(fragment);
        pages[item.id] = hash;
        const target = path.join(dir, 'filled', `${item.id}.html`);
        if (before?.key === key && before.pages[item.id] === hash && existsSync(target)) continue;
        const page = `items/${item.id}/index.html`;
        const html = await readFile(path.join(dir, 'rendered', page), 'utf8');
        await writeFile(`${target}.tmp`, fillPage(html, fragment, page));
        await rename(`${target}.tmp`, target);
        written++;
      }
      await writeFile(path.join(dir, 'filled.json'), `${JSON.stringify({ key, pages })}\n`);
    }
    return written;
  }

  /**
   * dist/ from the store (scripts/lib/build/assemble.ts: written whole the first time, updated in
   * place after): hard links to the rendered and filled files, one sitemap of every page in
   * Astro's order. Files that the search index step rewrites in place (the search page, …) are
   * copies, so it never writes into the store.
   */
  async assemble(target: string): Promise<AssembleResult> {
    const files = new Map<string, Source>();
    const add = (f: string, source: Source) => {
      if (files.has(f)) throw new Error(`构建：dist/${f} 由两处写出。请删除 .kb-build/ 后重新运行 npm run build。`);
      files.set(f, source);
    };
    const urls: string[] = [];
    const recordOf = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'render.json'), 'utf8')) as RenderRecord;
    // A store written before render.json listed its files is walked once, and the list kept.
    const filesOf = async (dir: string, record: RenderRecord) => {
      if (record.files) return record.files;
      const list = filesUnder(path.join(dir, 'rendered'));
      await writeFile(path.join(dir, 'render.json.tmp'), `${JSON.stringify({ ...record, files: list })}\n`);
      await rename(path.join(dir, 'render.json.tmp'), path.join(dir, 'render.json'));
      return list;
    };
    for (const { doc, entries } of this.docs) {
      const dir = this.dirOf(doc);
      const record = await recordOf(dir);
      const items = new Set(entries.map((i) => `items/${i.id}/index.html`));
      for (const f of await filesOf(dir, record)) {
        add(f, { link: items.has(f) ? path.join(dir, 'filled', `${f.split('/')[1]}.html`) : path.join(dir, 'rendered', f) });
      }
      urls.push(...record.urls);
    }
    const aggregate = await recordOf(this.aggregateDir);
    for (const f of await filesOf(this.aggregateDir, aggregate)) {
      // The open data is most of the bytes; the rest (about a thousand pages) is copied.
      const from = path.join(this.aggregateDir, 'rendered', f);
      add(f, f.startsWith('data/') || f.startsWith('_astro/') ? { link: from } : { copy: from });
    }
    urls.push(...aggregate.urls);
    for (const [name, text] of sitemapFiles(aggregate.sitemapHead ?? '', urls)) add(name, { text });
    // The search index step updates its own files (its bundles in place, from its cache).
    return assembleTree(target, files, { keep: isSearchOutput, record: path.join(path.dirname(this.docsDir), 'dist-files.json') });
  }
}
