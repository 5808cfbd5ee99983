/** The editor's report: dist/data/ingest-report.json for every seed, and its summary on the about page. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentReport, ReportSummary } from '../../src/lib/ingest-report.ts';
import { ITEM_KINDS } from '../../src/lib/vocabulary.ts';
import { seedNames } from '../../scripts/lib/testing/seeds.ts';
import { DIST } from '../support/kb.ts';
import { at, kb, useSite } from '../support/site.ts';

useSite();

const report = () => JSON.parse(readFileSync(`${DIST}/data/ingest-report.json`, 'utf8')) as { summary: ReportSummary; documents: DocumentReport[] };

describe('dist/data/ingest-report.json', () => {
  it('reports all five seeds with what was recognised in each', () => {
    expect(existsSync(`${DIST}/data/ingest-report.json`)).toBe(true);
    const { summary, documents } = report();
    expect(documents.map((d) => d.source)).toEqual(seedNames());
    for (const d of documents) {
      const doc = kb.documents.find((x) => x.source === d.source)!;
      expect(d).toMatchObject({ id: doc.id, kind: doc.kind, level: doc.level, city: doc.city, items: doc.items.length, blocks: doc.blocks.length });
      expect(Object.values(d.itemsByKind).reduce((a, b) => a + b, 0)).toBe(d.items);
    }
    expect(summary.documents).toBe(5);
    expect(summary.items).toBe(kb.documents.reduce((n, d) => n + d.items.length, 0));
    expect(summary.warnings).toBe(documents.reduce((n, d) => n + d.warnings.length, 0));
    expect(documents.find((d) => d.kind === 'tasklist')!.departments.length).toBeGreaterThan(0);
  });
});

describe('the about page', () => {
  it('shows documents, items per kind and every warning, linked to its document', async () => {
    const { summary, documents } = report();
    const { page, errors } = await at('desktop', '/about/');
    const count = (key: string) => page.locator(`.ingest-summary [data-count="${key}"]`).innerText();
    expect(await count('documents')).toBe(`${summary.documents} 份`);
    expect(await count('items')).toBe(`${summary.items} 条`);
    for (const k of ITEM_KINDS) expect(await count(k)).toBe(`${summary.itemsByKind[k]} 条`);
    expect(await count('warnings')).toBe(`${summary.warnings} 条`);
    const warnings = page.locator('.ingest-warnings li');
    expect(await warnings.count()).toBe(summary.warnings);
    expect(summary.warnings).toBeGreaterThan(0);
    const warned = documents.filter((d) => d.warnings.length);
    for (const d of warned) expect(await page.locator(`.ingest-warnings a[href="/documents/${d.id}/"]`).count()).toBe(d.warnings.length);
    expect(await page.locator('.ingest-warnings').innerText()).toContain('原文未写明城市');
    expect(await page.locator('.ingest-summary a[href="/data/ingest-report.json"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
