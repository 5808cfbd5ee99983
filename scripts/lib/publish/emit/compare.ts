/**
 * One small JSON per plan or task list for the compare page (`/data/compare/<docId>.json`):
 * its items with their words (as cuts) and cross-links, from which the page pairs two
 * documents' items in the browser (src/lib/compare.ts).
 */
import type { CompareFile } from '../../../../src/lib/compare.ts';
import { STRUCTURED_DOCUMENT_KINDS } from '../../../../src/lib/vocabulary.ts';
import { byCodePoint } from '../../../../src/lib/collation.ts';
import { compareDataUrl } from '../../../../src/lib/urls.ts';
import type { KbDocument, KnowledgeBase } from '../../types.ts';
import { targetsOf } from '../../relate/indicators/entries.ts';
import { itemCuts } from './differences.ts';
import { cityName, relatedItems, type Placed } from './entries.ts';

/** Documents the compare page offers: those whose items have domains from their own structure. */
export const comparable = (doc: KbDocument) => STRUCTURED_DOCUMENT_KINDS.has(doc.kind);

/**
 * `compare/<docId>.json` for every plan and task list: its items (repeats left out: they
 * are not linked) with their cross-links to items of other comparable documents and the
 * indicators they set targets for (a shared indicator is the strongest sign two goals match).
 */
export function compareFiles(kb: KnowledgeBase): Map<string, string> {
  return new Map(compareFileEntries(kb));
}

/** `compareFiles` one file at a time, in the same order. */
export function* compareFileEntries(kb: KnowledgeBase): Generator<[string, string]> {
  const placed = new Map<string, Placed>();
  for (const doc of kb.documents) doc.items.forEach((item, order) => placed.set(item.id, { item, doc, order }));
  const related = relatedItems(kb.links, placed);
  const indicators = new Map<string, Set<string>>();
  for (const t of targetsOf(kb)) {
    const set = indicators.get(t.itemId) ?? new Set<string>();
    set.add(t.indicator);
    indicators.set(t.itemId, set);
  }
  for (const doc of [...kb.documents].filter(comparable).sort((a, b) => byCodePoint(a.id, b.id))) {
    const data: CompareFile = {
      document: { id: doc.id, title: doc.title, city: cityName(doc.city), kind: doc.kind, populations: doc.populations },
      items: doc.items
        .filter((i) => !i.repeats)
        .map((i) => ({
          id: i.id,
          number: i.number,
          title: i.title,
          text: i.text,
          kind: i.kind,
          population: i.population,
          domain: i.domain,
          cuts: itemCuts(i),
          related: (related.get(i.id) ?? []).filter((r) => comparable(placed.get(r.id)!.doc)).map((r): [string, number] => [r.id, r.score]),
          ...(indicators.has(i.id) ? { indicators: [...indicators.get(i.id)!].sort(byCodePoint) } : {}),
        })),
    };
    // Written where the page fetches it (public/data/ is served as /data/). One line per item:
    // compact, and still readable in a diff of two builds.
    yield [compareDataUrl(doc.id).replace(/^\/data\//, ''), `{"document":${JSON.stringify(data.document)},"items":[\n${data.items.map((i) => JSON.stringify(i)).join(',\n')}\n]}\n`];
  }
}
