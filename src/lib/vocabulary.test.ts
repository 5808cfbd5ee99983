import { describe, expect, it } from 'vitest';
import { byChinese, byCodePoint } from './collation.ts';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABEL, DOMAINS, ITEM_KINDS, ITEM_KIND_LABEL, LEVELS, LEVEL_LABEL, POPULATIONS, describeCodes } from './vocabulary.ts';

describe('vocabulary', () => {
  it('labels every code, and nothing else', () => {
    expect(Object.keys(ITEM_KIND_LABEL)).toEqual([...ITEM_KINDS]);
    expect(Object.keys(DOCUMENT_KIND_LABEL)).toEqual([...DOCUMENT_KINDS]);
    expect(Object.keys(LEVEL_LABEL)).toEqual([...LEVELS]);
    for (const label of [...Object.values(ITEM_KIND_LABEL), ...Object.values(DOCUMENT_KIND_LABEL), ...Object.values(LEVEL_LABEL)]) {
      expect(label.trim()).not.toBe('');
    }
  });

  it('has the 15 canonical domains, 8 for women and 7 for children, numbered in national order', () => {
    for (const [p, n] of [[POPULATIONS[0], 8], [POPULATIONS[1], 7]] as const) {
      expect(DOMAINS.filter((d) => d.population === p).map((d) => d.order)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    }
    expect(new Set(DOMAINS.map((d) => d.slug)).size).toBe(15);
  });

  it('describes coded fields for the data page', () => {
    expect(describeCodes(ITEM_KIND_LABEL)).toBe('goal 主要目标 / measure 策略措施 / recommendation 审议建议 / report 落实情况 / speech 讲话要点');
  });
});

describe('collation', () => {
  it('orders Chinese names by pinyin, as readers expect, not by code point', () => {
    const cities = ['阜新市', '大安市', '鞍山市', '上海市静安区'];
    expect([...cities].sort(byChinese)).toEqual(['鞍山市', '大安市', '阜新市', '上海市静安区']);
    expect([...cities].sort(byCodePoint)).toEqual(['上海市静安区', '大安市', '阜新市', '鞍山市']);
  });
});
