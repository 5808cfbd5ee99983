/**
 * The search page: query and filters in the URL, Pagefind results shown a page at a time.
 * Longer than our other modules (about 500 lines) because it is the page's one controller: the
 * DOM-free parts already live beside it (search-query.ts understands the query, search-correct.ts
 * proposes corrections, search-text.ts orders and marks results, pagefind.ts loads the index).
 * The next split is rendering (results, filters, the no-results panel) from fetching.
 */
import { byChinese } from '../lib/collation.ts';
import { COMMON_TERMS, suggest, type GlossaryEntry } from '../lib/search-glossary.ts';
import { correctQuery, lexicon, type Lexicon } from './search-correct.ts';
import { matchesWords, pagefindSearch, phraseHolds, understand, type QueryPlan } from './search-query.ts';
import { englishIndex, isLatinQuery, type EnglishIndex } from './search-english.ts';
import { optionalJson } from './optional-json.ts';
import { ENGLISH_FILE, type SearchEnglish } from '../lib/search-english.ts';
import { VOCABULARY_FILE, type SearchVocabulary } from '../lib/search-vocabulary.ts';
import { excerptText, foldKey, markedRuns, phraseFirst, settledCount, termPattern, termsOf } from './search-text.ts';
import { loadPagefind, readBoot, type FilterCounts, type Pagefind, type PagefindResult, type PagefindResultData, type PagefindSearch } from './pagefind.ts';

const PAGE = 20;
/** Results whose fragments load first, before the rest of the page: about a phone screen's worth. */
const FIRST = 5;
/**
 * Among this many first results, those holding the exact query move to the top (phrase-first).
 * Their fragments are loaded a page at a time, only as far as the results shown need: a result
 * holding the query as typed is in its final place as soon as it is loaded.
 */
const PHRASE_WINDOW = 50;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string): HTMLElementTagNameMap[K] {
  const n = document.createElement(tag);
  Object.assign(n, props);
  if (text !== undefined) n.textContent = text;
  return n;
}

const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('q');
const status = byId<HTMLElement>('status');
const list = byId<HTMLOListElement>('results');
const more = byId<HTMLButtonElement>('more');
const noResults = byId<HTMLElement>('no-results');
const didYouMean = byId<HTMLElement>('did-you-mean');
const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
const FILTER_NAMES = selects.map((s) => s.dataset.filter!);
const glossary = JSON.parse(noResults.dataset.glossary ?? '[]') as GlossaryEntry[];
// The layout's title is "搜索 · <site>": a query replaces the first part, the site name stays.
const baseTitle = document.title;
const siteSuffix = baseTitle.includes(' · ') ? baseTitle.slice(baseTitle.indexOf(' · ')) : '';

/**
 * <mark> around verbatim occurrences of whole query terms only: Pagefind marks each segment it
 * matched, and splits 托育 into 托 + 育, so 生育 and 教育 lit up. Built from text, never parsed.
 */
function highlighted(text: string, pattern: RegExp | null): (string | Node)[] {
  return markedRuns(text, pattern).map((run) => (run.marked ? el('mark', {}, run.text) : run.text));
}

/** The values of the page's filters on its element, for styling and the browser tests. */
function tag(node: HTMLElement, r: PagefindResultData): void {
  node.dataset.url = r.url;
  for (const name of FILTER_NAMES) node.dataset[name] = (r.filters[name] ?? []).join('|');
}


interface Group {
  li: HTMLLIElement;
  members: PagefindResultData[];
}

/** A result not loaded yet, with the search that found it (its words are checked once loaded). */
interface Pending {
  r: PagefindResult;
  search: string | null;
}

/** The first results, ordered phrase-first once loaded. */
interface PhraseWindow {
  unloaded: Pending[];
  kept: { p: Pending; d: PagefindResultData }[];
  /** Set once every result of the window is loaded and placed. */
  done: boolean;
}

/** Whether a loaded result holds its search's words as words of its text (托儿所 ≠ 依托|儿科). */
const genuine = (d: PagefindResultData, search: string | null) => !search || matchesWords(d, search, lex);

