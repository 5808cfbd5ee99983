/**
 * The RSS feed's order and wording, apart from the endpoint (src/pages/rss.xml.ts) so it is
 * unit-tested: newest document first by its own date; documents whose date is unknown last, by id.
 */
import { DOCUMENT_KIND_LABEL, type DocumentKind } from './vocabulary.ts';
import { documentUrl } from './urls.ts';

export interface FeedDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  cityName: string;
  date: string | null;
  docNumber: string | null;
  itemCount: number;
}

export function feedOrder<T extends Pick<FeedDocument, 'id' | 'date'>>(docs: readonly T[]): T[] {
  const byId = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...docs].sort((a, b) => {
    if (a.date && b.date) return a.date < b.date ? 1 : a.date > b.date ? -1 : byId(a, b);
    if (a.date || b.date) return a.date ? -1 : 1;
    return byId(a, b);
  });
}

/** One feed item: the document's page, its date (China time, midnight) when known. */
export function feedItem(d: FeedDocument): { title: string; link: string; pubDate?: Date; description: string; categories: string[] } {
  const facts = [DOCUMENT_KIND_LABEL[d.kind], d.cityName, d.docNumber, `${d.itemCount} 个条目`].filter((x): x is string => !!x);
  return {
    title: d.title,
    link: documentUrl(d.id),
    ...(d.date ? { pubDate: new Date(`${d.date}T00:00:00+08:00`) } : {}),
    description: facts.join(' · '),
    categories: [DOCUMENT_KIND_LABEL[d.kind], d.cityName],
  };
}
