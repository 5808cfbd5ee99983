/**
 * A static dot chart of one indicator's targets, laid out at build time (no browser, no
 * plotting library): one row per distinct set of targets, each target a dot (a range a bar) on
 * a value axis starting at 0, labelled with its year. Cities that set the same targets share a
 * row, so a chart of hundreds of cities that copy the national values stays a few rows tall.
 * The page's table carries the same data for anyone who cannot see the chart.
 */
import { byChinese } from './collation';
import { formatValue } from './targets';

export interface ChartTarget {
  cityName: string;
  value: number;
  valueMax: number | null;
  year: number | null;
}

export interface ChartMark {
  x: number;
  /** Right end of a range, else null. */
  x2: number | null;
  label: string;
  /** Where the label's text sits, and which end of it is at `labelX` (kept inside the chart). */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
}

export interface ChartRow {
  /** The row's value line. */
  y: number;
  label: string;
  /** Where the row's label sits: left of the plot (wide) or above the row's line (narrow). */
  labelX: number;
  labelY: number;
  /** Every city of the row, for the accessible description and the tooltip. */
  cities: string[];
  marks: ChartMark[];
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Left edge and width of the plotting area. */
  left: number;
  plot: number;
  rows: ChartRow[];
  ticks: { x: number; label: string }[];
  /** Where the axis line and its labels sit. */
  axisY: number;
  /** Which end of the row labels is at their `labelX`. */
  rowAnchor: 'start' | 'end';
}

/**
 * Two shapes of the same chart. `wide`: city labels left of the plot, for desktops. `narrow`:
 * drawn at a phone's width (the SVG is shown at about its own size, so its 13 px text stays
 * 13 px instead of shrinking with a 720-unit drawing), city labels above their row.
 */
export type ChartShape = 'wide' | 'narrow';

const SHAPES: Record<ChartShape, { width: number; left: number; right: number; cityLine: number }> = {
  wide: { width: 720, left: 200, right: 30, cityLine: 0 },
  narrow: { width: 340, left: 14, right: 14, cityLine: 18 },
};
/** Font size of the chart's text (site.css), and the height of one line of value labels. */
const FONT = 13;
const LABEL_LINE = 16;
/** The value line's room above and below it (dots, range bars). */
const LINE_ROOM = 14;
const TOP = 12;
const AXIS = 30;
/** Names shown in a row's label before `等 N 地`. */
const NAMES_SHOWN = 2;

/** Estimated width of a label at {@link FONT}: CJK and full-width forms 1 em, the rest about 0.6 em. */
export function labelWidth(label: string): number {
  let em = 0;
  for (const ch of label) em += /[\u2e80-\u9fff\uff00-\uff60\u3000-\u303f—]/.test(ch) ? 1 : 0.6;
  return em * FONT;
}

/**
 * Value labels under a row's line, left to right; a label that would run into the one before
 * it on a line goes to the next line (`10.5（2025）` and `10（2030）` sit a few pixels apart).
 * Returns each label's line (0 = first) and its anchor, keeping it inside [min, max].
 */
export function placeLabels(marks: readonly { x: number; x2: number | null; label: string }[], min: number, max: number): { line: number; labelX: number; anchor: 'start' | 'end' }[] {
  const order = marks.map((m, k) => k).sort((a, b) => marks[a]!.x - marks[b]!.x || a - b);
  const lineEnds: number[] = [];
  const out: { line: number; labelX: number; anchor: 'start' | 'end' }[] = new Array(marks.length);
  for (const k of order) {
    const m = marks[k]!;
    const width = labelWidth(m.label);
    const at = m.x;
    // Start at the dot; where it would leave the chart, end at its right-most point instead.
    const [from, to, anchor, labelX] = at + width <= max ? [at, at + width, 'start' as const, at] : [Math.max(min, (m.x2 ?? at) - width), m.x2 ?? at, 'end' as const, m.x2 ?? at];
    let line = lineEnds.findIndex((end) => end + 6 <= from);
    if (line < 0) line = lineEnds.push(0) - 1;
    lineEnds[line] = to;
    out[k] = { line, labelX, anchor };
  }
  return out;
}

