/**
 * The `indicators` collection: one entry per indicator with every target set for it, what the
 * 指标对比 pages and the item pages' target lists read.
 */
import type { IndicatorEntry, TargetEntry } from '../../../../src/lib/schemas.ts';
import { byChinese, byCodePoint } from '../../../../src/lib/collation.ts';
import { itemTitle } from '../../../../src/lib/display.ts';
import { cityName, citySlug } from '../../publish/emit/entries.ts';
import { UNKNOWN_CITY } from '../../../../src/lib/vocabulary.ts';
import { catalogueEntry, lowerIsBetter } from './catalogue.ts';
import { pairResults } from './results.ts';
import type { Item, KbDocument, KnowledgeBase, Target } from '../../types.ts';
import { collectTargets } from './index.ts';
import { indicatorSlugs } from './slug.ts';

/** The knowledge base's targets: as the pipeline found them, or found now (a KB built without the stage). */
export const targetsOf = (kb: KnowledgeBase): Target[] => kb.targets ?? collectTargets(kb.documents);

/** Most used first, ties in code-point order. */
function byUse(values: string[]): string[] {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0])).map(([v]) => v);
}

export function indicatorEntries(kb: KnowledgeBase): IndicatorEntry[] {
  const targets = targetsOf(kb);
  const docs = new Map(kb.documents.map((d) => [d.id, d]));
  const items = new Map<string, { item: Item; doc: KbDocument }>();
  for (const doc of kb.documents) for (const item of doc.items) items.set(item.id, { item, doc });
  const slugs = indicatorSlugs(targets.map((t) => t.indicator));

  const byIndicator = new Map<string, TargetEntry[]>();
  const orderInItem = new Map<string, number>();
  for (const t of targets) {
    const order = orderInItem.get(t.itemId) ?? 0;
    orderInItem.set(t.itemId, order + 1);
    const doc = docs.get(t.docId)!;
    const { item } = items.get(t.itemId)!;
    const entry: TargetEntry = {
      itemId: t.itemId,
      docId: t.docId,
      docTitle: doc.title,
      docKind: doc.kind,
      city: t.city,
      cityName: cityName(t.city),
      citySlug: citySlug(t.city),
      itemNumber: item.number,
      itemTitle: itemTitle(item),
      subject: t.subject,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      year: t.year,
      text: t.text,
      order,
    };
    const list = byIndicator.get(t.indicator);
    if (list) list.push(entry);
    else byIndicator.set(t.indicator, [entry]);
  }
  return [...byIndicator]
    .map(([name, list]): IndicatorEntry => {
      // Cities in collation order; within a city, documents and items in reading order (stable sort).
      const sorted = [...list].sort((a, b) => byChinese(a.cityName, b.cityName));
      const lower = lowerIsBetter(name);
      const results = pairResults(sorted, lower, UNKNOWN_CITY.slug);
      return {
        id: slugs.get(name)!,
        name,
        units: byUse(list.map((t) => t.unit)),
        cities: [...new Set(list.map((t) => t.cityName))].sort(byChinese),
        targets: sorted,
        lowerIsBetter: lower,
        catalogued: catalogueEntry(name) !== undefined,
        ...(results.length ? { results } : {}),
      };
    })
    .sort((a, b) => byCodePoint(a.id, b.id));
}
