import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GUIDE_URL, STRUCTURE_NOTE_TITLE, STRUCTURE_NOTES, WARNING_CODES, WARNING_TITLE, groupWarnings, warningAnchor, warningGuide, type ReportWarning } from '../../src/lib/ingest-report.ts';
import { reportDocuments } from '../lib/publish/report/index.ts';
import { seedKb } from '../lib/testing/seed-kb.ts';

const GUIDE = readFileSync(fileURLToPath(new URL('../../content/pages/guide.mdx', import.meta.url)), 'utf8');
/** The guide's anchors: every id="…" it writes. */
const ids = [...GUIDE.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
/** The heading that carries an anchor, as written in the MDX source. */
const heading = (id: string) => new RegExp(`<(h[2-4]) id="${id}">(.+?)</\\1>`).exec(GUIDE)?.[2];

describe('the editors’ guide (content/pages/guide.mdx)', () => {
  it('is published at GUIDE_URL (content/pages/<id>.mdx is served at /<id>/)', () => {
    expect(GUIDE_URL).toBe('/guide/');
    expect(GUIDE).toMatch(/^---\ntitle: 编辑指南\n/);
  });

  it('has one anchor per id, no id twice', () => {
    expect(ids.length).toBeGreaterThan(WARNING_CODES.length);
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
  });

  it('explains every warning code of the report, under the heading the about page links with', () => {
    expect(WARNING_CODES.length).toBeGreaterThanOrEqual(11);
    expect(Object.keys(WARNING_TITLE).sort()).toEqual([...WARNING_CODES].sort());
    for (const code of WARNING_CODES) {
      const h = heading(warningAnchor(code));
      expect(h, `guide.mdx has no section id="${warningAnchor(code)}" for warning code ${code}`).toBeDefined();
      expect([`{WARNING_TITLE['${code}']}`, WARNING_TITLE[code]], code).toContain(h);
    }
  });

  it('explains every recogniser note (code structure), each under the structure section', () => {
    expect(Object.keys(STRUCTURE_NOTE_TITLE).sort()).toEqual([...STRUCTURE_NOTES].sort());
    const structureAt = GUIDE.indexOf('id="warning-structure"');
    const nextCode = GUIDE.indexOf('<h3 ', structureAt + 1);
    for (const note of STRUCTURE_NOTES) {
      const id = warningAnchor('structure', note);
      expect(heading(id), id).toBeDefined();
      expect(GUIDE.indexOf(`id="${id}"`)).toBeGreaterThan(structureAt);
      expect(GUIDE.indexOf(`id="${id}"`)).toBeLessThan(nextCode);
    }
  });

  it('links only to its own anchors within the page', () => {
    const links = [...GUIDE.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !ids.includes(l))).toEqual([]);
  });

  it('every warning the seeds give links to a section that exists, named as the section is', () => {
    const kb = seedKb();
    const groups = reportDocuments(kb.documents).flatMap((r) => groupWarnings(r.warnings));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const { href, title } = warningGuide(g);
      expect(href.startsWith(`${GUIDE_URL}#`)).toBe(true);
      expect(ids).toContain(href.slice(GUIDE_URL.length + 1));
      const first = g.warnings[0]!;
      expect(title).toBe(first.code === 'structure' ? STRUCTURE_NOTE_TITLE[first.note] : WARNING_TITLE[g.code]);
    }
  });

  it('links a recogniser’s note to its own section, any other warning to its code’s', () => {
    const note: ReportWarning = { code: 'structure', message: '…', note: 'unknown-domain', lineStart: 3, lineEnd: 3 };
    expect(warningGuide({ code: 'structure', warnings: [note] })).toEqual({ href: '/guide/#warning-structure-unknown-domain', title: '领域名称无法识别' });
    const numbering: ReportWarning = { code: 'numbering', message: '…', list: '妇女与健康', kind: 'measure', missing: [3], repeated: [], lineStart: 1, lineEnd: 9 };
    expect(warningGuide({ code: 'numbering', warnings: [numbering] })).toEqual({ href: '/guide/#warning-numbering', title: '编号缺漏或重复' });
  });
});
