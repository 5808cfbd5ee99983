/**
 * Page titles: browsers, tabs and search results cut long titles wherever they run out of
 * room, often mid-word. The `<title>` is kept to at most 80 characters (UTF-16 units, as
 * `document.title.length` counts), cut at a sensible boundary with "…"; the h1 keeps the
 * full title.
 */
export const SITE_NAME = '妇女儿童发展规划知识库';
export const MAX_TITLE = 80;

/** Cut after these (punctuation, spaces, closing brackets)… */
const BREAK_AFTER = /[\s，。；、：！？,.;:!?·）)》〉」』】\]]/u;
/** …or before these (opening brackets). */
const BREAK_BEFORE = /[\s（(《〈「『【[]/u;
/** Trailing characters that should not stand before the "…". */
const TRAILING = /[\s，。；、：,.;:·（(《〈「『【[]+$/u;

/**
 * `text` if it fits in `max` UTF-16 units, else its longest prefix that ends at a boundary
 * (punctuation, a space, a closing bracket, or before an opening one) within the last 40 % of
 * the room, plus "…"; with no boundary there, a plain cut. Never splits a surrogate pair.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  const room = max - 1; // for the "…"
  let fit = 0;
  for (let len = 0; fit < chars.length && len + chars[fit]!.length <= room; fit++) len += chars[fit]!.length;
  let cut = fit;
  for (let i = fit; i > Math.floor(fit * 0.6); i--) {
    if (BREAK_AFTER.test(chars[i - 1]!) || (i < chars.length && BREAK_BEFORE.test(chars[i]!))) {
      cut = i;
      break;
    }
  }
  const head = chars.slice(0, cut).join('').replace(TRAILING, '');
  return `${head || chars.slice(0, fit).join('')}…`;
}

/** The document title of a page: "<title> · 妇女儿童发展规划知识库", at most 80 characters. */
export function pageTitle(title: string): string {
  if (title === SITE_NAME) return SITE_NAME;
  const suffix = ` · ${SITE_NAME}`;
  return `${cutText(title, MAX_TITLE - suffix.length)}${suffix}`;
}
