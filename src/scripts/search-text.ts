/**
 * The search page's text work, kept free of the DOM so it can be tested alone: query terms,
 * phrase-first order, the excerpt shown, which runs of it to mark, and when two results are
 * the same passage.
 */
import { synonymsOf } from '../lib/search-synonyms.ts';
import type { PagefindResultData } from './pagefind.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query's terms: what the visitor typed between spaces, without a phrase search's quotes (search-query.ts, pagefindSearch). */
export const termsOf = (q: string) => q.replace(/"/g, '').split(/\s+/).filter(Boolean);

/**
 * Whole terms and their synonyms (a query for 家暴 finds items that say 家庭暴力: that is what they
 * show and what is marked), longest first; case-insensitive for Latin letters.
 */
export const termPattern = (terms: string[]): RegExp | null =>
  terms.length
    ? new RegExp([...new Set(terms.flatMap((t) => [t, ...synonymsOf(t)]))].sort((a, b) => b.length - a.length).map(escapeRe).join('|'), 'iu')
    : null;

/**
 * Pagefind matches the words of a Chinese query separately (母婴安全 → 母婴 + 安全), so a page
 * with both words far apart can outrank one with the phrase itself. Among the top results, put
 * pages that contain every query term (or a synonym of it) verbatim first, keeping Pagefind's
 * order otherwise.
 */
export function phraseFirst(results: PagefindResultData[], terms: string[]): PagefindResultData[] {
  const holds = (r: PagefindResultData, words: (t: string) => string[]) => terms.length > 0 && terms.every((t) => words(t).some((w) => squash(r.content).includes(w)));
  // The query's own words first, then results that hold a synonym instead, then the rest.
  const tier = (r: PagefindResultData) => (holds(r, (t) => [t]) ? 0 : holds(r, (t) => [t, ...synonymsOf(t)]) ? 1 : 2);
  const tiers = results.map(tier);
  return [0, 1, 2].flatMap((k) => results.filter((_, i) => tiers[i] === k));
}

/**
 * How many of phraseFirst's first results are in their final place while later results are
 * not loaded yet: those holding every term verbatim (the first tier keeps Pagefind's order, so
 * a result loaded later can only come after them).
 */
export function settledCount(ordered: PagefindResultData[], terms: string[]): number {
  let n = 0;
  while (n < ordered.length && terms.length > 0 && terms.every((t) => squash(ordered[n]!.content).includes(t))) n++;
  return n;
}

/**
 * The excerpt as plain text: Pagefind escapes only < and > in it, so undoing exactly that gives
 * the page's text back. Where Pagefind centred it on partial hits only (托育 → 生育, 教育), the
 * text around the first whole term is taken from the page instead, so the visitor sees the match.
 */
export function excerptText(r: PagefindResultData, pattern: RegExp | null): string {
  const text = (r.plain_excerpt ?? r.excerpt.replace(/<\/?mark>/g, '')).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const at = pattern && !pattern.test(text) ? r.content.search(pattern) : -1;
  if (at < 0) {
    // Pagefind's excerpt has no ellipses: say where the passage is cut off.
    const all = squash(r.content);
    const part = squash(text);
    if (!part || !all.includes(part)) return text;
    return `${all.startsWith(part) ? '' : '…'}${text.trim()}${all.endsWith(part) ? '' : '…'}`;
  }
  const from = Math.max(0, at - 20);
  const to = from + 80;
  return `${from > 0 ? '…' : ''}${r.content.slice(from, to)}${to < r.content.length ? '…' : ''}`;
}

/** The text in runs, `marked` where a whole query term stands. */
export function markedRuns(text: string, pattern: RegExp | null): { text: string; marked: boolean }[] {
  if (!pattern) return [{ text, marked: false }];
  const runs: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(new RegExp(pattern.source, 'giu'))) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index), marked: false });
    runs.push({ text: m[0], marked: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}

/** A title's own number (7, 一、, （四）) is left out: goal 7 and measure 7 may share the words. */
const NUMBER = /^\s*(?:[（(][^）)]{1,4}[）)]|[\d一二三四五六七八九十百]+[、.．]?)(?=\s)/;

/** An item's title without the `城市 · ` its result heading starts with (the city is a filter too). */
export function titleOf(r: PagefindResultData): string {
  const title = r.meta.title ?? r.url;
  const city = r.filters.city?.length === 1 ? `${r.filters.city[0]} · ` : undefined;
  return city && title.startsWith(city) ? title.slice(city.length) : title;
}

export const foldKey = (r: PagefindResultData) => `${squash(titleOf(r).replace(NUMBER, ''))}|${(r.filters.city ?? []).join('|')}`;
