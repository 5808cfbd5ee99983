/**
 * What the ingest tells the editor about indicators: how many the documents set, how many the
 * catalogue (catalogue.ts) knows, and the names it does not know. An unknown name still gets an
 * indicator page of its own; if it is a catalogue indicator written another way, it splits that
 * indicator in two until the form is added to the entry's aliases, so the editor should see it.
 */
import type { Target } from '../../types.ts';
import { catalogueEntry } from './catalogue.ts';

export interface IndicatorCoverage {
  indicators: number;
  known: number;
  /** Names the catalogue does not know, with how many targets and the first item that states one. */
  unknown: { name: string; targets: number; firstItem: string }[];
}

export function indicatorCoverage(targets: readonly Target[]): IndicatorCoverage {
  const names = new Map<string, { targets: number; firstItem: string }>();
  for (const t of targets) {
    const n = names.get(t.indicator);
    if (n) n.targets++;
    else names.set(t.indicator, { targets: 1, firstItem: t.itemId });
  }
  const unknown = [...names].filter(([name]) => !catalogueEntry(name)).map(([name, n]) => ({ name, ...n }));
  return { indicators: names.size, known: names.size - unknown.length, unknown };
}

/** The ingest's lines, in Chinese. */
export function indicatorReport(targets: readonly Target[]): string[] {
  const c = indicatorCoverage(targets);
  if (!c.indicators) return [];
  const lines = [`指标：读出 ${targets.length} 条目标、${c.indicators} 项指标，其中 ${c.known} 项在指标目录中（scripts/lib/relate/indicators/catalogue.ts）`];
  if (c.unknown.length) {
    lines.push(
      `  指标目录未收录 ${c.unknown.length} 项（各自单列一页；如其中某项是目录中指标的另一种写法，请把这种写法加到该指标的 aliases 中）：${c.unknown.map((u) => `${u.name}（${u.firstItem}）`).join('、')}`,
    );
  }
  return lines;
}
