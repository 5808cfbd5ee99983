import { describe, expect, it } from 'vitest';
import { chartLayout, niceStep } from './target-chart';

describe('chartLayout', () => {
  it('draws nothing when every city sets the same value', () => {
    expect(chartLayout([{ cityName: '阜新市', value: 90, valueMax: null, year: null }, { cityName: '大安市', value: 90, valueMax: null, year: null }])).toBeNull();
  });

  it('puts each city on a row, lowest first, each target at its value with its year', () => {
    const c = chartLayout([
      { cityName: '阜新市', value: 10.5, valueMax: null, year: 2025 },
      { cityName: '阜新市', value: 10, valueMax: null, year: 2030 },
      { cityName: '大安市', value: 12, valueMax: null, year: null },
    ])!;
    expect(c.rows.map((r) => r.label)).toEqual(['阜新市', '大安市']);
    expect(c.rows[0]!.marks.map((m) => m.label)).toEqual(['10.5（2025）', '10（2030）']);
    // 0 at the left edge of the plot, a larger value further right.
    expect(c.ticks[0]).toEqual({ x: c.left, label: '0' });
    expect(c.rows[1]!.marks[0]!.x).toBeGreaterThan(c.rows[0]!.marks[0]!.x);
    expect(c.rows[1]!.marks[0]!.x).toBeLessThanOrEqual(c.left + c.plot);
  });

  it('gives cities with the same targets one row, so hundreds of cities stay a few rows', () => {
    const many = Array.from({ length: 300 }, (_, k) => ({ cityName: `城市${String(k).padStart(3, '0')}`, value: k % 3 === 0 ? 95 : 90, valueMax: null, year: 2030 }));
    const c = chartLayout(many)!;
    expect(c.rows).toHaveLength(2);
    expect(c.rows[0]!.cities).toHaveLength(200);
    expect(c.rows[0]!.label).toMatch(/等 200 地$/);
  });

  it('draws a range as a bar from its low to its high value', () => {
    const c = chartLayout([
      { cityName: '甲市', value: 0.5, valueMax: 1, year: null },
      { cityName: '乙市', value: 1, valueMax: null, year: null },
    ])!;
    const range = c.rows.flatMap((r) => r.marks).find((m) => m.x2 !== null)!;
    expect(range.x2!).toBeGreaterThan(range.x);
    expect(range.label).toBe('0.5—1');
  });
});

describe('niceStep', () => {
  it('steps of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(12)).toBe(2.5);
    expect(niceStep(100)).toBe(20);
    expect(niceStep(4.5)).toBe(1);
  });
});
