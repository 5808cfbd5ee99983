/**
 * Writes the knowledge base as Astro content-collection entries (content/generated/) and
 * open-data files (public/data/). Atomic: everything is staged in a temp sibling dir and
 * swapped in by rename, so a failed ingest never leaves half-written output. Deterministic:
 * the same KnowledgeBase gives byte-identical files.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DOMAINS, domainByName } from '../domains.ts';
import { slugify } from '../ids.ts';
import type { Item, KbDocument, KnowledgeBase } from '../types.ts';
import { dataFiles } from './data.ts';
import { documentBody, mdxFile, paragraphs } from './mdx.ts';

/** Name and slug shown for documents whose place the text does not state. */
export const UNKNOWN_CITY = { name: '未知地区', slug: 'unknown' } as const;

export const cityName = (city: string | null) => city ?? UNKNOWN_CITY.name;
export const citySlug = (city: string | null) => (city ? slugify(city) : UNKNOWN_CITY.slug);
const fileSafe = (id: string) => (/^[A-Za-z0-9_-]+$/.test(id) ? id : slugify(id));
const domainSlug = (name: string | null) => (name ? (domainByName(name)?.slug ?? null) : null);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Relative path (under content/generated/) → MDX text, for every collection entry. */
export function generatedEntries(kb: KnowledgeBase): Map<string, string> {
  const files = new Map<string, string>();
  const docs = [...kb.documents].sort((a, b) => cmp(a.id, b.id));
  const itemInfo = new Map<string, { item: Item; doc: KbDocument; order: number }>();
  for (const doc of docs) doc.items.forEach((item, order) => itemInfo.set(item.id, { item, doc, order }));

  const topicOf = new Map<string, { id: string; title: string }>();
  for (const t of [...kb.topics].sort((a, b) => cmp(a.id, b.id))) {
    for (const id of t.items) if (!topicOf.has(id)) topicOf.set(id, { id: fileSafe(t.id), title: t.title });
  }

  // Links are shown from both ends: an item lists every link where it is source or target.
  const related = new Map<string, { id: string; score: number; sharedTerms: string[] }[]>();
  const addRelated = (from: string, to: string, score: number, sharedTerms: string[]) => {
    if (!itemInfo.has(to) || !itemInfo.has(from)) return;
    const list = related.get(from) ?? [];
    const existing = list.find((r) => r.id === to);
    if (existing) {
      if (score > existing.score) Object.assign(existing, { score, sharedTerms });
    } else list.push({ id: to, score, sharedTerms });
    related.set(from, list);
  };
  for (const l of kb.links) {
    addRelated(l.source, l.target, l.score, l.sharedTerms);
    addRelated(l.target, l.source, l.score, l.sharedTerms);
  }

  for (const doc of docs) {
    files.set(
      `documents/${doc.id}.mdx`,
      mdxFile(
        {
          id: doc.id,
          title: doc.title,
          issuer: doc.issuer,
          city: doc.city,
          cityName: cityName(doc.city),
          citySlug: citySlug(doc.city),
          province: doc.province,
          level: doc.level,
          kind: doc.kind,
          date: doc.date,
          docNumber: doc.docNumber,
          populations: doc.populations,
          source: doc.source,
          sha256: doc.sha256,
          encoding: doc.encoding,
          overridden: doc.overridden,
          itemCount: doc.items.length,
          blockCount: doc.blocks.length,
          removedCount: doc.removed.length,
        },
        documentBody(doc),
      ),
    );
    for (const [order, item] of doc.items.entries()) {
      const rel = (related.get(item.id) ?? [])
        .sort((a, b) => b.score - a.score || cmp(a.id, b.id))
        .map((r) => {
          const o = itemInfo.get(r.id)!;
          return {
            id: r.id,
            docId: o.doc.id,
            city: cityName(o.doc.city),
            number: o.item.number,
            title: o.item.title,
            kind: o.item.kind,
            domain: o.item.domain,
            score: Math.round(r.score * 1000) / 1000,
            sharedTerms: r.sharedTerms,
          };
        });
      files.set(
        `items/${item.id}.mdx`,
        mdxFile(
          {
            id: item.id,
            docId: doc.id,
            docTitle: doc.title,
            docKind: doc.kind,
            city: doc.city,
            cityName: cityName(doc.city),
            citySlug: citySlug(doc.city),
            province: doc.province,
            order,
            kind: item.kind,
            population: item.population,
            domain: item.domain,
            domainSlug: domainSlug(item.domain),
            domainSource: item.domainSource,
            number: item.number,
            title: item.title,
            // Also in frontmatter so listing pages show it without rendering each MDX body.
            text: item.text,
            section: item.section,
            leadDepartments: item.leadDepartments,
            partnerDepartments: item.partnerDepartments,
            topic: topicOf.get(item.id) ?? null,
            related: rel,
            repeats: item.repeats ?? null,
          },
          paragraphs(item.text),
        ),
      );
    }
  }

  const allItems = docs.flatMap((d) => d.items);
  for (const d of DOMAINS) {
    const inDomain = allItems.filter((i) => i.domain === d.name);
    const cities = [...new Set(inDomain.map((i) => cityName(itemInfo.get(i.id)!.doc.city)))].sort(cmp);
    files.set(
      `domains/${d.slug}.mdx`,
      mdxFile({ name: d.name, domainSlug: d.slug, population: d.population, order: d.order, itemCount: inDomain.length, cities }, []),
    );
  }

  const byCity = new Map<string, KbDocument[]>();
  for (const doc of docs) byCity.set(citySlug(doc.city), [...(byCity.get(citySlug(doc.city)) ?? []), doc]);
  for (const [slug, cityDocs] of [...byCity].sort((a, b) => cmp(a[0], b[0]))) {
    const first = cityDocs[0]!;
    files.set(
      `cities/${slug}.mdx`,
      mdxFile(
        {
          name: cityName(first.city),
          citySlug: slug,
          known: first.city !== null,
          province: cityDocs.find((d) => d.province)?.province ?? null,
          level: first.level,
          documents: cityDocs.map((d) => d.id),
          itemCount: cityDocs.reduce((n, d) => n + d.items.length, 0),
        },
        [],
      ),
    );
  }

  for (const t of [...kb.topics].sort((a, b) => cmp(a.id, b.id))) {
    const members = t.items.filter((id) => itemInfo.has(id));
    const cities = [...new Set(members.map((id) => cityName(itemInfo.get(id)!.doc.city)))].sort(cmp);
    files.set(
      `topics/${fileSafe(t.id)}.mdx`,
      mdxFile({ id: fileSafe(t.id), title: t.title, domain: t.domain, domainSlug: domainSlug(t.domain), items: members, cities }, []),
    );
  }
  return files;
}

