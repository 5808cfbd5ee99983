/**
 * The indicators collection as the pages use it, built once per build: every indicator, and
 * each item's targets (for the item pages' 量化指标 list) without each page scanning them all.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byChinese } from './collation';
import type { Comparator } from './targets';

export type IndicatorData = CollectionEntry<'indicators'>['data'];
export type TargetData = IndicatorData['targets'][number];

export interface IndicatorIndex {
  /** Most cities first, then by name. */
  all: IndicatorData[];
  bySlug: Map<string, IndicatorData>;
  /** An item's targets with their indicator, in the order the item states them. */
  byItem: Map<string, { indicator: IndicatorData; target: TargetData }[]>;
}

let index: Promise<IndicatorIndex> | undefined;

export function indicatorIndex(): Promise<IndicatorIndex> {
  index ??= getCollection('indicators').then((entries) => {
    const all = entries.map((e) => e.data).sort((a, b) => b.cities.length - a.cities.length || byChinese(a.name, b.name));
    const byItem = new Map<string, { indicator: IndicatorData; target: TargetData }[]>();
    for (const indicator of all) {
      for (const target of indicator.targets) {
        const list = byItem.get(target.itemId) ?? [];
        list.push({ indicator, target });
        byItem.set(target.itemId, list);
      }
    }
    for (const list of byItem.values()) list.sort((a, b) => a.target.order - b.target.order);
    return { all, bySlug: new Map(all.map((i) => [i.id, i])), byItem };
  });
  return index;
}

/** Comparators that state a level (≥, ≤, =, ≈), as opposed to a change or a value reached. */
export const LEVEL: ReadonlySet<Comparator> = new Set(['atLeast', 'atMost', 'hold', 'about']);

/** Lowest and highest target level in one unit, or null when none is a level. */
export function levelRange(targets: readonly TargetData[], unit: string): { min: number; max: number } | null {
  const values = targets.filter((t) => t.unit === unit && LEVEL.has(t.comparator)).flatMap((t) => [t.value, t.valueMax ?? t.value]);
  return values.length ? { min: Math.min(...values), max: Math.max(...values) } : null;
}