interface View {
  total: number;
  pattern: RegExp | null;
  /** Results in their final display order; `pending` are past the phrase window, not loaded yet. */
  loaded: PagefindResultData[];
  win: PhraseWindow;
  pending: Pending[];
  /** Said after the count: how a question was understood. */
  note: string;
  /** Results rendered so far, folded ones included. */
  shown: number;
  /** The visitor's own search (its results in the window are ordered phrase-first) and its terms. */
  own: string | null;
  ownTerms: string[];
  groups: Map<string, Group>;
}

/**
 * A result: its heading (an item's is `城市 · 编号 标题`), its filters as labels, then a passage of
 * its own text around the match. Departments are searchable meta, shown on their own line,
 * marked too: a query for 市妇联 shows why a measure was found without mixing them into the passage.
 */
function resultItem(r: PagefindResultData, pattern: RegExp | null): HTMLLIElement {
  const li = el('li');
  tag(li, r);
  const title = r.meta.title ?? r.url;
  li.append(el('a', { href: r.url, className: 'title' }, title));
  // The heading names an item's city already.
  const cities = (r.filters.city ?? []).filter((c) => !title.startsWith(`${c} · `));
  const tags = [...cities, ...(r.filters.kind ?? []), ...(r.filters.domain ?? []), ...(r.filters.population ?? [])];
  for (const t of tags) li.append(' ', el('span', { className: 'tag' }, t));
  const p = el('p', { className: 'excerpt' });
  p.append(...highlighted(excerptText(r, pattern), pattern));
  li.append(p);
  const departments = [
    ['牵头部门', r.meta.lead],
    ['配合部门', r.meta.partner],
  ].filter((x): x is [string, string] => !!x[1]);
  if (departments.length) {
    const dp = el('p', { className: 'departments muted' });
    departments.forEach(([label, names], i) => dp.append(i ? '；' : '', `${label}：`, ...highlighted(names, pattern)));
    li.append(dp);
  }
  return li;
}

/**
 * Near-duplicates (a goal and a measure with one title, a speech printed twice with small edits)
 * are one entry with links to the others; a link names what differs: kind and domain.
 */
function renderFold(g: Group): void {
  const p = g.li.querySelector<HTMLParagraphElement>('.folded') ?? g.li.appendChild(el('p', { className: 'folded' }));
  const labels = g.members.map((r) => [r.filters.kind?.[0], r.filters.domain?.[0]].filter(Boolean).join(' · ') || r.url);
  p.replaceChildren(`另有 ${g.members.length - 1} 条相同标题的结果：`);
  g.members.slice(1).forEach((r, i) => {
    const label = labels[i + 1]!;
    const a = el('a', { href: r.url }, labels.indexOf(label) <= i ? `${label}（${i + 2}）` : label);
    tag(a, r);
    p.append(i ? '、' : '', a);
  });
}

let pagefind: Pagefind;
/** The index's words (did-you-mean, rejoining); absent if its file failed to load. */
let lex: Lexicon | undefined;
let lexLoad: Promise<Lexicon | undefined> | undefined;
/**
 * The vocabulary, fetched only when a query needs it (pinyin, weak results): the first search
 * on a phone does not wait for it. Without it, search still runs (no did-you-mean).
 */
const loadLex = () => (lexLoad ??= optionalJson<SearchVocabulary>(`/${VOCABULARY_FILE}`).then((v) => (lex = v ? lexicon(v) : undefined)));
/** English glosses of the index's words (search-english.ts), fetched only for a Latin query. */
let english: EnglishIndex | undefined;
let englishLoad: Promise<EnglishIndex | undefined> | undefined;
const loadEnglish = () => (englishLoad ??= optionalJson<SearchEnglish>(`/${ENGLISH_FILE}`).then((e) => (english = e ? englishIndex(e) : undefined)));
/** Written into the page's head by postbuild: the filters' values and totals, no fetch needed. */
const boot = readBoot();
let totals: FilterCounts = boot?.filters ?? {};
/**
 * Pagefind's filter chunks, which its searches need to count results per option. Fetched after
 * a query's first results are on screen, never before; on a large site (countsOnDemand) only
 * once a filter is used, since they outweigh the rest of a first query (840 KB on 300 documents).
 */
