import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from './pipeline.ts';
import { markRepeats } from './repeats.ts';
import { SEED, SEEDS_DIR } from './testing/seeds.ts';
import type { Item } from './types.ts';

const item = (id: string, text: string): Item => ({
  id,
  docId: 'd',
  kind: 'speech',
  population: null,
  domain: null,
  domainSource: null,
  number: '',
  title: text.slice(0, 4),
  text,
  section: [],
  leadDepartments: [],
  partnerDepartments: [],
  blockStart: 0,
  blockEnd: 0,
  textStart: 0,
});

describe('markRepeats', () => {
  it('points a repeated text at its first occurrence, ignoring whitespace, and leaves the rest alone', () => {
    const items = [item('a', '强化组织领导。要健全机制。'), item('b', '强化资金保障。'), item('c', '强化组织领导。\n要健全机制。')];
    expect(markRepeats(items).map((i) => i.repeats)).toEqual([undefined, undefined, 'a']);
    expect(markRepeats(items)[1]).toBe(items[1]);
  });

  it('finds the speeches the 2023 compilation (004) prints twice', () => {
    const doc = ingestDocument(SEED.speeches, readFileSync(path.join(SEEDS_DIR, SEED.speeches)));
    const repeats = doc.items.filter((i) => i.repeats);
    expect(repeats.length).toBeGreaterThan(0);
    const byId = new Map(doc.items.map((i) => [i.id, i]));
    for (const r of repeats) {
      const original = byId.get(r.repeats!)!;
      expect(original.repeats).toBeUndefined();
      expect(original.blockStart).toBeLessThan(r.blockStart);
      expect(original.text.replace(/\s+/g, '')).toBe(r.text.replace(/\s+/g, ''));
    }
    // 篇三 reprints 篇一: its 强化组织领导 is a repeat.
    expect(repeats.some((r) => r.title === '强化组织领导')).toBe(true);
  });
});
