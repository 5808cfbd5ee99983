/**
 * 指标对比 pages: the overview lists every indicator, each indicator page lists every target of
 * indicators.json (each linked to an item page that exists, showing a value its source phrase
 * holds), the chart and table agree, sorting and filtering work, and without JavaScript the
 * table is all there. Item pages list their targets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldFigures } from '../../scripts/lib/relate/indicators/fold.ts';
import { indicatorSlugs } from '../../scripts/lib/relate/indicators/slug.ts';
import { DIST } from '../support/kb.ts';
import { at, browser, kb, readJson, server, useSite, WIDTHS, type Width } from '../support/site.ts';

useSite();

interface Row {
  itemId: string;
  docId: string;
  city: string | null;
  indicator: string;
  comparator: string;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  text: string;
}

const rows = () => readJson<Row[]>('indicators');
const byIndicator = () => {
  const m = new Map<string, Row[]>();
  for (const r of rows()) m.set(r.indicator, [...(m.get(r.indicator) ?? []), r]);
  return m;
};
const slugs = () => indicatorSlugs([...byIndicator().keys()]);
/** The indicator set by the most cities, with values that differ (so it has a chart). */
function chartedIndicator(): { name: string; slug: string; rows: Row[] } {
  const [name, list] = [...byIndicator()]
    .filter(([, l]) => new Set(l.filter((r) => ['atLeast', 'atMost', 'hold', 'about'].includes(r.comparator)).map((r) => `${r.value}`)).size > 1)
    .sort((a, b) => new Set(b[1].map((r) => r.city)).size - new Set(a[1].map((r) => r.city)).size || b[1].length - a[1].length)[0]!;
  return { name, slug: slugs().get(name)!, rows: list };
}
/** A phrase as its figures read: `百分之百` → 100. */
const fold = (s: string) => foldFigures(s).text.normalize('NFKC').replace(/\s+/g, '');