let filterLists: Promise<void> | undefined;
let listsLoaded = false;
const loadFilterLists = () =>
  (filterLists ??= pagefind.filters().then((t) => {
    if (!boot?.filters) totals = t;
    listsLoaded = true;
  }));
/** Whether the options show counts for a query (else only their values until a filter is used). */
let countsWanted = !boot?.countsOnDemand;
/** The query and filters whose counts the options should show, once counted. */
let counted: { view: View; q: string; filters: Record<string, string> } | undefined;
/** The results on screen; replaced by each search. */
let current: View | undefined;
let runs = 0;

/** Places the window's loaded results; only those in their final place while some are not loaded. */
function settle(view: View): void {
  const w = view.win;
  if (w.done) return;
  const all = ordered(w.kept, view.own, view.ownTerms);
  if (!w.unloaded.length) {
    view.loaded = all;
    w.done = true;
    return;
  }
  const own = phraseFirst(w.kept.filter(({ p }) => p.search === view.own).map(({ d }) => d), view.ownTerms);
  view.loaded = own.slice(0, view.ownTerms.length ? settledCount(own, view.ownTerms) : own.length);
}

/** Loads the fragments of the window's next `n` results; drops those that do not hold their search's words. */
async function loadWindow(w: PhraseWindow, n: number): Promise<number> {
  const batch = w.unloaded.splice(0, n);
  const data = await Promise.all(batch.map((p) => p.r.data()));
  const kept = batch.map((p, i) => ({ p, d: data[i]! })).filter(({ p, d }) => genuine(d, p.search));
  w.kept.push(...kept);
  return batch.length - kept.length;
}

/** Loads the next results' fragments (the window's, a page at a time, then those past it); false when none are left. */
async function loadNext(view: View, want: number): Promise<boolean> {
  if (!view.win.done) {
    // A window not done has unloaded results (settle marks it done once they are all in).
    view.total -= await loadWindow(view.win, PAGE);
    settle(view);
    return true;
  }
  if (view.loaded.length >= want || !view.pending.length) return false;
  const batch = view.pending.splice(0, want - view.loaded.length);
  const data = await Promise.all(batch.map((p) => p.r.data()));
  const kept = batch.map((p, i) => ({ p, d: data[i]! })).filter(({ p, d }) => genuine(d, p.search));
  view.total -= data.length - kept.length;
  view.loaded.push(...ordered(kept, view.own, view.ownTerms));
  return true;
}

/** Appends the placed results up to `want` not shown yet; returns the first new list item. */
function render(view: View, want: number): HTMLLIElement | undefined {
  let first: HTMLLIElement | undefined;
  for (const r of view.loaded.slice(view.shown, want)) {
    const key = foldKey(r);
    const group = view.groups.get(key);
    if (group) {
      group.members.push(r);
      renderFold(group);
    } else {
      const li = resultItem(r, view.pattern);
      view.groups.set(key, { li, members: [r] });
      list.append(li);
      first ??= li;
    }
  }
  view.shown = Math.max(view.shown, Math.min(want, view.loaded.length));
  return first;
}

/**
 * Shows up to n more results, loading their data as needed; returns the first new list item.
 * On a search's first page (`first`), results are appended as soon as they are in their final
 * place, before the rest of the page has loaded: the list grows but never reorders under the
 * reader, and the count is left to run(), which announces it after the filter counts. Later
 * pages (显示更多结果) appear at once, with their count.
 */
async function showMore(view: View, n: number, first = false): Promise<HTMLLIElement | undefined> {
  const want = view.shown + n;
  settle(view);
  let added: HTMLLIElement | undefined;
  const append = () => {
    const li = render(view, want);
    added ??= li;
  };
  for (;;) {
    if (view !== current) return undefined;
    if (first) append();
    if (view.loaded.length >= want || !(await loadNext(view, want))) break;
  }
  if (view !== current) return undefined;
  append();
  if (!first) announceCount(view);
  return added;
}

