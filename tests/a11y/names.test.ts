/** Accessible names that tell links and cells apart: the domain matrix, and the reader's 条目页 links. */
import { describe, expect, it } from 'vitest';
import { AXE, PAGES, WIDTHS, contrastProblems, open, useA11y, type Width } from '../support/a11y.ts';

useA11y();

describe('domain matrix', () => {
  it('✓ links are named "城市：条目", — cells read "无", and both pass contrast', async () => {
    const path = PAGES.find(([n]) => n === 'domain matrix')?.[1];
    expect(path, 'a domain page with a city × topic matrix').toBeTruthy();
    const page = await open('desktop', path!);
    await page.addScriptTag({ content: AXE });
    const cells = await page.evaluate(() => {
      const axe = (window as unknown as { axe: { setup(): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } } }).axe;
      axe.setup();
      const table = document.querySelector('table.matrix')!;
      const cols = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      const out = { links: [] as { city: string; name: string }[], empty: [] as string[], caption: table.querySelector('caption')?.textContent ?? table.getAttribute('aria-label') };
      for (const tr of table.querySelectorAll('tbody tr')) {
        [...tr.children].forEach((cell, i) => {
          if (cell.tagName !== 'TD') return;
          const links = cell.querySelectorAll('a');
          if (links.length) for (const a of links) out.links.push({ city: cols[i]!, name: axe.commons.text.accessibleText(a).trim() });
          else out.empty.push(axe.commons.text.accessibleText(cell).trim());
        });
      }
      axe.teardown();
      return out;
    });
    expect(cells.caption).toBeTruthy();
    expect(cells.links.length).toBeGreaterThan(0);
    expect(cells.empty.length).toBeGreaterThan(0);
    for (const { city, name } of cells.links) expect(name).toMatch(new RegExp(`^${city}：\\S`));
    expect(new Set(cells.empty)).toEqual(new Set(['无']));
    expect(await contrastProblems(page, ['table.matrix td a', 'table.matrix td .missing'])).toEqual([]);
    await page.close();
  });
});

describe('names that tell links apart', () => {
  it('every "条目页" link on a document page has its own accessible name, starting with its visible words', async () => {
    for (const [name, path] of PAGES.filter(([n]) => n.startsWith('reader'))) {
      for (const width of Object.keys(WIDTHS) as Width[]) {
        const page = await open(width, path);
        await page.addScriptTag({ content: AXE });
        const names = await page.evaluate(() => {
          const axe = (window as unknown as { axe: { setup(): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } } }).axe;
          axe.setup();
          const out = [...document.querySelectorAll('a.item-link')].map((a) => ({ name: axe.commons.text.accessibleText(a).trim(), visible: a.textContent!.replace(/[→\s]/g, '') }));
          axe.teardown();
          return out;
        });
        expect(names.length, name).toBeGreaterThan(0);
        const counts = new Map<string, number>();
        for (const n of names) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
        expect([...counts].filter(([, c]) => c > 1), `${width} ${name}`).toEqual([]);
        for (const n of names) expect(n.name.startsWith(n.visible), n.name).toBe(true);
        for (const n of names) expect(n.name.length, n.name).toBeGreaterThan(n.visible.length + 1);
        await page.close();
      }
    }
  });
});
