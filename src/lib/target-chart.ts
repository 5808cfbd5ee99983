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
}

export interface ChartRow {
  y: number;
  label: string;
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
}

const WIDTH = 720;
const LEFT = 200;
const RIGHT = 90;
const ROW = 34;
const TOP = 12;
const AXIS = 30;
/** Names shown in a row's label before `等 N 地`. */
const NAMES_SHOWN = 2;

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
export function chartLayout(targets: readonly ChartTarget[]): ChartLayout | null {
  const distinct = new Set(targets.map((t) => formatValue(t.value, t.valueMax)));
  if (distinct.size < 2) return null;

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
  const plot = WIDTH - LEFT - RIGHT;
  const x = (v: number) => round(LEFT + (v / end) * plot);

  const rows: ChartRow[] = ordered.map((g, k) => {
    const seen = new Set<string>();
    const marks: ChartMark[] = [];
    for (const t of [...g.targets].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999))) {
      const key = `${t.year}:${t.value}:${t.valueMax}`;
      if (seen.has(key)) continue;
      seen.add(key);
      marks.push({ x: x(t.value), x2: t.valueMax === null ? null : x(t.valueMax), label: `${formatValue(t.value, t.valueMax)}${yearLabel(t.year)}` });
    }
    const shown = g.cities.slice(0, NAMES_SHOWN).join('、');
    const label = g.cities.length > NAMES_SHOWN ? `${shown}等 ${g.cities.length} 地` : shown;
    return { y: TOP + k * ROW + ROW / 2, label, cities: g.cities, marks };
  });
  const axisY = TOP + rows.length * ROW;
  const ticks: ChartLayout['ticks'] = [];
  for (let v = 0; v <= end + step / 1000; v += step) ticks.push({ x: x(v), label: String(Number(v.toFixed(6))) });
  return { width: WIDTH, height: axisY + AXIS, left: LEFT, plot, rows, ticks, axisY };
}