/** Tick step of 1, 2, 2.5 or 5 × 10^k giving about five ticks up to `max`. */
export function niceStep(max: number): number {
  if (!(max > 0)) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

const yearLabel = (y: number | null) => (y === null ? '' : `（${y}）`);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The chart of `targets` (one unit, levels only), or null when it would show nothing a
 * sentence could not: fewer than two distinct values.
 */
export function chartLayout(targets: readonly ChartTarget[], shape: ChartShape = 'wide'): ChartLayout | null {
  const distinct = new Set(targets.map((t) => formatValue(t.value, t.valueMax)));
  if (distinct.size < 2) return null;
  const { width, left, right, cityLine } = SHAPES[shape];

  // Group cities by the set of targets they set: same signature, same row.
  const perCity = new Map<string, ChartTarget[]>();
  for (const t of targets) perCity.set(t.cityName, [...(perCity.get(t.cityName) ?? []), t]);
  const signature = (ts: ChartTarget[]) =>
    [...new Set(ts.map((t) => `${t.year ?? ''}:${formatValue(t.value, t.valueMax)}`))].sort().join('|');
  const groups = new Map<string, { cities: string[]; targets: ChartTarget[] }>();
  for (const [city, ts] of perCity) {
    const key = signature(ts);
    const g = groups.get(key);
    if (g) g.cities.push(city);
    else groups.set(key, { cities: [city], targets: ts });
  }
  const ordered = [...groups.values()]
    .map((g) => ({ ...g, cities: g.cities.sort(byChinese), top: Math.max(...g.targets.map((t) => t.valueMax ?? t.value)) }))
    .sort((a, b) => a.top - b.top || byChinese(a.cities[0]!, b.cities[0]!));

  const max = Math.max(...targets.map((t) => t.valueMax ?? t.value));
  const step = niceStep(max);
  const end = Math.ceil(max / step) * step || 1;
  const plot = width - left - right;
  const x = (v: number) => round(left + (v / end) * plot);

  let top = TOP;
  const rows: ChartRow[] = ordered.map((g) => {
    const seen = new Set<string>();
    const marks: Omit<ChartMark, 'labelX' | 'labelY' | 'anchor'>[] = [];
    for (const t of [...g.targets].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999))) {
      const key = `${t.year}:${t.value}:${t.valueMax}`;
      if (seen.has(key)) continue;
      seen.add(key);
      marks.push({ x: x(t.value), x2: t.valueMax === null ? null : x(t.valueMax), label: `${formatValue(t.value, t.valueMax)}${yearLabel(t.year)}` });
    }
    const shown = g.cities.slice(0, NAMES_SHOWN).join('、');
    const label = g.cities.length > NAMES_SHOWN ? `${shown}等 ${g.cities.length} 地` : shown;
    const placed = placeLabels(marks, left, width - 2);
    const lines = Math.max(1, ...placed.map((p) => p.line + 1));
    const y = top + cityLine + LINE_ROOM;
    const row: ChartRow = {
      y,
      label,
      labelX: shape === 'wide' ? left - 10 : left,
      labelY: shape === 'wide' ? y + 5 : top + cityLine - 4,
      cities: g.cities,
      marks: marks.map((m, k) => ({ ...m, labelX: placed[k]!.labelX, labelY: y + LINE_ROOM + 4 + placed[k]!.line * LABEL_LINE, anchor: placed[k]!.anchor })),
    };
    top = y + LINE_ROOM + lines * LABEL_LINE;
    return row;
  });
  const axisY = top;
  const ticks: ChartLayout['ticks'] = [];
  for (let v = 0; v <= end + step / 1000; v += step) ticks.push({ x: x(v), label: String(Number(v.toFixed(6))) });
  return { width, height: axisY + AXIS, left, plot, rows, ticks, axisY, rowAnchor: shape === 'wide' ? 'end' : 'start' };
}
