/**
 * Department pages, the departments index, a task list's department × domain table and the
 * departments open data, on the built site: what each lists agrees with the items' department
 * fields, every link lands on a page (and an anchor) that exists, and the table reads on a phone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normaliseDepartment } from '../../scripts/lib/relate/departments/normalise.ts';
import { DIST } from '../support/kb.ts';
import { at, kb, readJson, useSite, WIDTHS, type Width } from '../support/site.ts';

useSite();

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface DepartmentRow { key: string; name: string; label: string; collective: boolean; names: string[]; leadCount: number; partnerCount: number; leadItems: string[]; partnerItems: string[]; cities: string[]; url: string }
const FIELDS = ['key', 'name', 'label', 'collective', 'names', 'leadCount', 'partnerCount', 'leadItems', 'partnerItems', 'cities', 'url'];

const items = () => kb.documents.flatMap((d) => d.items.map((item) => ({ item, doc: d })));
/** Ids of the items whose lead (or partner) field names a department with this key, in site order. */
const named = (key: string, role: 'leadDepartments' | 'partnerDepartments') =>
  items()
    .filter(({ item }) => item[role].some((p) => normaliseDepartment(p)?.key === key))
    .map(({ item }) => item.id)
    .sort();

/** dist file of a site path (without its #fragment). */
const fileOf = (href: string) => `${DIST}${href.split('#')[0]!.replace(/\/$/, '/index.html')}`;
const html = (href: string) => readFileSync(fileOf(href), 'utf8');
/** The department links in an item page's 牵头部门 / 配合部门 row. */
const departmentLinks = (page: string, dt: '牵头部门' | '配合部门') => {
  const dd = page.match(new RegExp(`<dt[^>]*>${dt}</dt><dd>(.*?)</dd>`))?.[1] ?? '';
  return [...dd.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
};

describe('a department page: 市卫健局 (health)', () => {
  it('the seeds name 市卫健局, and it leads and partners on measures', () => {
    expect(named('health', 'leadDepartments').length).toBeGreaterThan(0);
    expect(named('health', 'partnerDepartments').length).toBeGreaterThan(0);
  });

  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: lists exactly the measures whose fields name it, by role; each links to an item page that names it back`, async () => {
      const { page, errors } = await at(width, '/departments/health/');
      expect(await page.textContent('h1')).toBe('市卫健局');
      for (const [role, field, dt] of [['lead', 'leadDepartments', '牵头部门'], ['partner', 'partnerDepartments', '配合部门']] as const) {
        const hrefs = await page.$$eval(`section.department-${role} ul.items a`, (as) => as.map((a) => a.getAttribute('href')!));
        expect(hrefs.map((h) => h.match(/^\/items\/(.+)\/$/)?.[1]).sort(), role).toEqual(named('health', field));
        for (const href of hrefs) {
          expect(existsSync(fileOf(href)), href).toBe(true);
          expect(departmentLinks(html(href), dt), href).toContain('/departments/health/');
        }
        // Grouped by domain, each group heading naming its count; each document group names its city.
        const groups = await page.$$eval(`section.department-${role} section.department-domain`, (ss) =>
          ss.map((s) => ({ heading: s.querySelector('h3')!.textContent!, n: s.querySelectorAll('ul.items > li').length, docs: [...s.querySelectorAll('h4')].map((h) => h.textContent!) })),
        );
        expect(groups.length, role).toBeGreaterThan(0);
        for (const g of groups) {
          expect(g.heading).toMatch(new RegExp(`（${g.n}）$`));
          for (const d of g.docs) expect(d).toMatch(/^大安市 · /);
        }
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('every department page and the index', () => {
  it('one page per department in departments.json; the index lists them all, most measures first, with their printed names', async () => {
    const rows = readJson<DepartmentRow[]>('departments');
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect(existsSync(fileOf(r.url)), r.url).toBe(true);
    const { page } = await at('desktop', '/departments/');
    const listed = await page.$$eval('table tbody tr', (trs) => trs.map((tr) => ({ href: tr.querySelector('th a')!.getAttribute('href')!, name: tr.querySelector('th a')!.textContent!, lead: Number(tr.children[2]!.textContent), partner: Number(tr.children[3]!.textContent) })));
    expect(listed.map((l) => l.href).sort()).toEqual(rows.map((r) => r.url).sort());
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    for (const l of listed) expect(l).toEqual({ href: l.href, name: byUrl.get(l.href)!.name, lead: byUrl.get(l.href)!.leadCount, partner: byUrl.get(l.href)!.partnerCount });
    const totals = listed.map((l) => l.lead + l.partner);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    // On a phone the index is one card per department: nothing scrolls the page sideways.
    for (const path of ['/departments/', '/departments/health/']) {
      const phone = await at('phone', path);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - innerWidth), path).toBeLessThanOrEqual(1);
      await phone.page.close();
    }
    // The site navigation reaches it.
    expect(await page.$$eval('nav.site-nav a', (as) => as.map((a) => a.getAttribute('href')))).toContain('/departments/');
    await page.close();
  });

  it('every internal link on every department page lands on a built page, and every #fragment on an element of it', () => {
    const rows = readJson<DepartmentRow[]>('departments');
    const broken: string[] = [];
    for (const url of ['/departments/', ...rows.map((r) => r.url)]) {
      for (const [, href] of html(url).matchAll(/href="(\/[^"]*)"/g)) {
        if (href!.startsWith('/data/') || href!.startsWith('/_astro/')) continue;
        const [path, fragment] = href!.split('#');
        if (!existsSync(fileOf(path!))) broken.push(`${url} → ${href}`);
        else if (fragment && !html(path!).includes(`id="${fragment}"`)) broken.push(`${url} → ${href} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every item page links each department name it prints to that department\'s page', () => {
    const rows = readJson<DepartmentRow[]>('departments');
    const withDepartments = items().filter(({ item }) => item.leadDepartments.length || item.partnerDepartments.length);
    expect(withDepartments.length).toBeGreaterThan(0);
    for (const { item } of withDepartments) {
      const page = html(`/items/${item.id}/`);
      for (const [field, dt] of [['leadDepartments', '牵头部门'], ['partnerDepartments', '配合部门']] as const) {
        const expected = item[field].map((p) => rows.find((r) => r.names.includes(p.trim()))?.url);
        expect(departmentLinks(page, dt), `${item.id} ${dt}`).toEqual(expected);
      }
    }
  });
});

