/**
 * One page of every kind the site has, chosen from what the build wrote: shared by the
 * accessibility sweep and the phone-layout test, so a new page kind is checked by both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { DIST } from './kb.ts';

/** Over 20 results: the page shows the 显示更多结果 button and a folded duplicate. */
export const SEARCH_QUERY = '托育';

const readJson = <T>(name: string): T => JSON.parse(readFileSync(`${DIST}/data/${name}.json`, 'utf8')) as T;

/** An indicator page with a chart (cities' values differ), if the build wrote one. */
const indicatorWithChart = (): string[] =>
  readdirSync(`${DIST}/indicators`, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readFileSync(`${DIST}/indicators/${d.name}/index.html`, 'utf8').includes('role="img"'))
    .map((d) => d.name)
    .sort()
    .slice(0, 1);

/** One page of every kind, chosen from what the build wrote. */
export function representativePages(): [string, string][] {
  const documents = readJson<{ id: string }[]>('documents');
  const links = readJson<{ source: string }[]>('links');
  const topics = readJson<{ id: string }[]>('topics');
  const opinionItem = readJson<{ id: string; kind: string }[]>('items').find((i) => i.kind === 'recommendation');
  // A domain page whose matrix has both ✓ (links) and — (missing) cells.
  const domain = readdirSync(`${DIST}/domains`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .find((slug) => {
      const html = readFileSync(`${DIST}/domains/${slug}/index.html`, 'utf8');
      return html.includes('class="matrix"') && html.includes('class="missing"');
    });
  const comparable = readdirSync(`${DIST}/data/compare`).sort().map((f) => f.replace(/\.json$/, ''));
  const city = readdirSync(`${DIST}/cities`).includes('da-an-shi') ? 'da-an-shi' : readdirSync(`${DIST}/cities`).find((n) => !n.endsWith('.html'));
  return [
    ['home', '/'],
    ['documents index', '/documents/'],
    ...documents.map((d): [string, string] => [`reader ${d.id}`, `/documents/${d.id}/`]),
    ...(domain ? [['domain matrix', `/domains/${domain}/`] as [string, string]] : []),
    ...(links[0] ? [['item with related', `/items/${links[0].source}/`] as [string, string]] : []),
    ...(opinionItem ? [['opinion item with plan measures', `/items/${opinionItem.id}/`] as [string, string]] : []),
    ['city', `/cities/${city}/`],
    ...(topics[0] ? [['topic', `/topics/${topics[0].id}/`] as [string, string]] : []),
    ['topics index', '/topics/'],
    ['departments index', '/departments/'],
    ['department', '/departments/health/'],
    ['search with results', `/search/?q=${encodeURIComponent(SEARCH_QUERY)}`],
    // A Latin query near no glossary term (childcare now finds 托育's items, issue 17).
    ['search without results', '/search/?q=zzqxw'],
    ['data', '/data/'],
    // Two comparable documents compared (on the seeds 阜新's plans and 大安's task lists), results rendered.
    ...(comparable.length > 1 ? [['compare', `/compare/?a=${comparable[0]}&b=${comparable[1]}&domain=women-health`] as [string, string]] : []),
    ['indicators index', '/indicators/'],
    ...indicatorWithChart().map((slug): [string, string] => ['indicator', `/indicators/${slug}/`]),
    ['about', '/about/'],
    ['methodology', '/methodology/'],
    // Long prose with h2–h4 sections, tables and code blocks, written in MDX.
    ['guide', '/guide/'],
  ];
}

