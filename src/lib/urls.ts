/**
 * Every URL of the site, built in one place: emit writes them into the data files, pages and
 * generated document bodies link with them, so a route change is one edit.
 */
export const itemUrl = (id: string) => `/items/${id}/`;
export const documentUrl = (id: string) => `/documents/${id}/`;
/** An item's place in its document's reader page. */
export const itemInDocumentUrl = (docId: string, itemId: string) => `${documentUrl(docId)}#${itemId}`;
export const cityUrl = (slug: string) => `/cities/${slug}/`;
export const domainUrl = (slug: string) => `/domains/${slug}/`;
export const topicUrl = (id: string) => `/topics/${id}/`;
/** The original file of a document, as published (src/pages/sources/). */
export const sourceFileUrl = (source: string) => `/sources/${encodeURIComponent(source)}`;
export const departmentUrl = (slug: string) => `/departments/${slug}/`;
/** The compare page, optionally with its choice (two documents, a domain slug) in the query. */
export const compareUrl = (choice: { a?: string; b?: string; domain?: string } = {}) => {
  const query = new URLSearchParams(Object.entries(choice).filter((e): e is [string, string] => !!e[1])).toString();
  return query ? `/compare/?${query}` : '/compare/';
};
/** A comparable document's items, words and cross-links, as the compare page reads them. */
export const compareDataUrl = (docId: string) => `/data/compare/${docId}.json`;
/** The 指标对比 overview and one indicator's page (src/pages/indicators/). */
export const indicatorsUrl = '/indicators/';
export const indicatorUrl = (slug: string) => `/indicators/${slug}/`;
