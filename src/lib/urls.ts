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
/** The 指标对比 overview and one indicator's page (src/pages/indicators/). */
export const indicatorsUrl = '/indicators/';
export const indicatorUrl = (slug: string) => `/indicators/${slug}/`;
