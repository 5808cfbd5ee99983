/** The search page: query and filters in the URL, Pagefind results rendered as a list. */
import { loadPagefind, type Pagefind, type PagefindResultData } from './pagefind.ts';

const SHOWN = 30;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string): HTMLElementTagNameMap[K] {
  const n = document.createElement(tag);
  Object.assign(n, props);
  if (text !== undefined) n.textContent = text;
  return n;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Pagefind matches the words of a Chinese query separately (母婴安全 → 母婴 + 安全), so a page
 * with both words far apart can outrank one with the phrase itself. Among the top results, put
 * pages that contain every query term verbatim first, keeping Pagefind's order otherwise.
 */
function phraseFirst(results: PagefindResultData[], query: string): PagefindResultData[] {
  const terms = query.split(/\s+/).filter(Boolean).map(squash);
  const exact = (r: PagefindResultData) => terms.length > 0 && terms.every((t) => squash(r.content).includes(t));
  return [...results.filter(exact), ...results.filter((r) => !exact(r))];
}

function resultItem(r: PagefindResultData): HTMLLIElement {
  const li = el('li');
  // Tagged for the browser tests and for styling; values are the page's filter values.
  li.dataset.url = r.url;
  li.dataset.city = (r.filters.city ?? []).join('|');
  li.dataset.kind = (r.filters.kind ?? []).join('|');
  li.append(el('a', { href: r.url, className: 'title' }, r.meta.title ?? r.url));
  const tags = [...(r.filters.city ?? []), ...(r.filters.kind ?? []), ...(r.filters.domain ?? [])];
  for (const t of tags) li.append(' ', el('span', { className: 'tag' }, t));
  // Pagefind excerpts are HTML-escaped page text with <mark> around hits.
  const p = el('p');
  p.innerHTML = r.excerpt;
  li.append(p);
  return li;
}

async function start(): Promise<void> {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('q');
  const status = byId<HTMLElement>('status');
  const list = byId<HTMLOListElement>('results');
  const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  let pagefind: Pagefind;
  try {
    // Title matches get only a small boost: topic and listing pages repeat item titles, and the
    // item page's own h1 already carries the heading weight.
    pagefind = await loadPagefind({ excerptLength: 40, ranking: { metaWeights: { title: 1 } } });
  } catch (e) {
    status.textContent = '搜索索引未能加载。';
    throw e;
  }

  const available = await pagefind.filters();
  for (const sel of selects) {
    const name = sel.dataset.filter!;
    const values = Object.entries(available[name] ?? {}).sort((a, b) => a[0].localeCompare(b[0], 'zh-Hans-CN'));
    for (const [value, count] of values) sel.append(el('option', { value }, `${value}（${count}）`));
    sel.value = params.get(name) ?? '';
  }

  async function run(): Promise<void> {
    const q = input.value.trim();
    const filters: Record<string, string> = {};
    for (const sel of selects) if (sel.value) filters[sel.dataset.filter!] = sel.value;
    const url = new URL(location.href);
    url.search = '';
    if (q) url.searchParams.set('q', q);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    history.replaceState(null, '', url);
    list.replaceChildren();
    if (!q && !Object.keys(filters).length) {
      status.textContent = '';
      return;
    }
    status.textContent = '搜索中…';
    const search = await pagefind.search(q || null, { filters });
    const loaded = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
    const top = phraseFirst(loaded, q).slice(0, SHOWN);
    status.textContent = `找到 ${search.results.length} 个结果${search.results.length > SHOWN ? `，显示前 ${SHOWN} 个` : ''}。`;
    list.append(...top.map(resultItem));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  for (const sel of selects) sel.addEventListener('change', () => void run());
  await run();
}

void start();
