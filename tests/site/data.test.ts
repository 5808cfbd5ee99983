/** Open-data exports in dist/data: present, with the documented keys, CSV with BOM. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DIST, loadKb } from '../support/kb.ts';
import { parseStrictCsv } from '../../scripts/lib/testing/strict-csv.ts';

// The field lists the issues specify (the contract, plus `repeats` for reprinted passages), not read from the emitter.
const FIELDS: Record<string, string[]> = {
  documents: ['id', 'title', 'city', 'province', 'level', 'kind', 'date', 'docNumber', 'source', 'sha256', 'url', 'itemCount'],
  items: ['id', 'docId', 'city', 'population', 'domain', 'kind', 'number', 'title', 'text', 'leadDepartments', 'partnerDepartments', 'repeats', 'otherDomains', 'addresses', 'url'],
  links: ['source', 'target', 'score', 'sharedTerms'],
  topics: ['id', 'title', 'domain', 'items'],
};

describe('dist/data exports', () => {
  for (const [name, fields] of Object.entries(FIELDS)) {
    it(`${name}.json and ${name}.csv exist with the right keys`, async () => {
      const json = `${DIST}/data/${name}.json`;
      const csv = `${DIST}/data/${name}.csv`;
      expect(existsSync(json) && existsSync(csv)).toBe(true);
      const rows = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>[];
      for (const r of rows) expect(Object.keys(r)).toEqual(fields);
      const text = readFileSync(csv, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.slice(1).split(/\r?\n/)[0]).toBe(fields.join(','));
      const kb = await loadKb();
      const expected = { documents: kb.documents.length, items: kb.documents.reduce((n, d) => n + d.items.length, 0), links: kb.links.length, topics: kb.topics.length }[name];
      expect(rows.length).toBe(expected);
    });
  }

  for (const name of Object.keys(FIELDS)) {
    it(`${name}.csv parses, with a real CSV parser, to exactly the rows of ${name}.json`, () => {
      const rows = JSON.parse(readFileSync(`${DIST}/data/${name}.json`, 'utf8')) as Record<string, unknown>[];
      const records = parse(readFileSync(`${DIST}/data/${name}.csv`), { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
      expect(records).toHaveLength(rows.length);
      // CSV cells are text: arrays joined with ；, null as an empty cell, numbers as written.
      const cell = (v: unknown) => (v === null ? '' : Array.isArray(v) ? v.join('；') : String(v));
      records.forEach((r, k) => expect(r).toEqual(Object.fromEntries(Object.entries(rows[k]!).map(([key, v]) => [key, cell(v)]))));
    });
  }

  it('every CSV in dist/data reads strictly (RFC 4180: CRLF ends a record, a bare line break only inside quotes), a record per JSON row, every record whole', () => {
    const csvs = readdirSync(`${DIST}/data`).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThanOrEqual(Object.keys(FIELDS).length);
    for (const f of csvs) {
      const records = parseStrictCsv(readFileSync(`${DIST}/data/${f}`, 'utf8'));
      const rows = JSON.parse(readFileSync(`${DIST}/data/${f.replace(/\.csv$/, '.json')}`, 'utf8')) as unknown[];
      expect(records.length - 1, f).toBe(rows.length);
    }
  });

  it('the data page links every file', () => {
    const html = readFileSync(`${DIST}/data/index.html`, 'utf8');
    for (const name of Object.keys(FIELDS)) {
      expect(html).toContain(`href="/data/${name}.json"`);
      expect(html).toContain(`href="/data/${name}.csv"`);
    }
    // The other files: the editor's report and an example compare file, each one that exists.
    const others = [...html.matchAll(/href="(\/data\/(?:ingest-report|compare\/[^"]+)\.json)"/g)].map((m) => m[1]!);
    expect(others).toContain('/data/ingest-report.json');
    expect(others.some((h) => h.startsWith('/data/compare/'))).toBe(true);
    for (const href of others) expect(existsSync(`${DIST}${href}`), href).toBe(true);
  });

  it('the English glosses the search reads (a CC-CEDICT derivative) are linked from the data page with their source and licence', () => {
    const html = readFileSync(`${DIST}/data/index.html`, 'utf8');
    expect(html).toContain('href="/search-english.json"');
    expect(html).toMatch(/CC-CEDICT[\s\S]*CC BY-SA 4\.0/);
    const english = JSON.parse(readFileSync(`${DIST}/search-english.json`, 'utf8')) as { source: string };
    expect(english.source).toMatch(/CC-CEDICT/);
    expect(english.source).toMatch(/CC BY-SA 4\.0/);
  });
});
