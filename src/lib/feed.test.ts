import { describe, expect, it } from 'vitest';
import { feedItem, feedOrder } from './feed.ts';

describe('the documents feed', () => {
  it('puts the newest first, by document date, and documents without a date last', () => {
    const docs = [
      { id: 'a', date: null },
      { id: 'b', date: '2022-07-12' },
      { id: 'c', date: '2025-12-22' },
      { id: 'd', date: null },
      { id: 'e', date: '2025-06-27' },
      { id: 'f', date: '2025-12-22' },
    ];
    expect(feedOrder(docs).map((d) => d.id)).toEqual(['c', 'f', 'e', 'b', 'a', 'd']);
    expect(feedOrder([...docs].reverse()).map((d) => d.id)).toEqual(['c', 'f', 'e', 'b', 'a', 'd']);
  });

  it('links the document page, dates it in China time, and says what it is', () => {
    const item = feedItem({ id: '001_x', title: '阜新市妇女发展规划', kind: 'plan', cityName: '阜新市', date: '2022-07-12', docNumber: '阜政发〔2022〕11号', itemCount: 339 });
    expect(item).toEqual({
      title: '阜新市妇女发展规划',
      link: '/documents/001_x/',
      pubDate: new Date('2022-07-11T16:00:00Z'),
      description: '发展规划 · 阜新市 · 阜政发〔2022〕11号 · 339 个条目',
      categories: ['发展规划', '阜新市'],
    });
    expect(feedItem({ id: 'y', title: 't', kind: 'speech', cityName: '未知地区', date: null, docNumber: null, itemCount: 3 })).not.toHaveProperty('pubDate');
  });
});
