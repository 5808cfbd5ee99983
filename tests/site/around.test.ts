/** Opinions, reports and speeches joined to the plan measures they address, on both ends' item pages. */
import { openPage } from '../support/browser.ts';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../scripts/lib/types.ts';
import { browser, kb, server, useSite } from '../support/site.ts';

useSite();

const items = () => kb.documents.flatMap((d) => d.items);
const addressesFrom = (id: string) =>
  (kb.addresses ?? []).filter((a) => a.source === id).sort((a, b) => b.score - a.score || (a.target < b.target ? -1 : 1));

describe('item pages of opinions, reports and speeches', () => {
  it('list the plan measures the item addresses, best first, under a heading in the kind\'s words', async () => {
    const { page, errors } = await openPage(browser);
    const heading: Record<string, string> = { recommendation: '这条审议意见涉及的规划措施', report: '这条落实情况涉及的规划措施', speech: '这条讲话涉及的规划措施' };
    for (const kind of Object.keys(heading)) {
      const item = items().find((i) => i.kind === kind && addressesFrom(i.id).length > 0);
      expect(item, kind).toBeDefined();
      await page.goto(`${server.url}/items/${item!.id}/`);
      expect(await page.innerText('section.around h2')).toBe(heading[kind]);
      const hrefs = await page.$$eval('section.around li a[href^="/items/"]', (as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(addressesFrom(item!.id).map((a) => `/items/${a.target}/`));
    }
    expect(errors).toEqual([]);
  });

  it('say so when nothing relevant was found, and show an item\'s other domains', async () => {
    const { page } = await openPage(browser);
    const lonely = items().find((i) => ['recommendation', 'report', 'speech'].includes(i.kind) && !i.repeats && addressesFrom(i.id).length === 0)!;
    await page.goto(`${server.url}/items/${lonely.id}/`);
    expect(await page.innerText('section.around')).toContain('未找到相关规划措施');
    const spanning = items().find((i): i is Item & { otherDomains: string[] } => !!i.otherDomains?.length)!;
    await page.goto(`${server.url}/items/${spanning.id}/`);
    const text = await page.innerText('section.around');
    for (const d of spanning.otherDomains) expect(text).toContain(d);
  });

  it('a near-repeat says it is nearly the same as its first print and shows that print\'s measures', async () => {
    const { page } = await openPage(browser);
    const near = items().find((i) => i.nearRepeat)!;
    await page.goto(`${server.url}/items/${near.id}/`);
    expect(await page.innerText('.notice')).toContain('基本相同');
    const hrefs = await page.$$eval('section.around li a[href^="/items/"]', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(addressesFrom(near.repeats!).map((a) => `/items/${a.target}/`));
  });
});

describe('item pages of plan measures', () => {
  it('list the opinion, report and speech items that address the measure', async () => {
    const { page } = await openPage(browser);
    const target = (kb.addresses ?? [])[0]!.target;
    await page.goto(`${server.url}/items/${target}/`);
    expect(await page.innerText('section.around h2')).toBe('相关审议意见与落实情况');
    const hrefs = await page.$$eval('section.around li a[href^="/items/"]', (as) => as.map((a) => a.getAttribute('href')));
    const sources = (kb.addresses ?? []).filter((a) => a.target === target).map((a) => `/items/${a.source}/`);
    expect([...hrefs].sort()).toEqual([...sources].sort());
    // A measure nothing addresses has no such section.
    const plain = items().find((i) => i.kind === 'measure' && !(kb.addresses ?? []).some((a) => a.target === i.id))!;
    await page.goto(`${server.url}/items/${plain.id}/`);
    expect(await page.$('section.around')).toBeNull();
  });
});