/** The live status announces the count shown; the button offers the rest. */
function announceCount(view: View): void {
  const all = view.shown >= view.total;
  status.textContent = `找到 ${view.total} 个结果${view.total <= PAGE ? '' : all ? '，已全部显示' : `，显示前 ${view.shown} 个`}。${view.note}`;
  more.hidden = all;
  more.textContent = `显示更多结果（还有 ${view.total - view.shown} 个）`;
}

/**
 * Each option shows what choosing it would give for this query. Pagefind's search.filters counts
 * within the current filters, right for the other selects; a select's own choice has to be left
 * out (choosing 阜新市 replaces 大安市, it does not narrow it), hence one more search for each.
 */
async function countsFor(q: string, filters: Record<string, string>, search?: PagefindSearch): Promise<FilterCounts> {
  const counts: FilterCounts = {};
  // A search run before the filter chunks were in has counts only for the filters it used.
  await loadFilterLists();
  search ??= await pagefind.search(q || null, { filters });
  for (const name of FILTER_NAMES) {
    const others = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== name));
    if (!q && !Object.keys(others).length) counts[name] = totals[name] ?? {};
    else if (!filters[name]) counts[name] = search.filters[name] ?? {};
    else counts[name] = (await pagefind.search(q || null, { filters: others })).filters[name] ?? {};
  }
  return counts;
}

/** Each option with its count, or only its value while the counts are not loaded. */
function showCounts(counts: FilterCounts | undefined): void {
  for (const sel of selects) {
    for (const opt of sel.options) if (opt.value) opt.textContent = counts ? `${opt.value}（${counts[sel.dataset.filter!]?.[opt.value] ?? 0}）` : opt.value;
  }
}

/** A filter is about to be used (countsOnDemand): from now on the options show counts, this query's first. */
async function wantCounts(): Promise<void> {
  if (countsWanted) return;
  countsWanted = true;
  const c = counted;
  if (!c) return;
  const counts = await countsFor(c.q, c.filters);
  if (c.view === current) showCounts(counts);
}

/** The selects' options, from the totals; a value from an old link that the index no longer has stays selected (and shows （0）). */
function fillOptions(params: URLSearchParams): void {
  for (const sel of selects) {
    const name = sel.dataset.filter!;
    const values = Object.keys(totals[name] ?? {}).sort(byChinese);
    const wanted = params.get(name);
    if (wanted && !values.includes(wanted)) values.push(wanted);
    sel.replaceChildren(sel.options[0]!, ...values.map((value) => el('option', { value }, value)));
    sel.value = wanted ?? '';
  }
}

/** Glossary terms near a query that found nothing (pinyin, English, typos), and a way out of filters. */
function showNoResults(q: string, filters: Record<string, string>, search: PagefindSearch): void {
  noResults.hidden = false;
  const unfiltered = byId<HTMLParagraphElement>('unfiltered');
  unfiltered.hidden = !(q && Object.keys(filters).length && search.unfilteredResultCount > 0);
  if (!unfiltered.hidden) {
    const a = el('a', { href: `/search/?${new URLSearchParams({ q })}` }, `不限条件搜索「${q}」`);
    unfiltered.replaceChildren(`去掉筛选条件后有 ${search.unfilteredResultCount} 个结果：`, a, '。');
  }
  const hits = q ? suggest(q, glossary) : [];
  const latin = !/\p{Script=Han}/u.test(q);
  byId('suggest-intro').textContent = `${latin ? '本站的文件都是中文。' : ''}${hits.length ? `与「${q}」相近的中文检索词：` : '可以试试这些常用检索词：'}`;
  const shown = hits.length ? hits : glossary.filter((e) => COMMON_TERMS.includes(e.term));
  byId('suggestions').replaceChildren(
    ...shown.map((e) => {
      const li = el('li');
      li.append(el('a', { href: `/search/?${new URLSearchParams({ q: e.term })}` }, e.term), ' ', el('span', { className: 'muted' }, [e.pinyin, e.en?.[0]].filter(Boolean).join(' · ')));
      return li;
    }),
  );
}

