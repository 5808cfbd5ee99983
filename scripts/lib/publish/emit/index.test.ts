import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// js-yaml is the parser Astro reads frontmatter with.
import yaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { DOMAINS } from '../../understand/domains.ts';
import { fixtureKb } from '../../testing/fixture.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { compareFiles } from './compare.ts';
import { dataFiles } from './data.ts';
import { generatedEntries, writeGenerated } from './index.ts';

const fm = (mdx: string) => yaml.load(mdx.match(/^---\n([\s\S]*?)\n---\n/)![1]!) as Record<string, any>;

async function listAll(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...(await listAll(join(dir, e.name), rel + '/')));
    else out.push(rel);
  }
  return out.sort();
}

describe('generated entries', () => {
  const entries = generatedEntries(fixtureKb());

  const json = (path: string) => JSON.parse(entries.get(path)!) as Record<string, any>[];
  const item = (docId: string, id: string) => json(`items/${docId}.json`).find((i) => i.id === id)!;

  it('has one entry per document, item, canonical domain (even empty), city and topic', () => {
    const by = (c: string) => [...entries.keys()].filter((k) => k.startsWith(`${c}/`));
    expect(by('documents')).toHaveLength(3);
    // Items are data entries: one JSON array per document, in reading order.
    expect(by('items')).toEqual(['items/da_003.json', 'items/fx_001.json', 'items/zz_bad.json']);
    expect(by('items').flatMap((f) => json(f))).toHaveLength(6);
    expect(json('items/fx_001.json').map((i) => i.order)).toEqual([0, 1, 2]);
    expect(by('domains')).toHaveLength(15);
    expect(json('cities/cities.json').map((c) => c.id)).toEqual(['da-an-shi', 'fu-xin-shi', 'unknown']);
    expect(json('topics/topics.json')).toHaveLength(1);
    expect(entries.has(`domains/${DOMAINS[0]!.slug}.mdx`)).toBe(true);
    expect(fm(entries.get('domains/children-law.mdx')!)).toMatchObject({ name: '儿童与法律保护', itemCount: 0, cities: [], topics: [] });
    expect(fm(entries.get('domains/women-health.mdx')!).topics).toEqual(['women-health-t1']);
  });

  it('item pages see links from both ends, and their topic', () => {
    const a = item('fx_001', 'fx_001-women-health-m4');
    const b = item('da_003', 'da_003-women-health-m4');
    expect(a.related.map((r: any) => [r.id, r.score])).toEqual([['da_003-women-health-m4', 0.82]]);
    expect(b.related.map((r: any) => [r.id, r.score])).toEqual([['fx_001-women-health-m4', 0.82]]);
    expect(b.related[0].sharedTerms).toEqual(['孕产妇', '母婴安全']);
    expect(a.topic).toEqual({ id: 'women-health-t1', title: '加强母婴安全保障' });
    expect(item('fx_001', 'fx_001-women-law-m3').related).toEqual([]);
  });

  it('documents without a city fall under 未知地区, and hostile titles stay data', () => {
    const d = fm(entries.get('documents/zz_bad.mdx')!);
    expect(d).toMatchObject({ title: '<script>alert(1)</script> {x}', city: null, cityName: '未知地区', citySlug: 'unknown' });
    expect(entries.get('documents/zz_bad.mdx')).not.toMatch(/^(export|import) /m);
  });

  it('the document body anchors every item', () => {
    const body = entries.get('documents/fx_001.mdx')!;
    for (const id of ['fx_001-women-health-g2', 'fx_001-women-health-m4', 'fx_001-women-law-m3']) expect(body).toContain(`<Item id="${id}"`);
  });
});

const GENERATED_KEEP = ['documents', 'items', 'domains', 'cities', 'topics', 'departments', 'indicators', 'report'].map((c) => `${c}/.keep`);

describe('writeGenerated', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('writes content/generated and public/data, replacing old output atomically and deterministically', async () => {
    root = await mkdtemp(join(tmpdir(), 'kb-emit-'));
    await mkdir(join(root, 'content/generated/items'), { recursive: true });
    await writeFile(join(root, 'content/generated/items/stale.json'), '[]');
    const { files } = await writeGenerated(fixtureKb(), root);
    const first = await listAll(join(root, 'content/generated'));
    expect(first).not.toContain('items/stale.json');
    // 3 documents + 15 domains as MDX; items (one file per document), cities, topics, departments, indicators, the editor's report as JSON.
    expect(first.filter((f) => f.endsWith('.mdx'))).toHaveLength(18);
    expect(first.filter((f) => f.endsWith('.json'))).toHaveLength(8);
    // Open data: 6 exports as JSON and CSV, ingest-report.json, and the compare page's data of the plan and the task list.
    expect(files).toBe(18 + 8 + 13 + 2);
    expect(await listAll(join(root, 'public/data'))).toHaveLength(15);
    expect((await listAll(join(root, 'public/data'))).filter((f) => f.startsWith('compare/'))).toEqual(['compare/da_003.json', 'compare/fx_001.json']);
    const snapshot = await Promise.all(first.map((f) => readFile(join(root, 'content/generated', f), 'utf8')));

    const again = fixtureKb();
    again.documents.reverse();
    await writeGenerated(again, root);
    const second = await listAll(join(root, 'content/generated'));
    expect(second).toEqual(first);
    expect(await Promise.all(second.map((f) => readFile(join(root, 'content/generated', f), 'utf8')))).toEqual(snapshot);
    // No staging dirs left behind.
    expect((await readdir(join(root, 'content'))).sort()).toEqual(['generated']);
  });

  it('writes, file by file, exactly the text of every entry and data file built whole (the seeds)', async () => {
    root = await mkdtemp(join(tmpdir(), 'kb-emit-'));
    const kb = seedKb();
    const { files } = await writeGenerated(kb, root);
    const entries = generatedEntries(kb);
    const data = new Map([...dataFiles(kb), ...compareFiles(kb)]);
    expect(files).toBe(entries.size + data.size);
    expect(await listAll(join(root, 'content/generated'))).toEqual([...[...entries.keys()], ...GENERATED_KEEP].sort());
    expect(await listAll(join(root, 'public/data'))).toEqual([...data.keys()].sort());
    for (const [path, text] of entries) expect(await readFile(join(root, 'content/generated', path), 'utf8'), path).toBe(text);
    for (const [path, text] of data) expect(await readFile(join(root, 'public/data', path), 'utf8'), path).toBe(text);
  }, 60_000);

  it('leaves the previous output untouched when emitting fails', async () => {
    root = await mkdtemp(join(tmpdir(), 'kb-emit-'));
    await writeGenerated(fixtureKb(), root);
    const before = await listAll(join(root, 'content/generated'));
    const broken = fixtureKb();
    (broken.documents[0] as any).blocks = null; // emitting this document throws
    await expect(writeGenerated(broken, root)).rejects.toThrow();
    expect(await listAll(join(root, 'content/generated'))).toEqual(before);
    expect(existsSync(join(root, 'public/data/items.json'))).toBe(true);
    expect((await readdir(join(root, 'content'))).sort()).toEqual(['generated']);
  });
});
