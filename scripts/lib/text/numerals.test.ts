import { describe, expect, it } from 'vitest';
import { parseNumeral } from './numerals.ts';

describe('parseNumeral', () => {
  it('reads 一…十', () => {
    expect([...'一二三四五六七八九十'].map(parseNumeral)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(parseNumeral('两')).toBe(2);
  });

  it('reads tens and units below 100', () => {
    expect(parseNumeral('十一')).toBe(11);
    expect(parseNumeral('十二')).toBe(12);
    expect(parseNumeral('二十')).toBe(20);
    expect(parseNumeral('二十三')).toBe(23);
    expect(parseNumeral('九十九')).toBe(99);
  });

  it('reads zero', () => {
    expect(parseNumeral('〇')).toBe(0);
    expect(parseNumeral('零')).toBe(0);
  });

  it('reads Arabic digits, ASCII or full-width', () => {
    expect(parseNumeral('4')).toBe(4);
    expect(parseNumeral('12')).toBe(12);
    expect(parseNumeral('１２')).toBe(12);
    expect(parseNumeral('2025')).toBe(2025);
  });

  it('refuses what is not one number below 100', () => {
    for (const t of ['', '1十', '十2', '一二', '十十', '二十三十', '三二十', '〇十', '二十〇', '一百', '是', '一是', ' 一'])
      expect(parseNumeral(t), t).toBeNull();
  });
});