interface Saved {
  shown: number;
  y: number;
}
const savedKey = () => `search-view:${location.href}`;

/** What the visitor had on screen, when they come back to this URL (Back, reload). */
function loadSaved(): Saved | undefined {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav?.type !== 'back_forward' && nav?.type !== 'reload') return undefined;
  try {
    const s = JSON.parse(sessionStorage.getItem(savedKey()) ?? 'null') as Partial<Saved> | null;
    return s && Number.isFinite(s.shown) && Number.isFinite(s.y) ? (s as Saved) : undefined;
  } catch {
    return undefined;
  }
}

const params = () => new URLSearchParams(location.search);

interface Gathered {
  plan: QueryPlan;
  queries: (string | null)[];
  search: PagefindSearch;
  terms: string[];
  /** Results of all the plan's searches that hold their words, less those dropped so far. */
  total: number;
  win: PhraseWindow;
  pending: Pending[];
}

/** A loaded page of results: phrase-first within the visitor's own search; the plan words' results follow. */
function ordered(kept: { p: Pending; d: PagefindResultData }[], own: string | null, terms: string[]): PagefindResultData[] {
  const first = kept.filter(({ p }) => p.search === own).map(({ d }) => d);
  const rest = kept.filter(({ p }) => p.search !== own).map(({ d }) => d);
  return [...phraseFirst(first, terms), ...rest];
}

/** The results of a query: its plan's searches merged, the first ones loaded and ordered phrase-first. */
async function gather(q: string, filters: Record<string, string>, withLex = true, partial = false): Promise<Gathered> {
  // The visitor's query first, then the plans' words for its everyday words (search-query.ts).
  const plan = understand(q, glossary, withLex ? lex : undefined, english, partial);
  const planned: (string | null)[] = plan.searches.length ? plan.searches : [null];
  // A term the browser cuts into characters (托育) as a phrase, where the phrase stands for it (search-query.ts).
  const chosen = await Promise.all(planned.map(async (s) => {
    const phrase = s && pagefindSearch(s);
    if (!phrase || phrase === s) return { s, r: await pagefind.search(s, { filters }) };
    const [quoted, plain] = await Promise.all([pagefind.search(phrase, { filters }), pagefind.search(s, { filters })]);
    // Decided on the counts without filters, so that a filter never changes what the words mean.
    return phraseHolds(quoted.unfilteredResultCount, plain.unfilteredResultCount) ? { s: phrase, r: quoted } : { s, r: plain };
  }));
  const queries = chosen.map((c) => c.s);
  const searches = chosen.map((c) => c.r);
  performance.mark('kb:searched');
  const seen = new Set<string>();
  const merged: Pending[] = [];
  searches.forEach((s, i) => {
    for (const r of s.results) if (!seen.has(r.id)) seen.add(r.id), merged.push({ r, search: queries[i]! });
  });
  // The first few fragments, so the first results show early; the rest of the first page only
  // when those few cannot yet tell whether the results are weak (did-you-mean, strongCount).
  const first = merged.slice(0, FIRST);
  const data = await Promise.all(first.map((p) => p.r.data()));
  performance.mark('kb:fragments');
  const kept = first.map((p, i) => ({ p, d: data[i]! })).filter(({ p, d }) => genuine(d, p.search));
  const terms = plan.terms.length ? plan.terms : termsOf(q);
  const g: Gathered = {
    plan,
    queries,
    search: searches[0]!,
    terms,
    total: merged.length - (first.length - kept.length),
    win: { unloaded: merged.slice(first.length, PHRASE_WINDOW), kept, done: false },
    pending: merged.slice(PHRASE_WINDOW),
  };
  const rest = Math.min(PAGE - FIRST, g.win.unloaded.length);
  // Judged as on a whole first page: weak means at most 2 results, or none holding a term whole.
  if (rest && !(strongCount(g) > 0 && g.total - rest > 2)) g.total -= await loadWindow(g.win, rest);
  return g;
}

