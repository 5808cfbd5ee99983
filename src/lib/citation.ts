/**
 * How to cite a document or one of its items, in the form Chinese researchers use for online
 * sources (GB/T 7714—2015, 电子资源 [EB/OL]): issuer. title (文号): the item's place[EB/OL].
 * (date)[date accessed]. URL. DOM-free, so the pages and the tests share it.
 *
 * The date accessed is the reader's, not the build's: the page prints {@link ACCESSED} in its
 * place and a small script puts in today's date (a build-time date would make every page
 * change every day).
 */
import { itemName, type NamedItem } from './item-name';

/** Stands where the reader's date of access goes until the page's script fills it in. */
export const ACCESSED = '引用日期';

export interface CitedDocument {
  title: string;
  issuer: string | null;
  docNumber: string | null;
  /** ISO date `YYYY-MM-DD` or null. */
  date: string | null;
}

export type CitedItem = NamedItem;

/**
 * The citation as one line of text. `accessed` is the date of access (`YYYY-MM-DD`), or
 * {@link ACCESSED} as a placeholder; `url` is absolute.
 */
export function citation(doc: CitedDocument, url: string, accessed: string, item?: CitedItem): string {
  const title = doc.docNumber ? `${doc.title}（${doc.docNumber}）` : doc.title;
  const place = item ? `：${itemName(item)}` : '';
  const published = doc.date ? `(${doc.date})` : '';
  return `${doc.issuer ? `${doc.issuer}. ` : ''}${title}${place}[EB/OL]. ${published}[${accessed}]. ${url}.`;
}

/** Today as `YYYY-MM-DD` in the reader's time zone (used by the page's script). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