async function writeTree(dir: string, files: Map<string, string>): Promise<void> {
  const dirs = new Set([...files.keys()].map((p) => dirname(join(dir, p))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  for (const [path, text] of files) await writeFile(join(dir, path), text);
}

/** Put `staged` at `target`, moving any previous version aside first and deleting it after. */
async function swapIn(staged: string, target: string, trash: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  if (existsSync(target)) await rename(target, trash);
  await rename(staged, target);
}

export async function writeGenerated(kb: KnowledgeBase, rootDir: string): Promise<{ files: number }> {
  const entries = generatedEntries(kb);
  const data = dataFiles(kb);
  // Every collection directory exists even when empty, so Astro's glob loaders find it.
  for (const c of ['documents', 'items', 'domains', 'cities', 'topics']) entries.set(`${c}/.keep`, '');

  // The staging dir is a sibling of content/generated (same filesystem → rename is atomic);
  // .gitignore covers content/.generated-*/.
  await mkdir(join(rootDir, 'content'), { recursive: true });
  const stage = await mkdtemp(join(rootDir, 'content', '.generated-'));
  try {
    await writeTree(join(stage, 'generated'), entries);
    await writeTree(join(stage, 'data'), data);
    await swapIn(join(stage, 'generated'), join(rootDir, 'content', 'generated'), join(stage, 'old-generated'));
    await swapIn(join(stage, 'data'), join(rootDir, 'public', 'data'), join(stage, 'old-data'));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return { files: entries.size - 5 + data.size };
}