/** Weak results, as judged on a whole first page: at most 2, or none holding a term whole. */
const isWeak = (g: Gathered) => g.total <= 2 || strongCount(g) === 0;

/**
 * Loaded results that hold one of the query's terms (or a plan word for it) whole, as typed: the
 * others hold only its pieces apart (心里健康 finds 心里 … 健康), weak for a visitor.
 */
function strongCount(g: Gathered): number {
  const terms = g.terms.filter((t) => /\p{Script=Han}/u.test(t));
  if (!terms.length) return g.total;
  return g.win.kept.filter(({ d }) => {
    const text = d.content.replace(/\s+/g, '') + Object.values(d.meta).join(' ');
    return terms.some((t) => text.includes(t));
  }).length;
}

async function run(restore?: Saved): Promise<void> {
  const mine = ++runs;
  const q = input.value.trim();
  const filters: Record<string, string> = {};
  for (const sel of selects) if (sel.value) filters[sel.dataset.filter!] = sel.value;
  const url = new URL(location.href);
  const keepTyped = url.searchParams.has('typed') && url.searchParams.get('q') === q;
  url.search = '';
  if (q) url.searchParams.set('q', q);
  if (keepTyped) url.searchParams.set('typed', '1');
  for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
  history.replaceState(null, '', url);
  document.title = q ? `「${q}」的搜索结果${siteSuffix}` : baseTitle;
  current = undefined;
  list.replaceChildren();
  more.hidden = true;
  noResults.hidden = true;
  didYouMean.hidden = true;
  if (!q && !Object.keys(filters).length) {
    status.textContent = '';
    showCounts(totals);
    return;
  }
  status.textContent = '搜索中…';
  // The searches below count per option only if the filter chunks are in by then.
  const withLists = listsLoaded;
  // Pinyin and English are read as the index's words; a question's or a longer query's words are checked against them.
  if (isLatinQuery(q)) await Promise.all([loadLex(), loadEnglish()]);
  else if (understand(q).wantsLexicon) await loadLex();
  // A typo is left to the did-you-mean below: the index's words would read its pieces instead.
  const typo = lex && /\p{Script=Han}/u.test(q) && !understand(q).reduced ? correctQuery(q, lex) : undefined;
  const typed = await gather(q, filters, !typo);
  let found = typed;
  didYouMean.hidden = true;
  // Did-you-mean: a typo corrected against the index's words, when it finds clearly more.
  const weak = isWeak(typed);
  const words = weak && /\p{Script=Han}/u.test(q) ? await loadLex() : undefined;
  const fix = words && !typed.plan.reduced && !params().has('typed') ? correctQuery(q, words) : undefined;
  if (fix) {
    const alt = await gather(fix.query, filters);
    const useless = strongCount(typed) === 0;
    if ((useless && strongCount(alt) > 0) || alt.total >= Math.max(3, 2 * typed.total + 1)) {
      const link = (query: string, extra: Record<string, string> = {}) => el('a', { href: `/search/?${new URLSearchParams({ q: query, ...filters, ...extra })}` }, query);
      // Nothing useful typed (no result holds what was typed, only its pieces apart): the correction's results are shown.
      if (useless) {
        found = alt;
        didYouMean.replaceChildren(`「${q}」${typed.total ? `只找到 ${typed.total} 个结果` : '没有找到结果'}，以下是「${fix.query}」的结果。仍然搜索 `, link(q, { typed: '1' }), '。');
      } else {
        didYouMean.replaceChildren('您是不是要找：', link(fix.query), `（${alt.total} 个结果）`);
      }
      didYouMean.hidden = false;
    }
  }
  // Little found and no correction shown: the query again with the index's words, and its own
  // words also alone (search-query.ts) if it finds little without filters too (a filter never
  // changes what the words mean); kept when that finds more, what was typed still first.
  const retry = found === typed && words !== undefined && !typo;
  const partial = retry && (Object.keys(filters).length ? isWeak(await gather(q, {}, true)) : true);
  if (retry && understand(q, glossary, words, english, partial).searches.join('\n') !== typed.plan.searches.join('\n')) {
    const again = await gather(q, filters, true, partial);
    // Totals alone mislead: a typed query's total counts results not yet found to cut its words.
    if (strongCount(typed) === 0 || again.total > typed.total) found = again;
  }
  if (mine !== runs) return;
  const { plan, total, search } = found;
  const together = strongCount(typed);
  const partly = found !== typed && plan.partial ? `${together ? `同时含有「${q}」各词的结果只有 ${together} 个` : `没有同时含有「${q}」各词的结果`}，其后是含「${plan.partial.join('」或「')}」的结果。` : '';
  const note = total && plan.reduced ? `按「${plan.reduced}」搜索。` : partly;
  const view: View = { total, pattern: termPattern(found.terms), loaded: [], win: found.win, pending: found.pending, note, shown: 0, groups: new Map(), own: found.queries[0]!, ownTerms: termsOf(found.queries[0] ?? '') };
  current = view;
  // The results first (the filter counts may need the filter chunks and a search per chosen
  // filter), the count last: when the status says 找到, the whole page, its filter counts
  // included (when they are shown), is this query's.
  await showMore(view, Math.max(PAGE, restore?.shown ?? 0), true);
  if (view !== current) return;
  const countQuery = found.queries[0] ?? '';
  counted = { view, q: countQuery, filters };
  if (Object.keys(filters).length) countsWanted = true;
  if (countsWanted) {
    const counts = await countsFor(countQuery, filters, withLists ? found.search : undefined);
    if (view !== current) return;
    showCounts(counts);
    performance.mark('kb:counts');
  } else showCounts(undefined);
  announceCount(view);
  if (!view.total) showNoResults(q, filters, search);
  if (restore) scrollTo(0, restore.y);
}