describe('indicator pages, from the built files', () => {
  it('the overview links every indicator of indicators.json once, with its number of cities', () => {
    const html = readFileSync(`${DIST}/indicators/index.html`, 'utf8');
    const all = byIndicator();
    expect(all.size).toBeGreaterThan(20);
    for (const [name, list] of all) {
      const slug = slugs().get(name)!;
      expect(slug).toMatch(/^[a-z0-9-]+$/);
      const row = html.match(new RegExp(`<tr[^>]*>\\s*<td[^>]*><a href="/indicators/${slug}/">([^<]*)</a></td>(?:(?!</tr>)[\\s\\S])*</tr>`));
      expect(row, name).not.toBeNull();
      const cells = [...row![0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
      expect(cells[2], name).toBe(String(new Set(list.map((r) => r.city ?? '')).size));
      expect(cells[3], name).toBe(String(list.length));
    }
  });

  it('every indicator page lists each of its targets, linked to an item that exists, with a value its source phrase holds', () => {
    const items = new Map(kb.documents.flatMap((d) => d.items.map((i) => [i.id, i] as const)));
    for (const [name, list] of byIndicator()) {
      const slug = slugs().get(name)!;
      const html = readFileSync(`${DIST}/indicators/${slug}/index.html`, 'utf8');
      const shown = [...html.matchAll(/<tr role="row" data-item="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
        itemId: m[1]!,
        value: m[2]!.match(/data-value="([^"]*)"/)![1]!,
        href: m[2]!.match(/<a class="target-source" href="([^"]+)">([\s\S]*?)<\/a>/)!,
      }));
      expect(shown.map((s) => s.itemId).sort(), name).toEqual(list.map((r) => r.itemId).sort());
      for (const s of shown) {
        expect(s.href[1]).toBe(`/items/${s.itemId}/`);
        expect(existsSync(`${DIST}/items/${s.itemId}/index.html`), s.itemId).toBe(true);
        const phrase = s.href[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        expect(items.get(s.itemId)!.text, s.itemId).toContain(phrase);
        expect(fold(phrase), `${name}: ${phrase}`).toContain(s.value);
      }
    }
  });

  it('one page per indicator: the issue\'s split and suffix-only names are gone, both cities on the shared ones', () => {
    const all = byIndicator();
    for (const gone of ['防治知识知晓率', '人群覆盖率', '妇女达标率', '青少年学生每天在校体育锻炼']) expect(all.has(gone), gone).toBe(false);
    for (const shared of ['宫颈癌和乳腺癌防治知识知晓率', '小学生每天睡眠时间', '初中生每天睡眠时间', '高中生每天睡眠时间', '中小学生每天校内体育活动时间', '建立家长学校或家庭教育指导服务站点的城市社区比例']) {
      const html = readFileSync(`${DIST}/indicators/${slugs().get(shared)!}/index.html`, 'utf8');
      expect(html, shared).toContain('2 个地区设有此指标（大安市、阜新市）');
    }
    // Each page says which way is better; 孕产妇死亡率 lower, 学前教育毛入园率 higher.
    expect(readFileSync(`${DIST}/indicators/${slugs().get('孕产妇死亡率')!}/index.html`, 'utf8')).toContain('数值越低越好。');
    expect(readFileSync(`${DIST}/indicators/${slugs().get('学前教育毛入园率')!}/index.html`, 'utf8')).toContain('数值越高越好。');
  });

  it('targets against results: on the seeds no report states a value reached, and the city pages say so', () => {
    for (const [name] of byIndicator()) {
      const html = readFileSync(`${DIST}/indicators/${slugs().get(name)!}/index.html`, 'utf8');
      expect(html, name).not.toContain('id="result-table"');
    }
    for (const city of ['fu-xin-shi', 'da-an-shi']) {
      const html = readFileSync(`${DIST}/cities/${city}/index.html`, 'utf8');
      const section = html.match(/<section[^>]*aria-labelledby="results-heading">([\s\S]*?)<\/section>/)?.[1];
      expect(section, city).toBeDefined();
      expect(section).toMatch(/本地规划设有 \d+ 项量化指标目标；收录的文档中暂无写明实际值的监测统计报告/);
      expect(section).toContain('href="/indicators/"');
    }
    // A city whose documents set no target gets no such section.
    expect(readFileSync(`${DIST}/cities/an-shan-shi/index.html`, 'utf8')).not.toContain('results-heading');
  });

  it('charts, where cities\' values differ, every city in words (title and description), and the table holds the same values', () => {
    const { slug, name, rows: list } = chartedIndicator();
    const html = readFileSync(`${DIST}/indicators/${slug}/index.html`, 'utf8');
    const svg = html.match(/<svg[^>]*role="img"[^>]*>[\s\S]*?<\/svg>/)?.[0];
    expect(svg, name).toBeDefined();
    const labelled = svg!.match(/aria-labelledby="([^"]+)"/)![1]!.split(' ');
    for (const id of labelled) expect(svg).toContain(`id="${id}"`);
    const desc = svg!.match(/<desc[^>]*>([\s\S]*?)<\/desc>/)![1]!;
    for (const r of list) {
      if (r.city) expect(desc).toContain(r.city);
      if (['atLeast', 'atMost', 'hold', 'about'].includes(r.comparator)) expect(desc).toContain(String(r.value));
    }
  });
});

