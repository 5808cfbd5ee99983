import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache } from './cache.ts';
import { buildKnowledgeBase } from './pipeline.ts';
import { SEEDS_DIR } from './testing/seeds.ts';
import { seedKb } from './testing/seed-kb.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('ParseCache', () => {
  it('keys on the file name, its bytes and its sidecar', () => {
    const cache = new ParseCache(mkdtempSync(path.join(tmpdir(), 'kb-cache-')));
    const key = cache.key('a.txt', bytes('正文'), undefined);
    expect(cache.key('a.txt', bytes('正文'), undefined)).toBe(key);
    expect(cache.key('b.txt', bytes('正文'), undefined)).not.toBe(key);
    expect(cache.key('a.txt', bytes('正文。'), undefined)).not.toBe(key);
    expect(cache.key('a.txt', bytes('正文'), '{"city":"鞍山市"}')).not.toBe(key);
  });

  it('treats an unreadable entry as a miss', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-cache-'));
    const cache = new ParseCache(dir);
    writeFileSync(path.join(dir, 'k.json'), '{"doc": {"items": [');
    expect(cache.get('k')).toBeUndefined();
    expect(cache.misses).toBe(1);
  });

  it('gives the same knowledge base as a build from scratch, reading every seed from the cache the second time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-cache-'));
    const cold = new ParseCache(dir);
    await buildKnowledgeBase(SEEDS_DIR, { cache: cold });
    expect(cold.hits).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(cold.misses);
    const warm = new ParseCache(dir);
    const { kb } = await buildKnowledgeBase(SEEDS_DIR, { cache: warm });
    expect([warm.hits, warm.misses]).toEqual([cold.misses, 0]);
    expect(JSON.stringify(kb)).toBe(JSON.stringify(seedKb()));
  }, 60_000);
});