describe('a task list\'s department × domain table', () => {
  const taskList = () => kb.documents.find((d) => d.kind === 'tasklist' && d.items.some((i) => i.leadDepartments.length))!;

  it('is on the task list\'s page only: documents that name no department have none', () => {
    for (const d of kb.documents) {
      const names = d.items.some((i) => i.leadDepartments.length || i.partnerDepartments.length);
      expect(html(`/documents/${d.id}/`).includes('class="department-matrix"'), d.id).toBe(names);
    }
  });

  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: each count links to a group on the department's page holding exactly that many measures of this document; totals agree; it scrolls in its own labelled box; axe finds nothing`, async () => {
      const doc = taskList();
      const { page, errors } = await at(width, `/documents/${doc.id}/`);
      await page.click('.department-matrix summary');
      const cells = await page.$$eval('.department-matrix table tbody tr', (trs) =>
        trs.map((tr) => ({
          department: tr.querySelector('th a')!.getAttribute('href')!,
          links: [...tr.querySelectorAll('td a')].map((a) => ({ href: a.getAttribute('href')!, text: a.firstChild!.textContent!, name: a.textContent! })),
          lead: Number(tr.children[tr.children.length - 2]!.textContent),
          partner: Number(tr.children[tr.children.length - 1]!.textContent),
        })),
      );
      const departments = new Set(doc.items.flatMap((i) => [...i.leadDepartments, ...i.partnerDepartments].map((p) => normaliseDepartment(p)!.key)));
      expect(cells.length).toBe(departments.size);
      for (const row of cells) {
        let lead = 0;
        let partner = 0;
        for (const { href, text, name } of row.links) {
          const n = Number(text.replace('＋', ''));
          // Read out as "6 项牵头：市妇联，妇女与健康", starting with the visible number.
          expect(name).toMatch(new RegExp(`^${text} 项(牵头|配合)：\\S+，\\S+$`));
          if (text.startsWith('＋')) partner += n;
          else lead += n;
          const [path, fragment] = href.split('#');
          expect(path).toBe(row.department);
          expect(fragment).toMatch(new RegExp(`^(lead|partner)-[a-z-]+-${doc.id}$`));
          // The group: the <h4> with that id and the list right after it.
          const group = html(path!).match(new RegExp(`id="${fragment}"[^>]*>.*?</h4><ul class="items">(.*?)</ul>`))?.[1];
          expect(group, href).toBeTruthy();
          expect(group!.match(/<li>/g)!.length, href).toBe(n);
        }
        expect([lead, partner], row.department).toEqual([row.lead, row.partner]);
      }
      // Every measure with a lead department is counted once per department it names.
      const leadPairs = doc.items.reduce((n, i) => n + new Set(i.leadDepartments.map((p) => normaliseDepartment(p)!.key)).size, 0);
      expect(cells.reduce((n, r) => n + r.lead, 0)).toBe(leadPairs);

      const box = await page.$eval('.department-matrix .table-scroll', (el) => ({ label: el.getAttribute('aria-label'), role: el.getAttribute('role'), tabindex: el.getAttribute('tabindex'), scrolls: el.scrollWidth > el.clientWidth }));
      expect(box).toMatchObject({ role: 'region', tabindex: '0' });
      expect(box.label).toMatch(/横向滚动/);
      if (width === 'phone') expect(box.scrolls).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(1);
      const headers = await page.$$eval('.department-matrix th', (ths) => ths.map((th) => th.getAttribute('scope')));
      expect(new Set(headers)).toEqual(new Set(['col', 'row']));

      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const r = await axe.run(document.querySelector('.department-matrix')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id} ${v.nodes.length}×`);
      });
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('departments open data', () => {
  it('departments.json and .csv: the documented keys, the same rows, item ids that exist and name the department', () => {
    const rows = readJson<DepartmentRow[]>('departments');
    for (const r of rows) expect(Object.keys(r)).toEqual(FIELDS);
    const csv = parse(readFileSync(`${DIST}/data/departments.csv`), { bom: true, columns: true }) as Record<string, string>[];
    const cell = (v: unknown) => (Array.isArray(v) ? v.join('；') : String(v));
    expect(csv).toEqual(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)]))));
    const byId = new Map(items().map(({ item }) => [item.id, item]));
    for (const r of rows) {
      expect(r.leadItems.length + r.partnerItems.length, r.key).toBeGreaterThan(0);
      expect([r.leadCount, r.partnerCount]).toEqual([r.leadItems.length, r.partnerItems.length]);
      for (const [ids, field] of [[r.leadItems, 'leadDepartments'], [r.partnerItems, 'partnerDepartments']] as const) {
        for (const id of ids) expect(byId.get(id)?.[field].some((p) => r.names.includes(p.trim())), `${r.key} ${id}`).toBe(true);
      }
    }
    // Every printed name of the seeds is in exactly one row.
    const printed = new Set(items().flatMap(({ item }) => [...item.leadDepartments, ...item.partnerDepartments].map((p) => p.trim())));
    expect(rows.flatMap((r) => r.names).sort()).toEqual([...printed].sort());
    expect(readFileSync(`${DIST}/data/index.html`, 'utf8')).toContain('href="/data/departments.csv"');
  });
});
