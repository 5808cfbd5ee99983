/** 引用本页 and the canonical link, as a researcher meets them on a document and an item page. */
import { describe, expect, it } from 'vitest';
import { at, kb, useSite } from '../support/site.ts';

useSite();

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('citing a page', () => {
  it('an item page cites issuer, title with 文号, the item by domain, kind and number, its URL and today', async () => {
    const doc = kb.documents.find((d) => d.docNumber && d.issuer && d.kind === 'plan')!;
    const item = doc.items.find((i) => i.kind === 'goal' && i.domain)!;
    const { page, errors } = await at('desktop', `/items/${item.id}/`);
    const cite = (await page.locator('#cite-text').textContent())!.replace(/\s+/g, ' ');
    expect(cite).toContain(`${doc.issuer}. ${doc.title}（${doc.docNumber}）：${item.domain} 主要目标 ${item.number}[EB/OL].`);
    expect(cite).toContain(`[${today()}]`);
    expect(cite).toMatch(new RegExp(`https?://[^ ]+/items/${item.id}/\\.$`));
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`/items/${item.id}/$`));
    // The copy button shows where the clipboard can be written (a secure context: the test server is on 127.0.0.1).
    expect(await page.locator('.cite-copy').isVisible()).toBe(true);
    // No script inside the page's main content.
    expect(await page.locator('main script').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a document page cites the document itself', async () => {
    const doc = kb.documents.find((d) => d.docNumber)!;
    const { page } = await at('phone', `/documents/${doc.id}/`);
    const cite = (await page.locator('#cite-text').textContent())!;
    expect(cite).toContain(`${doc.title}（${doc.docNumber}）[EB/OL].`);
    expect(cite).toContain(`/documents/${doc.id}/.`);
    await page.close();
  });
});
