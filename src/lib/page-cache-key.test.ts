import { describe, expect, it } from 'vitest';
import { hashShown, itemPageCacheKey, type ItemPageContext, type ItemPageEntry } from './page-cache-key.ts';

type Item = ItemPageEntry & { id: string; text: string; cityName: string; number: string; title: string; kind: string; domain: string | null; related: { id: string }[]; addresses?: { id: string }[]; addressedBy?: { id: string }[] };

const item = (id: string, over: Partial<Item> = {}): Item => ({
  id,
  docId: id.split('-')[0]!,
  cityName: '阜新市',
  number: '1',
  title: `${id} 的标题`,
  kind: 'measure',
  domain: '妇女与健康',
  text: '加强母婴安全保障。',
  related: [],
  leadDepartments: [],
  partnerDepartments: [],
  ...over,
});

/** A small build: one item page, the items it links to, one unrelated item, its document and departments. */
function build(change: (b: { items: Map<string, Item>; docs: Map<string, unknown[]>; departments: Map<string, string> }) => void = () => {}) {
  const items = new Map<string, Item>([
    ['a-1', item('a-1', { related: [{ id: 'b-1' }], addresses: [{ id: 'b-2' }], addressedBy: [{ id: 'c-1' }], leadDepartments: ['市卫健局 '], partnerDepartments: ['市妇联'] })],
    ['b-1', item('b-1', { cityName: '大安市' })],
    ['b-2', item('b-2', { cityName: '大安市', number: '2' })],
    ['c-1', item('c-1', { cityName: '鞍山市', kind: 'recommendation' })],
    ['z-1', item('z-1', { cityName: '铁岭市' })],
  ]);
  const docs = new Map<string, unknown[]>([['a', ['阜新市妇女发展规划', '阜新市人民政府', '阜政发〔2022〕11号', '2022-03-01']]]);
  const departments = new Map([['市卫健局', 'health'], ['市妇联', 'women-federation']]);
  change({ items, docs, departments });
  const context: ItemPageContext = { documentMeta: (id) => docs.get(id), department: (n) => departments.get(n) };
  return itemPageCacheKey(items.get('a-1')!, context);
}

describe('itemPageCacheKey', () => {
  const key = build();

  it('is the same for the same build, and a hash of JSON', () => {
    expect(build()).toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashShown([1, 'a'])).toBe(hashShown([1, 'a']));
    expect(hashShown([1, 'a'])).not.toBe(hashShown(['a', 1]));
  });

  it('changes with the page’s own entry', () => {
    expect(build(({ items }) => (items.get('a-1')!.text = '加强母婴安全保障，提升服务能力。'))).not.toBe(key);
  });

  it('changes with the document’s title, issuer, 文号 or date (breadcrumbs and citation)', () => {
    expect(build(({ docs }) => (docs.get('a')![3] = '2022-03-02'))).not.toBe(key);
    expect(build(({ docs }) => (docs.get('a')![2] = null))).not.toBe(key);
  });

  it('does not change with the items it links to: Astro renders a placeholder for them (src/lib/item-links.ts)', () => {
    expect(build(({ items }) => (items.get('b-1')!.title = '新标题'))).toBe(key);
    expect(build(({ items }) => (items.get('c-1')!.cityName = '辽阳市'))).toBe(key);
    expect(build(({ items }) => items.delete('b-1'))).toBe(key);
    expect(build(({ items }) => (items.get('z-1')!.title = '别的标题'))).toBe(key);
    expect(build(({ docs }) => docs.set('z', ['另一份文档']))).toBe(key);
  });

  it('changes when a department name links to another page (a form added to the alias table), names trimmed', () => {
    expect(build(({ departments }) => departments.set('市卫健局', 'health-commission'))).not.toBe(key);
    expect(build(({ departments }) => departments.delete('市妇联'))).not.toBe(key);
    expect(build(({ departments }) => departments.set('市教育局', 'education'))).toBe(key);
  });
});