describe('indicator pages, in the browser', () => {
  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: the table sorts by target value and filters by city, with no JS error and no sideways page`, async () => {
      const { slug, rows: list } = chartedIndicator();
      const { page, errors } = await at(width, `/indicators/${slug}/`);
      await page.waitForSelector('#target-table th button.sort');
      // The header buttons on a desktop; on a phone the cards have no header row, the 排序 select.
      const target = page.locator('#target-table thead th', { hasText: '目标' }).locator('button');
      const sort = async (direction: 'asc' | 'desc') => {
        if (width === 'desktop') await target.click();
        else await page.selectOption('.table-sort select', { label: `目标：${direction === 'asc' ? '从小到大' : '从大到小'}` });
      };
      await sort('asc');
      const values = await page.$$eval('#target-table tbody tr', (trs) => trs.map((tr) => Number((tr.querySelector('[data-value]') as HTMLElement).dataset.value)));
      expect(values).toEqual([...list.map((r) => r.value)].sort((a, b) => a - b));
      expect(await page.getAttribute('#target-table thead th:has(button:has-text("目标"))', 'aria-sort')).toBe('ascending');
      await sort('desc');
      const down = await page.$$eval('#target-table tbody tr', (trs) => trs.map((tr) => Number((tr.querySelector('[data-value]') as HTMLElement).dataset.value)));
      expect(down).toEqual([...values].reverse());

      const city = list.find((r) => r.city)!.city!;
      await page.fill('#target-q', city);
      const visible = await page.$$eval('#target-table tbody tr', (trs) => (trs as HTMLTableRowElement[]).filter((tr) => !tr.hidden).map((tr) => tr.querySelector('td')!.textContent!.trim()));
      expect(visible).toEqual(list.filter((r) => r.city === city).map(() => city));
      expect(await page.textContent('#target-count')).toContain(`${visible.length} / ${list.length}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('without JavaScript every target row shows and no dead filter box', async () => {
    const { slug, rows: list } = chartedIndicator();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/indicators/${slug}/`);
    expect(await page.locator('#target-table tbody tr').count()).toBe(list.length);
    expect(await page.isVisible('#target-q')).toBe(false);
    expect(await page.isVisible('svg[role="img"]')).toBe(true);
    await context.close();
  });

  it('the overview is in the site navigation and its breadcrumbs lead home', async () => {
    const { page } = await at('desktop', '/');
    await page.click('nav.site-nav a:has-text("指标对比")');
    await page.waitForURL('**/indicators/');
    expect(await page.textContent('h1')).toBe('指标对比');
    const { slug, name } = chartedIndicator();
    await page.click(`a[href="/indicators/${slug}/"]`);
    await page.waitForURL(`**/indicators/${slug}/`);
    expect(await page.textContent('h1')).toBe(name);
    expect(await page.$$eval('nav.crumbs a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['/', '/indicators/']);
    await page.close();
  });
});

describe('item pages list their targets', () => {
  it('each target of an item, linked to its indicator page, in reading order', async () => {
    const all = rows();
    const itemId = [...new Set(all.map((r) => r.itemId))].sort((a, b) => all.filter((r) => r.itemId === b).length - all.filter((r) => r.itemId === a).length)[0]!;
    const mine = all.filter((r) => r.itemId === itemId);
    const { page, errors } = await at('desktop', `/items/${itemId}/`);
    const links = await page.$$eval('section.item-targets li > a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBe(mine.length);
    expect(new Set(links)).toEqual(new Set(mine.map((r) => `/indicators/${slugs().get(r.indicator)}/`)));
    for (const href of links) expect(existsSync(`${DIST}${href}index.html`), href!).toBe(true);
    // Reading order: the phrases appear in the order the item states them.
    const phrases = await page.$$eval('section.item-targets li q', (qs) => qs.map((q) => q.textContent!));
    const text = kb.documents.flatMap((d) => d.items).find((i) => i.id === itemId)!.text;
    const positions = phrases.map((p) => text.indexOf(p));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an item that states no target shows no 量化指标 section', async () => {
    const withTargets = new Set(rows().map((r) => r.itemId));
    const item = kb.documents.flatMap((d) => d.items).find((i) => !withTargets.has(i.id))!;
    const html = readFileSync(`${DIST}/items/${item.id}/index.html`, 'utf8');
    expect(html).not.toContain('item-targets');
  });
});