async function start(): Promise<void> {
  // Scroll is restored by hand once the results it was measured on are back (see loadSaved).
  history.scrollRestoration = 'manual';
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  // The options are there before Pagefind is, from the totals in the page's head.
  if (boot?.filters) fillOptions(params);
  try {
    // Title matches get only a small boost: topic and listing pages repeat item titles, and the
    // item page's own h1 already carries the heading weight.
    pagefind = await loadPagefind({ excerptLength: 40, ranking: { metaWeights: { title: 1 } } });
    performance.mark('kb:pagefind');
  } catch (e) {
    status.textContent = '搜索索引未能加载。';
    throw e;
  }

  // The query's index chunks load while the filter lists do: one round trip, not two in a row.
  // The page's head started those of the query as typed (scripts/search-preload.ts); the plan's
  // other searches (the thesaurus' plan words, a question's content words) start here.
  for (const s of understand(input.value, glossary).searches) void pagefind.preload(s).catch(() => undefined);
  // The vocabulary such a query reads with loads meanwhile too.
  if (understand(input.value).wantsLexicon) void loadLex();
  // A page not post-built has no totals in its head: Pagefind counts them (its filter chunks first).
  if (!boot?.filters) {
    await loadFilterLists();
    fillOptions(params);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  for (const sel of selects) {
    sel.addEventListener('change', () => void run());
    // Before its list opens (pointer) or is stepped through (keyboard): the counts are wanted.
    for (const type of ['pointerdown', 'focus', 'keydown']) sel.addEventListener(type, () => void wantCounts());
  }
  let busy = false;
  more.addEventListener('click', async () => {
    if (!current || busy) return;
    busy = true;
    const first = await showMore(current, PAGE);
    busy = false;
    // Focus goes to the first new result, where a keyboard user goes on reading.
    (first?.querySelector('a') ?? (more.hidden ? list.querySelector<HTMLAnchorElement>('li:last-child a') : null))?.focus();
  });
  addEventListener('pagehide', () => {
    if (!current) return;
    try {
      sessionStorage.setItem(savedKey(), JSON.stringify({ shown: current.shown, y: Math.round(scrollY) } satisfies Saved));
    } catch {
      // Storage may be unavailable (private mode, quota): Back then starts at the top.
    }
  });
  await run(loadSaved());
}

void start();
