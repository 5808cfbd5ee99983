import { describe, expect, it } from 'vitest';
import { chartLayout, labelWidth, niceStep, placeLabels, type ChartLayout } from './target-chart';

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

/** Pairs of value labels of one row whose estimated boxes overlap. */
function collisions(c: ChartLayout): string[] {
  const out: string[] = [];
  for (const r of c.rows) {
    const boxes = r.marks.map((m) => {
      const w = labelWidth(m.label);
      const from = m.anchor === 'start' ? m.labelX : m.labelX - w;
      return { from, to: from + w, y: m.labelY, label: m.label };
    });
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => { if (a.y === b.y && a.from < b.to && b.from < a.to) out.push(`${a.label} × ${b.label}`); }));
  }
  return out;
}

describe('labels that stay readable', () => {
  const fuxin = [
    { cityName: '阜新市', value: 10.5, valueMax: null, year: 2025 },
    { cityName: '阜新市', value: 10, valueMax: null, year: 2030 },
    { cityName: '大安市', value: 12, valueMax: null, year: null },
  ];

  it('never draws two value labels over each other, at either shape', () => {
    for (const shape of ['wide', 'narrow'] as const) {
      const c = chartLayout(fuxin, shape)!;
      expect(collisions(c), shape).toEqual([]);
      // 10.5（2025） and 10（2030） are a few units apart: the second goes to its own line.
      const [a, b] = c.rows[0]!.marks;
      expect(a!.labelY, shape).not.toBe(b!.labelY);
    }
  });

  it('keeps every label inside the drawing', () => {
    const c = chartLayout([{ cityName: '甲市', value: 99.5, valueMax: null, year: 2030 }, { cityName: '乙市', value: 98, valueMax: null, year: 2025 }], 'narrow')!;
    for (const m of c.rows.flatMap((r) => r.marks)) {
      const w = labelWidth(m.label);
      const from = m.anchor === 'start' ? m.labelX : m.labelX - w;
      expect(from).toBeGreaterThanOrEqual(0);
      expect(from + w).toBeLessThanOrEqual(c.width);
    }
  });

  it('draws the narrow shape at a phone width, with city labels above their row', () => {
    const c = chartLayout(fuxin, 'narrow')!;
    expect(c.width).toBeLessThanOrEqual(360);
    for (const r of c.rows) expect(r.labelY).toBeLessThan(r.y);
    // The plot takes nearly the whole width: no 200-unit label column.
    expect(c.plot).toBeGreaterThan(c.width * 0.8);
  });

  it('puts labels far apart on one line', () => {
    const placed = placeLabels([{ x: 10, x2: null, label: '5%' }, { x: 300, x2: null, label: '9%' }], 0, 720);
    expect(placed.map((p) => p.line)).toEqual([0, 0]);
  });
});

describe('niceStep', () => {
  it('steps of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(12)).toBe(2.5);
    expect(niceStep(100)).toBe(20);
    expect(niceStep(4.5)).toBe(1);
  });
});
