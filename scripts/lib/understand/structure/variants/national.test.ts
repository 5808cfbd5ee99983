/**
 * The national excerpts among the real seeds: the whole knowledge base is built (classify,
 * link, emit entries), to see that a national document is placed at 全国, links to the cities
 * whose plans reword its measures, and that a list without a domain heading gets its domain
 * from classification.
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cityEntry, citySlug, documentEntry } from '../../../publish/emit/entries.ts';
import { generatedEntries } from '../../../publish/emit/index.ts';
import { buildKnowledgeBase } from '../../../pipeline.ts';
import { SEEDS_DIR, seedNames } from '../../../testing/seeds.ts';
import type { KbDocument, KnowledgeBase } from '../../../types.ts';

const FIXTURES = fileURLToPath(new URL('fixtures/', import.meta.url));
const NATIONAL = ['national-excerpt.txt', 'national-excerpt-no-domain.txt'];

describe('national excerpts in a knowledge base with the seeds', () => {
  let kb: KnowledgeBase;
  let welfare: KbDocument;
  let noDomain: KbDocument;
  let docOf: Map<string, KbDocument>;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-national-'));
    for (const name of seedNames()) await copyFile(path.join(SEEDS_DIR, name), path.join(dir, name));
    for (const name of NATIONAL) await copyFile(path.join(FIXTURES, name), path.join(dir, name));
    ({ kb } = await buildKnowledgeBase(dir));
    welfare = kb.documents.find((d) => d.source === 'national-excerpt.txt')!;
    noDomain = kb.documents.find((d) => d.source === 'national-excerpt-no-domain.txt')!;
    docOf = new Map(kb.documents.flatMap((d) => d.items.map((i) => [i.id, d] as const)));
  }, 120_000); // a whole build: generous on a loaded machine

  it('links the excerpt’s measures to the 阜新 measures they reword, in the same domain', () => {
    const linked = kb.links.filter((l) => welfare.items.some((i) => i.id === l.source));
    const targets = linked.map((l) => docOf.get(l.target)!);
    expect(targets.some((d) => d.city === '阜新市')).toBe(true);
    for (const l of linked) expect(docOf.get(l.target)!.city).not.toBe('全国');
    // Measure 9 of the excerpt is 阜新's 儿童与福利 measure 9 with 全市 → 全国.
    const m9 = welfare.items.find((i) => i.number === '9')!;
    const fuxin = kb.links.filter((l) => l.source === m9.id).map((l) => kb.documents.flatMap((d) => d.items).find((i) => i.id === l.target)!);
    expect(fuxin.some((i) => i.domain === '儿童与福利' && i.number === '9')).toBe(true);
  });

  it('classifies the items of a list without a domain heading', () => {
    expect(noDomain.items.length).toBe(3);
    for (const item of noDomain.items) {
      expect(item.domainSource, item.id).toBe('classified');
      expect(item.population).toBe('妇女');
    }
    // They are 阜新's 妇女与健康 measures 3–5.
    expect(noDomain.items.filter((i) => i.domain === '妇女与健康').length).toBeGreaterThanOrEqual(2);
  });

  it('shows both excerpts under one place, 全国 (国家级), with a page and working links', () => {
    for (const doc of [welfare, noDomain]) {
      expect(documentEntry(doc)).toMatchObject({ city: '全国', cityName: '全国', citySlug: citySlug('全国'), level: 'national', province: null });
    }
    const city = cityEntry(citySlug('全国'), [welfare, noDomain]);
    expect(city).toMatchObject({ name: '全国', known: true, level: 'national', documents: [welfare.id, noDomain.id] });
    // The cities collection the pages are built from has it once, under the slug its documents link to.
    const cities = JSON.parse(generatedEntries(kb).get('cities/cities.json')!) as { name: string; citySlug: string; level: string }[];
    expect(cities.filter((c) => c.name === '全国')).toEqual([expect.objectContaining({ citySlug: citySlug('全国'), level: 'national' })]);
  });
});
