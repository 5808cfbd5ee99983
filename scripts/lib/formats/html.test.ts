import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../pipeline.ts';
import { documentWarnings } from '../report/warnings.ts';
import { SEED, seedText } from '../testing/seeds.ts';
import { CHROME_TEXTS, governmentPage, paragraphsHtml, seedTaskTablesHtml, type Container, type Declaration } from '../testing/html.ts';
import type { Item, KbDocument } from '../types.ts';
import { readSource } from './index.ts';

const perDomain = (items: Item[]) => items.filter((i) => i.kind === 'goal' || i.kind === 'measure').map((i) => [i.domain, i.kind, i.number, i.text]);
const chars = (t: string) => [...t.replace(/\s+/g, '')].sort().join('');

async function ingestPage(name: string, bytes: Uint8Array): Promise<{ doc: KbDocument; text: string }> {
  const read = await readSource(name, bytes);
  return { doc: ingestDocument(name, bytes, undefined, read), text: read.text };
}

const FUXIN_META = { 索引号: '11210900/2022-00011', 发文机关: '阜新市人民政府', 成文日期: '2022年07月12日', 发布日期: '2022-07-15', 文号: '阜政发〔2022〕11号', 主题分类: '综合政务' };
const FUXIN_TITLE = '阜新市人民政府关于印发阜新市妇女发展规划（2021—2030年）和阜新市儿童发展规划（2021—2030年）的通知';

describe('seed 001 as a government web page', () => {
  const fromText = ingestDocument(SEED.fuxinPlans, new TextEncoder().encode(seedText(SEED.fuxinPlans)));
  const paragraphs = fromText.blocks.map((b) => b.text);
  const variants: [string, Container, 'utf-8' | 'gbk', Declaration, 'p' | 'br' | 'strong-headings'][] = [
    ['TRS_Editor, GBK declared by <meta charset>', 'trs', 'gbk', 'meta-charset', 'p'],
    ['#zoom, GBK declared by http-equiv', 'zoom', 'gbk', 'http-equiv', 'strong-headings'],
    ['#UCAP-CONTENT, GBK undeclared', 'ucap', 'gbk', 'none', 'p'],
    ['.article-content, UTF-8 with a BOM', 'article-content', 'utf-8', 'bom', 'br'],
    ['.pages_content, UTF-8 undeclared', 'pages_content', 'utf-8', 'none', 'p'],
    ['<article>, UTF-8 by <meta charset>', 'article', 'utf-8', 'meta-charset', 'strong-headings'],
    ['no known container (text density), GBK by http-equiv', 'unmarked', 'gbk', 'http-equiv', 'p'],
    ['a layout table (text density), UTF-8', 'layout-table', 'utf-8', 'http-equiv', 'br'],
  ];

  it.each(variants)('%s: the same goals and measures per domain as the .txt', async (_, container, encoding, declaration, style) => {
    const bytes = governmentPage({ title: FUXIN_TITLE, article: paragraphsHtml(paragraphs, style), container, encoding, declaration, meta: FUXIN_META });
    const { doc, text } = await ingestPage('001_fuxin.html', bytes);
    expect(doc.encoding).toBe(encoding === 'gbk' ? 'gb18030' : declaration === 'bom' ? 'utf-8-bom' : 'utf-8');
    expect(perDomain(fromText.items).length).toBeGreaterThan(150);
    expect(perDomain(doc.items)).toEqual(perDomain(fromText.items));
    expect(doc.kind).toBe(fromText.kind);
    expect([doc.city, doc.province, doc.level]).toEqual([fromText.city, fromText.province, fromText.level]);
    // No chrome in the text the recognisers and the reader page read…
    const body = doc.blocks.map((b) => b.text).join('\n');
    for (const chrome of CHROME_TEXTS) expect(body, chrome).not.toContain(chrome);
    expect(body).not.toMatch(/_hmt|document\.write|jquery|font-family/);
    // …all of it recorded as removed, with why…
    const reasons = new Set(doc.removed.map((r) => r.reason));
    for (const r of ['navigation', 'breadcrumb', 'metadata-table', 'page-tools', 'related-links', 'footer', 'page-code'] as const) expect(reasons, r).toContain(r);
    expect(doc.removed.find((r) => r.text.includes('网站标识码'))?.reason).toBe('footer');
    expect(doc.removed.find((r) => r.text.includes('打印本页'))?.reason).toBe('page-tools');
    // …and nothing lost: blocks and removed parts hold every character of the page's text.
    expect(chars(doc.blocks.map((b) => b.text).join('') + doc.removed.map((r) => r.text).join(''))).toBe(chars(text));
    // The metadata table's facts reach the metadata.
    expect([doc.issuer, doc.date, doc.docNumber]).toEqual(['阜新市人民政府', '2022-07-12', '阜政发〔2022〕11号']);
    const notes = (doc.notes ?? []).filter((n) => n.code === 'source').map((n) => n.message);
    if (container === 'unmarked' || container === 'layout-table') expect(notes.join('\n')).toMatch(/按文字密度把第 \d+–\d+ 行当作正文/);
    else expect(notes).toEqual([]);
  });
});

describe('seed 003 as web tables', () => {
  it('gives the same domains, goals, measures and departments as the flattened Word text', async () => {
    const fromText = ingestDocument(SEED.daanTaskLists, new TextEncoder().encode(seedText(SEED.daanTaskLists)));
    const bytes = governmentPage({ title: '大安市妇女儿童发展规划（2021—2030年）重点任务清单', article: seedTaskTablesHtml(), container: 'zoom', encoding: 'gbk', declaration: 'http-equiv' });
    const { doc } = await ingestPage('003_daan.htm', bytes);
    const summary = (items: Item[]) => items.map((i) => ({ kind: i.kind, domain: i.domain, number: i.number, text: i.text, lead: i.leadDepartments, partner: i.partnerDepartments }));
    expect(fromText.items.length).toBeGreaterThan(150);
    expect(doc.kind).toBe('tasklist');
    expect(summary(doc.items)).toEqual(summary(fromText.items));
    expect(doc.items.some((i) => i.leadDepartments.length >= 2)).toBe(true);
  });
});
