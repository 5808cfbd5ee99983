/** Finding the article: by the containers government CMSs use or by text density, widened to the text beside it, and its heading. */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { chromeReason, isMetadataBlock, type Page } from './chrome.ts';
import { ATTACHMENT_FILE, BLOCK, CJK, classAndId, CODE, isElement, plainText, squash, type PageStats } from './hast.ts';

/** Containers government CMSs put the article in, strongest first (ids and classes lower-cased). */
export const ARTICLE_SELECTORS = [
  '.trs_editor', '.trs_ueditor', '#ucap-content', '.ucap-content', '#zoom', '.article-content', '.article_content', '#article-content', '.pages_content',
  '.art_con', '.art-con', '.zwnr', '#zwnr', '.zw', '#zw', '.zw-con', '.bt_content', '.news_content', '.detail-content', '.detail_content', '.con_text', '#con_text',
  '.view', 'article', '#content', 'div.content', '.article', '[role=main]', 'main',
];
/** Less than this many characters outside links is no article. */
export const MIN_ARTICLE_CHARS = 100;

export function lowerCaseSelectors(tree: Root): void {
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const p = child.properties;
      if (Array.isArray(p.className)) p.className = (p.className as string[]).map((c) => c.toLowerCase());
      if (typeof p.id === 'string') p.id = p.id.toLowerCase();
      visit(child);
    }
  };
  visit(tree);
}

export function parents(tree: Root): Map<Element, Element | null> {
  const map = new Map<Element, Element | null>();
  const visit = (node: Root | Element, parent: Element | null) => {
    for (const child of node.children) if (isElement(child)) (map.set(child, parent), visit(child, child));
  };
  visit(tree, null);
  return map;
}

export function findArticle(tree: Root, body: Element, stats: PageStats): { article: Element; by: 'container' | 'density' } {
  const usable = (el: Element) => (stats.text(el) >= MIN_ARTICLE_CHARS || isShortNotice(el, stats)) && stats.linkDensity(el) < 0.5;
  for (const selector of ARTICLE_SELECTORS) {
    // The container holding most text, when a CMS repeats a class (`.content` for the body and the sidebar).
    const found = (selectAll(selector, tree) as Element[]).filter(usable).sort((a, b) => stats.text(b) - stats.text(a))[0];
    if (found) return { article: found, by: 'container' };
  }
  // Text density: the element with the most text outside links, less what its links hold
  // (navigation, related lists), among the blocks that can hold an article.
  let best = body;
  let bestScore = -Infinity;
  const visit = (el: Element) => {
    if (CODE.has(el.tagName)) return;
    if (/^(div|td|section|article|main|body|center|font|span|form|table|tbody|tr)$/.test(el.tagName) || el === body) {
      const s = stats.of(el);
      const score = s.chars - s.linkChars - 1.5 * s.linkChars;
      if (score > bestScore) (best = el), (bestScore = score);
    }
    for (const c of el.children) if (isElement(c)) visit(c);
  };
  visit(body);
  // A wrapper is no article: go down to the child that holds nearly all its text (a layout
  // table's cell, the article inside a page's main column); widen() takes back what lies beside.
  for (;;) {
    const inner = best.children.filter((c): c is Element => isElement(c) && !CODE.has(c.tagName)).sort((a, b) => stats.text(b) - stats.text(a))[0];
    if (!inner || stats.text(inner) < 0.85 * stats.text(best) || !(BLOCK.has(inner.tagName) || inner.tagName === 'font' || inner.tagName === 'span')) break;
    best = inner;
  }
  return { article: best, by: 'density' };
}

/** A short notice whose document is its attachment (`现将…印发给你们。附件：….pdf`): an article all the same. */
export function isShortNotice(el: Element, stats: PageStats): boolean {
  const s = stats.of(el);
  return s.cjk - s.linkCjk >= 20 && (selectAll('a[href]', el) as Element[]).some((a) => ATTACHMENT_FILE.test(String(a.properties?.href).split(/[?#]/)[0]!));
}

/**
 * The article grows by its parent while the parent adds text that is not chrome: a title and a
 * document number printed just above `.TRS_Editor`, a signature below it. It stops at a parent
 * that is mostly links (the page).
 */
export function widen(article: Element, up: Map<Element, Element | null>, page: Omit<Page, 'article'>): Element {
  let at = article;
  for (let depth = 0; depth < 4; depth++) {
    const parent = up.get(at);
    if (!parent || parent.tagName === 'body' || parent.tagName === 'html') break;
    if (page.stats.linkDensity(parent) > 0.3) break;
    const loose = looseText(parent, at, { ...page, article: at });
    if (loose < 6) break;
    at = parent;
  }
  return at;
}

/** Characters of text in `el`, outside `inner`, that is not chrome nor the title. */
function looseText(el: Element, inner: Element, page: Page): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === 'text') n += c.value.replace(/\s/g, '').length;
    if (!isElement(c) || c === inner || c === page.title) continue;
    if (c.tagName === 'a') continue;
    if (containsNode(c, inner)) {
      n += looseText(c, inner, page);
      continue;
    }
    const reason = chromeReason(c, page, true);
    if (reason === null) n += page.stats.text(c);
    else if (reason === 'descend') n += looseText(c, inner, page);
  }
  return n;
}

export function containsNode(el: Element, node: Element): boolean {
  return el === node || el.children.some((c) => isElement(c) && containsNode(c, node));
}

/** The article's heading outside it: the first `<h1>`–`<h3>` or title-classed element before it with a short text. */
export function findTitle(body: Element, article: Element, stats: PageStats): Element | null {
  let found: Element | null = null;
  let passed = false;
  const visit = (el: Element) => {
    if (found || passed) return;
    if (el === article) {
      passed = true;
      return;
    }
    if (CODE.has(el.tagName) || el.tagName === 'nav' || el.tagName === 'footer' || el.tagName === 'a') return;
    const heading = /^h[1-3]$/.test(el.tagName) || /(?:^|[\s_-])(?:title|tit|bt|biaoti|article-title|detail-title|news-title|con-title|arttitle)(?:$|[\s_-])/.test(classAndId(el));
    const text = heading && stats.of(el).chars <= 200 ? squash(plainText(el)) : '';
    const cjk = text.match(CJK)?.length ?? 0;
    if (heading && cjk >= 4 && text.length <= 120 && !/[。]/.test(text) && stats.linkDensity(el) < 0.5 && !isMetadataBlock(el, stats)) {
      found = el;
      return;
    }
    for (const c of el.children) if (isElement(c)) visit(c);
  };
  visit(body);
  return found;
}
