import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedEntries } from '../../scripts/lib/publish/emit/index.ts';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';
import { itemTitle } from './display.ts';
import { itemName } from './item-name.ts';
import { readSummaries, SUMMARY_FIELDS, type ItemSummary } from './item-summaries.ts';
import type { ItemEntry } from './schemas.ts';

// The seeds' item files exactly as the ingest writes them into content/generated/items/.
let dir: string;
let entries: ItemEntry[];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kb-summaries-'));
  entries = [];
  for (const [file, text] of generatedEntries(seedKb())) {
    if (!file.startsWith('items/')) continue;
    writeFileSync(path.join(dir, path.basename(file)), text);
    entries.push(...(JSON.parse(text) as ItemEntry[]));
  }
});

describe('item summaries for the aggregate pages', () => {
  it('one per item of the seeds, with the fields those pages read, named and titled as the whole item is', async () => {
    const summaries = await readSummaries(dir, new Set());
    expect(summaries.map((s) => s.id).sort()).toEqual(entries.map((e) => e.id).sort());
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const s of summaries) {
      const whole = byId.get(s.id)!;
      expect(Object.keys(s).sort()).toEqual([...SUMMARY_FIELDS].sort());
      for (const f of SUMMARY_FIELDS) if (f !== 'text') expect(s[f]).toEqual(whole[f]);
      expect(itemTitle(s)).toBe(itemTitle(whole));
      expect(itemName(s)).toBe(itemName(whole));
    }
  });

  it('keeps a text only where an aggregate page shows it: topic members, domains that list full texts, untitled items', async () => {
    const none = new Map((await readSummaries(dir, new Set())).map((s) => [s.id, s] as const));
    const members = entries.filter((e) => e.topic !== null);
    const others = entries.filter((e) => e.topic === null && e.title.trim() !== '');
    expect(members.length).toBeGreaterThan(100);
    expect(others.length).toBeGreaterThan(20);
    for (const e of members) expect(none.get(e.id)!.text).toBe(e.text);
    for (const e of others) expect(none.get(e.id)!.text).toBe('');
    // A domain whose page lists every item's full text keeps its items' texts.
    const domain = others.find((e) => e.domain !== null)!.domain!;
    const some = new Map((await readSummaries(dir, new Set([domain]))).map((s) => [s.id, s] as const));
    for (const e of others) expect(some.get(e.id)!.text).toBe(e.domain === domain ? e.text : '');
    // An untitled item is named by the start of its text.
    const untitled = { ...others[0]!, id: 'untitled-1', title: '  ' };
    const extra = path.join(dir, '..', `${path.basename(dir)}-untitled`);
    mkdirSync(extra, { recursive: true });
    writeFileSync(path.join(extra, 'x.json'), JSON.stringify([untitled]));
    const [s] = (await readSummaries(extra, new Set())) as [ItemSummary];
    expect(s.text).toBe(untitled.text);
    expect(itemTitle(s)).toBe(itemTitle(untitled));
  });

  it('names the file and the entry when an item file is malformed', async () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'kb-summaries-bad-'));
    writeFileSync(path.join(bad, '001_x.json'), JSON.stringify([{ ...entries[0]!, kind: 'nonsense' }]));
    await expect(readSummaries(bad, new Set())).rejects.toThrow(new RegExp(`001_x\\.json：条目 ${entries[0]!.id} 不合格式（kind: .*请重新运行 npm run ingest`));
    writeFileSync(path.join(bad, '001_x.json'), '{"id":"a"}');
    await expect(readSummaries(bad, new Set())).rejects.toThrow(/001_x\.json：应为条目数组/);
  });
});
