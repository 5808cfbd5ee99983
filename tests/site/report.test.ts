/** The editor's report: dist/data/ingest-report.json for every seed, its summary on the about page, and its links into the editors' guide. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDE_URL, STRUCTURE_NOTES, WARNING_CODES, groupWarnings, isInformation, warningAnchor, warningGuide, type DocumentReport, type ReportSummary } from '../../src/lib/ingest-report.ts';
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
    // One line per kind and wording of warning per document, as the terminal prints them.
    const groups = documents.flatMap((d) => groupWarnings(d.warnings).filter((g) => !isInformation(g)).map((g) => ({ d, g })));
    expect(await count('warnings')).toBe(`${groups.length} 条`);
    const warnings = page.locator('.ingest-warnings li');
    expect(await warnings.count()).toBe(groups.length);
    expect(groups.length).toBeGreaterThan(0);
    for (const d of documents.filter((x) => x.warnings.length)) {
      expect(await page.locator(`.ingest-warnings a[href="/documents/${d.id}/"]`).count()).toBe(groups.filter((x) => x.d === d).length);
    }
    const text = await page.locator('.ingest-warnings').innerText();
    for (const { d, g } of groups) expect(text).toContain(`${d.source}）${g.lines}：${g.message}`);
    // The speeches' two warnings, in the editor's words, with the line and the fix.
    expect(text).toMatch(/第 17–67 行：「妇女儿童工作会议记录篇一」的讲话要点编号为 一、一，其中 1 重复出现。请核对/);
    expect(text).toContain('原文未写明所属城市。请在 004_f0d95eb4ad8701d2.txt.meta.json 中补充 "city"');
    expect(text).not.toMatch(/[a-z]{3,} [a-z]{3,}/i);
    expect(await page.locator('.ingest-summary a[href="/data/ingest-report.json"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the editors’ guide and the links to it', () => {
  it('is built at /guide/ with a section for every warning code and every recogniser note', () => {
    const html = readFileSync(`${DIST}${GUIDE_URL}index.html`, 'utf8');
    for (const id of [...WARNING_CODES.map((c) => warningAnchor(c)), ...STRUCTURE_NOTES.map((n) => warningAnchor('structure', n))]) {
      expect(html, id).toMatch(new RegExp(`<h[34] id="${id}">[^<]+</h[34]>`));
    }
  });

  it('every warning and note on the about page links to its section of the guide, which names it as the link does', async () => {
    const { documents } = report();
    const groups = documents.flatMap((d) => groupWarnings(d.warnings));
    const { page, errors } = await at('desktop', '/about/');
    const items = page.locator('.ingest-warnings li, .ingest-notes li');
    expect(await items.count()).toBe(groups.length);
    const links = await page.$$eval('.ingest-warnings li, .ingest-notes li', (lis) => lis.map((li) => [...li.querySelectorAll('a.guide-link')].map((a) => ({ href: a.getAttribute('href')!, text: a.textContent! }))));
    // In the page's order: warnings, then notes, each document by id, groups in first-seen order.
    const expected = [...groups.filter((g) => !isInformation(g)), ...groups.filter((g) => isInformation(g))].map((g) => warningGuide(g));
    expect(links.map((l) => l.length)).toEqual(expected.map(() => 1));
    expect(links.map((l) => l[0]!.href)).toEqual(expected.map((e) => e.href));
    const guide = await at('desktop', GUIDE_URL);
    for (const [link] of links) {
      const id = link!.href.slice(`${GUIDE_URL}#`.length);
      const heading = await guide.page.locator(`[id="${id}"]`).innerText();
      expect(link!.text).toBe(`「${heading}」的含义和处理办法`);
    }
    // The page itself links the guide too (关于 and the summary's introduction).
    expect(await page.locator(`main a[href="${GUIDE_URL}"]`).count()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    expect(guide.errors).toEqual([]);
    await page.close();
    await guide.page.close();
  });
});
