import iconv from 'iconv-lite';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { decode } from '../decode.ts';
import { detectLayout } from '../normalise.ts';
import type { MetadataHints, Removed } from '../../types.ts';
import { SourceFormatError, type SourceNote, type SourceText } from './types.ts';

/**
 * A government web page saved from the browser (.html/.htm) → the article's text, printed the
 * way the other readers print theirs: one line per paragraph, a heading as a Markdown heading
 * (`<h2>` → `## …`), a table row as one tab-led line per cell with an empty line after the row
 * (as formats/docx.ts prints Word tables), a cell merged down (rowspan) printed empty on the
 * rows it covers and listed in `mergedLines`, like Word's vMerge.
 *
 * Nothing is dropped silently: the page's chrome (navigation, breadcrumbs, the 索引号/发文机关
 * table, 分享到/打印本页 links, related articles, the footer, scripts and styles) is printed too,
 * on lines of its own, and listed in `furniture` with why, so the normaliser drops and records
 * it as it does a PDF's running headers. What the metadata table states (issuer, date, 文号,
 * title) is handed to the metadata stage as `meta`.
 *
 * The article is found by the containers government CMSs use (TRS `.TRS_Editor`, `#zoom`,
 * `#UCAP-CONTENT`, `.article-content`, …), else by text density (the block with the most text
 * outside links); it grows to take in any text beside it that is not recognisably chrome, and
 * prose left outside it is kept, with a note: when unsure, keep more and say so.
 */

/** Lines the reader prints, each with why it is not the document's text (or null: it is). */
interface Line {
  text: string;
  reason: Removed['reason'] | null;
  /** Begins a paragraph (a `<p>`, a heading, a cell…): never joined to the line before. */
  start: boolean;
  /** An empty cell continuing a cell merged down from the row above (rowspan). */
  merged?: boolean;
  /** Kept although it stands outside the article: prose the reader was unsure of. */
  outside?: boolean;
}

type Reason = Removed['reason'];

// ── decoding ─────────────────────────────────────────────────────────────────────────────

/** Labels pages declare → the iconv-lite codec that reads them (GB2312 and GBK as their superset). */
function codecOf(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^x-/, '');
  if (/^(gb2312|gbk|gb_2312-80|gb18030|cp936|euc-cn|csgb2312|hz-gb-2312)$/.test(l)) return 'gb18030';
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the page's first 8 KB. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([-\w.:]+)/i.exec(meta);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The page's bytes → text. A BOM decides (it is written by the program that saved the file, as
 * browsers also take it over the page's own declaration); else the `<meta>` charset; else the
 * text between the tags goes to the detector decode.ts uses for plain text. A page declared
 * GB2312/GBK whose bytes are valid UTF-8 (re-saved by a browser or editor without changing the
 * declaration) is UTF-8: GBK Chinese is practically never valid UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, name: string): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) || (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return decode(bytes, name);
  }
  const declared = declaredCharset(bytes);
  const codec = declared ? codecOf(declared) : null;
  const utf8 = validUtf8(buf);
  if (codec === 'utf-8' && utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (codec && codec !== 'utf-8' && !(utf8 !== null && /[^\x00-\x7f]/.test(utf8))) {
    return { text: iconv.decode(buf, codec), encoding: codec };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // Undeclared (or declared UTF-8 but not): detect on the text between the tags. `<` and `>`
  // are never the second byte of a GBK character, so the tags can be cut from the bytes.
  const between = Buffer.from(
    buf
      .toString('latin1')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
    'latin1',
  );
  try {
    const { encoding } = decode(new Uint8Array(between), name);
    return { text: iconv.decode(buf, encoding === 'utf-8-bom' ? 'utf-8' : encoding), encoding };
  } catch {
    throw new SourceFormatError(
      `无法判断网页的文字编码（页面没有声明 charset，内容既不是 UTF-8 也不是 GB18030/GBK）`,
      '请用浏览器打开该网页，另存为“网页，仅 HTML”（UTF-8 编码），或把正文复制为 UTF-8 的 .txt 文件，然后重新构建',
    );
  }
}

function validUtf8(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

// ── the page as hast ─────────────────────────────────────────────────────────────────────

const BLOCK = new Set(
  'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption legend option select textarea'.split(' '),
);
/** Elements whose content is not the page's text. */
const CODE = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'map']);
const FORM_CONTROLS = new Set(['form', 'input', 'select', 'button', 'textarea', 'option', 'label']);

const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';
const classAndId = (el: Element) => `${((el.properties?.className as string[] | undefined) ?? []).join(' ')} ${String(el.properties?.id ?? '')}`.toLowerCase();
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Characters (not spaces) of an element's text, all and within links, computed once per element. */
interface Stats {
  chars: number;
  cjk: number;
  linkChars: number;
  linkCjk: number;
}

class PageStats {
  private readonly stats = new Map<Element, Stats>();

  of(el: Element): Stats {
    let s = this.stats.get(el);
    if (s) return s;
    s = { chars: 0, cjk: 0, linkChars: 0, linkCjk: 0 };
    if (!CODE.has(el.tagName)) {
      for (const child of el.children) {
        if (child.type === 'text') {
          const t = child.value.replace(/\s/g, '');
          s.chars += t.length;
          s.cjk += t.match(CJK)?.length ?? 0;
        } else if (isElement(child)) {
          const c = this.of(child);
          s.chars += c.chars;
          s.cjk += c.cjk;
          const link = child.tagName === 'a';
          s.linkChars += link ? c.chars : c.linkChars;
          s.linkCjk += link ? c.cjk : c.linkCjk;
        }
      }
    }
    this.stats.set(el, s);
    return s;
  }

  text(el: Element): number {
    const s = this.of(el);
    return s.chars - s.linkChars;
  }

  linkDensity(el: Element): number {
    const s = this.of(el);
    return s.chars === 0 ? 0 : s.linkChars / s.chars;
  }
}

/** Plain text of an element (no layout), spaces collapsed. */
/** The first characters of an element's plain text: enough to tell a breadcrumb or a related list by how it opens. */
function openingText(el: Element, max = 120): string {
  let out = '';
  const visit = (n: Element | ElementContent): void => {
    if (out.length >= max) return;
    if (n.type === 'text') out += n.value;
    else if (isElement(n) && !CODE.has(n.tagName)) for (const c of n.children) visit(c);
    if (isElement(n) && (BLOCK.has(n.tagName) || n.tagName === 'br')) out += ' ';
  };
  visit(el);
  return out.slice(0, max);
}

function plainText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (!isElement(node) || CODE.has(node.tagName)) return '';
  // Blocks (cells, rows, paragraphs) are set apart by a space, inline runs are not.
  return node.children.map((c) => (isElement(c) && (BLOCK.has(c.tagName) || c.tagName === 'br') ? ` ${plainText(c)} ` : plainText(c))).join('');
}
const squash = (t: string) => t.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

// ── chrome ───────────────────────────────────────────────────────────────────────────────

/** Labels of a government page's metadata table (政府信息公开 fields). */
const META_LABELS = ['索引号', '发文机关', '发布机构', '发文单位', '制发机关', '文号', '发文字号', '成文日期', '发文日期', '印发日期', '发布日期', '发布时间', '公开日期', '主题分类', '公文种类', '体裁分类', '标题', '名称', '文件名称', '主题词', '有效性', '信息来源', '公开方式', '公开范围', '所属机构', '组配分类'];
/** A label where a value follows: after a colon, or in the next cell (the next line). */
const META_LABEL = new RegExp(`(${META_LABELS.join('|')})[ \\t\\u3000]*(?:[:：]|\\n)`, 'g');
const META_LABEL_ANYWHERE = new RegExp(`(${META_LABELS.join('|')})`, 'g');
const META_LABEL_COLON = new RegExp(`(${META_LABELS.join('|')})\\s*[:：]`, 'g');
/** Labels of the line under an article's title: where it came from, who wrote it, how often it was read. */
const INFO_LABEL = /(来源|文章来源|信息来源|作者|撰稿|编辑|责任编辑|浏览次数|浏览量|点击数|点击量|阅读次数|访问量|字号)\s*[:：]/g;
const TOOLS = /分享到|打印本页|打印本文|【?\s*打印\s*】?$|关闭窗口|关闭本页|【?\s*关闭\s*】?$|字体\s*[:：]?\s*[【\[]?\s*大\s*中\s*小|字号\s*[:：]?\s*[【\[]?\s*大\s*中\s*小|【\s*大\s*中\s*小\s*】|收藏本页|加入收藏|扫一扫|返回顶部|我要纠错|保存本页|打印\s*关闭|微信\s*微博|分享\s*[:：]/;
/** A line of nothing but page tools: `【打印】【关闭】`, `分享到：微信 微博`, `字号：大 中 小`. */
const TOOLS_ONLY = /^(?:分享到?|打印(?:本页|本文)?|关闭(?:窗口|本页)?|字体|字号|[大中小]|默认|收藏(?:本页)?|加入收藏|扫一扫(?:在手机(?:上)?打开当前页)?|返回顶部|我要纠错|保存本页|复制链接|微信|微博|QQ空间|QQ|[【】\[\]()（）:：|丨/·\s])+$/;
/** What only a site's footer says. */
const FOOTER_ONLY = /ICP\s*备|网站标识码|公网安备|版权所有|Copyright|©/i;
const BREADCRUMB = /^(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|当前所在位置)\s*[:：]?|^首页\s*[>＞»›/|]/;
const FOOTER = /主办单位|承办单位|主办\s*[:：]|承办\s*[:：]|ICP\s*备|ICP\s*证|网站标识码|版权所有|Copyright|©|公网安备|技术支持\s*[:：]|网站地图|联系我们|建议使用.{0,20}浏览器|分辨率/i;
const RELATED = /^(?:相关(?:文章|链接|阅读|文件|新闻|信息|稿件|政策|解读)|上一篇|下一篇|延伸阅读|推荐阅读|热点推荐|热门文章)/;
const CLASS_SIGNALS: [RegExp, Reason][] = [
  [/crumb|position|location|weizhi|dqwz|curpos|(?:^|[\s_-])path(?:$|[\s_-])/, 'breadcrumb'],
  [/foot|bottom|copyright|(?:^|[\s_-])(?:copy|bq|bqxx)(?:$|[\s_-])/, 'footer'],
  [/relat|xgwz|xglj|xgxw|xgwj|recommend|prev|next|sxp|sxy|pre-next|(?:^|[\s_-])more(?:$|[\s_-])/, 'related-links'],
  [/share|print|tools?(?:$|[\s_-])|fontsize|font-?size|(?:^|[\s_-])(?:fx|font|bdshare|bshare|jiathis|collect|close|dyjs|gb)(?:$|[\s_-])/, 'page-tools'],
  [/(?:^|[\s_-])(?:nav|navs|navbar|menu|menus|header|head|top|topbar|banner|logo|search|sitemap|lanmu|column|sidebar|side|left|right|aside|skip)(?:$|[\s_-])|^nav|nav$/, 'navigation'],
];

/** What a metadata table says: each label's value, in order. */
export function metadataFacts(text: string): Map<string, string> {
  const facts = new Map<string, string>();
  const parts = [...text.matchAll(META_LABEL)];
  parts.forEach((m, i) => {
    const end = parts[i + 1]?.index ?? text.length;
    const value = squash(text.slice(m.index! + m[0].length, end));
    if (value && !facts.has(m[1]!)) facts.set(m[1]!, value);
  });
  return facts;
}

/** A metadata table, a `来源：… 发布时间：…` line: two labels or more, in a short element. */
function isMetadataBlock(el: Element, stats: PageStats): boolean {
  const s = stats.of(el);
  if (s.chars > 800) return false;
  const text = plainText(el);
  const withColon = new Set([...text.matchAll(META_LABEL_COLON)].map((m) => m[1]));
  const anywhere = new Set([...text.matchAll(META_LABEL_ANYWHERE)].map((m) => m[1]));
  const info = new Set([...text.matchAll(INFO_LABEL)].map((m) => m[1]));
  // Labels named in prose (`规范标题、文号、成文日期等要素`) are no table: three bare labels count in a list or table only.
  const structured = /^(table|tbody|tr|ul|ol|dl)$/.test(el.tagName) || el.children.filter(isElement).length >= 3;
  // The line under a title: `来源：… 发布时间：… 浏览次数：…`.
  return withColon.size >= 2 || (structured && anywhere.size >= 3) || (withColon.size + info.size >= 2 && s.chars <= 160);
}

interface Page {
  stats: PageStats;
  article: Element;
  /** The article's heading when it stands outside the article (`<h1>` above `#zoom`). */
  title: Element | null;
  /** Ancestors of the article and of the title: walked through, never chrome themselves. */
  through: Set<Element>;
}

/**
 * Why an element (and all it holds) is not the document's text; null: it is, read on inside;
 * 'descend': decide for its children one by one.
 */
function chromeReason(el: Element, page: Page, inside: boolean): Reason | null | 'descend' {
  const { stats } = page;
  if (CODE.has(el.tagName)) return 'page-code';
  if (page.through.has(el) || el === page.title || el === page.article) return 'descend';
  if (el.tagName === 'head') return 'page-chrome';
  if (isMetadataBlock(el, stats)) return 'metadata-table';
  if (FORM_CONTROLS.has(el.tagName)) return inside ? null : 'navigation';
  if (el.tagName === 'nav' || el.properties?.role === 'navigation') return 'navigation';
  if (el.tagName === 'footer') return 'footer';
  if (el.tagName === 'header' && !inside) return 'navigation';
  const s = stats.of(el);
  // Whole text only for small elements: a big one is told by how it opens (keeps the reader linear).
  const text = squash(s.chars <= 400 ? plainText(el) : openingText(el));
  const short = s.chars <= 80;
  // Inside the article only unmistakable chrome goes: a class says little there unless the
  // element is mostly links, and text must be nothing but tool words or a site's footer.
  if (!inside || stats.linkDensity(el) > 0.5) {
    const signals = classAndId(el);
    for (const [re, reason] of CLASS_SIGNALS) if (re.test(signals)) return reason;
  }
  if (short && BREADCRUMB.test(text)) return 'breadcrumb';
  if (short && (inside ? TOOLS_ONLY : TOOLS).test(text)) return 'page-tools';
  if (inside ? s.chars <= 80 && FOOTER_ONLY.test(text) : FOOTER.test(text)) return 'footer';
  if (RELATED.test(text) && (stats.linkDensity(el) > 0.4 || (short && !inside))) return 'related-links';
  if (el.children.some((c) => isElement(c) && (BLOCK.has(c.tagName) || CODE.has(c.tagName)))) return 'descend';
  if (inside) return null;
  // Text outside the article that is nothing recognisable: page chrome when it is a scrap, the
  // document's text (with a note) when it reads as prose.
  return isProse(el, stats) ? null : 'page-chrome';
}

function isProse(el: Element, stats: PageStats): boolean {
  const s = stats.of(el);
  const own = s.cjk - s.linkCjk;
  return stats.linkDensity(el) < 0.3 && own >= 15 && (own >= 40 || /[。；]/.test(plainText(el)));
}

// ── finding the article ─────────────────────────────────────────────────────────────────

/** Containers government CMSs put the article in, strongest first (ids and classes lower-cased). */
const ARTICLE_SELECTORS = [
  '.trs_editor', '.trs_ueditor', '#ucap-content', '.ucap-content', '#zoom', '.article-content', '.article_content', '#article-content', '.pages_content',
  '.art_con', '.art-con', '.zwnr', '#zwnr', '.zw', '#zw', '.zw-con', '.bt_content', '.news_content', '.detail-content', '.detail_content', '.con_text', '#con_text',
  '.view', 'article', '#content', 'div.content', '.article', '[role=main]', 'main',
];
/** Less than this many characters outside links is no article. */
const MIN_ARTICLE_CHARS = 100;

function lowerCaseSelectors(tree: Root): void {
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

function parents(tree: Root): Map<Element, Element | null> {
  const map = new Map<Element, Element | null>();
  const visit = (node: Root | Element, parent: Element | null) => {
    for (const child of node.children) if (isElement(child)) (map.set(child, parent), visit(child, child));
  };
  visit(tree, null);
  return map;
}

function findArticle(tree: Root, body: Element, stats: PageStats): { article: Element; by: 'container' | 'density' } {
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
function isShortNotice(el: Element, stats: PageStats): boolean {
  const s = stats.of(el);
  return s.cjk - s.linkCjk >= 20 && (selectAll('a[href]', el) as Element[]).some((a) => ATTACHMENT_FILE.test(String(a.properties?.href).split(/[?#]/)[0]!));
}

/**
 * The article grows by its parent while the parent adds text that is not chrome: a title and a
 * document number printed just above `.TRS_Editor`, a signature below it. It stops at a parent
 * that is mostly links (the page).
 */
function widen(article: Element, up: Map<Element, Element | null>, page: Omit<Page, 'article'>): Element {
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

function containsNode(el: Element, node: Element): boolean {
  return el === node || el.children.some((c) => isElement(c) && containsNode(c, node));
}

/** The article's heading outside it: the first `<h1>`–`<h3>` or title-classed element before it with a short text. */
function findTitle(body: Element, article: Element, stats: PageStats): Element | null {
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

// ── printing ─────────────────────────────────────────────────────────────────────────────

const WIDE = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f\\u2018-\\u201d\\u2014\\u2026]';
/** A line break in the page's source between two Chinese characters is no space (CSS Text's segment-break rule). */
const SEGMENT_BREAK = new RegExp(`(?<=${WIDE})\\u0001(?=${WIDE})`, 'g');
const ATTACHMENT_FILE = /\.(?:docx?|wps|pdf|xlsx?|et|rtf|ofd|zip|rar|7z|txt)$/i;

/** One line in the making: text runs, and whether every visible run was bold. */
class LineBuffer {
  text = '';
  allBold = true;
  add(text: string, bold: boolean, pre: boolean) {
    const t = pre ? text : text.replace(/[\t\n\r\f ]*[\n\r][\t\n\r\f ]*/g, '\u0001').replace(/[\t\f ]+/g, ' ');
    if (t.replace(/[\s\u0001\u00a0\u3000]/g, '') !== '' && !bold) this.allBold = false;
    this.text += t;
  }
  /** The line as printed: indent measured, spaces tidied; null when empty. */
  take(): { text: string; indented: boolean; bold: boolean } | null {
    const raw = this.text.replace(SEGMENT_BREAK, '').replace(/\u0001/g, ' ').replace(/\u00a0/g, ' ');
    const bold = this.allBold;
    this.text = '';
    this.allBold = true;
    const text = raw.replace(/ {2,}/g, (m, at: number) => (at === 0 ? m : ' ')).trim();
    if (text === '') return null;
    return { text, indented: /^[ \u3000]{2,}|^\u3000/.test(raw.replace(/^ (?=\u3000)/, '')), bold };
  }
}

/** Where the printer is: in the article, in its heading outside it, or in the page around them. */
type Where = 'article' | 'title' | 'outside';

class Printer {
  readonly lines: Line[] = [];
  readonly attachments: string[] = [];
  images = 0;
  private readonly buffer = new LineBuffer();
  private reason: Reason | null = null;
  private nextStart = true;
  /** Printing prose found outside the article, kept. */
  private outside = false;
  /** The line after a bold-only line begins a paragraph: the bold line is a heading. */
  private afterBold = false;
  /** The number of the ordered list's item about to be printed. */
  private number = '';

  constructor(
    private readonly page: Page,
    reason: Reason | null = null,
  ) {
    this.reason = reason;
  }

  /** Close the line in the making. `start`: the next line begins a paragraph. */
  flush(start = true): void {
    const line = this.buffer.take();
    if (line) {
      this.lines.push({ text: line.text, reason: this.reason, start: this.nextStart || line.indented || line.bold || this.afterBold, ...(this.outside ? { outside: true } : {}) });
      this.afterBold = line.bold;
      this.nextStart = start;
    } else if (start) this.nextStart = true;
  }

  /** A whole line: a cell, a heading, a removed script's description. Removed chrome prints no empty lines. */
  line(text: string, reason: Reason | null, extra: Partial<Line> = {}): void {
    this.flush();
    if (reason === null || text.trim() !== '') this.lines.push({ text, reason, start: true, ...extra });
    this.nextStart = true;
    this.afterBold = false;
  }

  walk(node: ElementContent | Element, where: Where, bold = false, pre = false): void {
    if (node.type === 'text') {
      // Text standing loose in the page around the article (`<body>欢迎访问…`) is chrome.
      if (where === 'outside' && this.reason === null && !this.outside && node.value.trim() !== '') {
        return this.withReason('page-chrome', () => this.buffer.add(node.value, bold, pre));
      }
      this.buffer.add(node.value, bold, pre);
      return;
    }
    if (!isElement(node)) return;
    const el = node;
    const here: Where = el === this.page.article ? 'article' : el === this.page.title ? 'title' : where;
    if (this.reason !== null) {
      // Inside removed chrome: printed as it is, so that the record of it is whole.
      if (!CODE.has(el.tagName)) this.content(el, here, bold, pre);
      return;
    }
    const decided = chromeReason(el, this.page, here === 'article');
    if (decided === 'page-code') {
      if (/^(script|style|noscript|iframe|object|embed)$/.test(el.tagName)) this.line(describeCode(el), 'page-code');
      return;
    }
    if (decided !== null && decided !== 'descend') return this.withReason(decided, () => this.content(el, here, bold, pre));
    if (decided === null && here === 'outside' && !this.outside) {
      // Prose outside the article: kept, and noted.
      this.flush();
      this.outside = true;
      this.content(el, here, bold, pre);
      this.flush();
      this.outside = false;
      return;
    }
    this.content(el, here, bold, pre);
  }

  private withReason(reason: Reason, run: () => void): void {
    this.flush();
    const before = this.reason;
    this.reason = reason;
    run();
    this.flush();
    this.reason = before;
  }

  private content(el: Element, where: Where, bold: boolean, pre: boolean): void {
    const tag = el.tagName;
    if (tag === 'br') return this.flush(false);
    // A table around the article lays the page out: walked through, never printed as data.
    if (tag === 'table' && !this.page.through.has(el) && el !== this.page.article && isDataTable(el)) return this.table(el, where);
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const inner = new Printer(this.page, this.reason);
      for (const c of el.children) inner.walk(c, where, true, pre);
      inner.flush();
      this.attachments.push(...inner.attachments);
      const text = inner.lines.map((l) => l.text).join(' ');
      if (text) this.line(this.reason === null ? `${'#'.repeat(Number(heading[1]))} ${text}` : text, this.reason);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) this.flush();
    if (tag === 'li' && this.number) {
      // An ordered list's item shows its number, as a browser draws it.
      this.buffer.add(this.number, bold, true);
      this.number = '';
    }
    const strong = bold || tag === 'strong' || tag === 'b' || /font-weight\s*:\s*(bold|[6-9]00)/.test(String(el.properties?.style ?? ''));
    const isPre = pre || tag === 'pre';
    if (tag === 'ol') {
      let n = Number(el.properties?.start ?? 1) || 1;
      for (const c of el.children) {
        if (isElement(c) && c.tagName === 'li') this.number = `${n++}.`;
        this.walk(c, where, strong, isPre);
      }
      this.flush();
      return;
    }
    for (const c of el.children) this.walk(c, where, strong, isPre);
    if (tag === 'a') this.attachment(el, strong);
    if (tag === 'img' && this.reason === null && where === 'article') this.images++;
    if (block) this.flush();
  }

  /** A link to an attachment keeps its file named in the text (the file is not fetched). */
  private attachment(a: Element, bold: boolean): void {
    const href = String(a.properties?.href ?? '');
    const file = decodeURIComponentSafe(href.split(/[?#]/)[0]!.split('/').pop() ?? '');
    if (!ATTACHMENT_FILE.test(file)) return;
    const text = squash(plainText(a));
    if (this.reason === null) this.attachments.push(ATTACHMENT_FILE.test(text) ? text : `${text ? `${text}（${file}）` : file}`);
    if (!ATTACHMENT_FILE.test(text)) this.buffer.add(`（${file}）`, bold, true);
  }

  /**
   * A data table, printed as formats/docx.ts prints Word's: a tab-led line per cell (its further
   * paragraphs on lines of their own), an empty line after each row; a cell a rowspan carries
   * down prints empty, in `mergedLines`; columns a colspan covers print empty. Removed tables
   * (a metadata table) print their cells as plain lines.
   */
  private table(el: Element, where: Where): void {
    this.flush();
    const caption = el.children.find((c): c is Element => isElement(c) && c.tagName === 'caption');
    if (caption) this.walk(caption, where);
    for (const row of tableGrid(el)) {
      for (const slot of row) {
        if (!slot.cell) {
          this.line('\t', this.reason, slot.merged ? { merged: true } : {});
          continue;
        }
        const inner = new Printer(this.page, this.reason);
        for (const child of slot.cell.children) inner.walk(child, where);
        inner.flush();
        this.attachments.push(...inner.attachments);
        this.images += inner.images;
        const [head, ...rest] = inner.lines.map((l) => l.text.replace(/^\t+/, '')).filter((t) => t.trim() !== '');
        if (this.reason !== null) {
          for (const t of [head, ...rest]) if (t) this.line(t, this.reason);
          continue;
        }
        this.line(`\t${head ?? ''}`, null);
        for (const t of rest) this.lines.push({ text: t, reason: null, start: false });
      }
      this.line('', this.reason);
    }
  }
}

interface Slot {
  cell: Element | null;
  /** Covered by a cell above (rowspan). */
  merged: boolean;
}

/** A table's rows on its grid: every row as wide as the widest, rowspans and colspans placed. */
export function tableGrid(table: Element): Slot[][] {
  const carried: number[] = []; // per column: rows a rowspan from above still covers
  const grid: Slot[][] = [];
  for (const tr of tableRows(table)) {
    const row: Slot[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((carried[col] ?? 0) > 0) {
        row[col] = { cell: null, merged: true };
        carried[col]!--;
        col++;
      }
    };
    for (const td of tr.children.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'))) {
      skipCovered();
      const colSpan = Math.min(100, Math.max(1, Number(td.properties?.colSpan ?? 1) || 1));
      const rowSpan = Math.min(1000, Math.max(1, Number(td.properties?.rowSpan ?? 1) || 1));
      for (let k = 0; k < colSpan; k++) {
        row[col + k] = { cell: k === 0 ? td : null, merged: false };
        carried[col + k] = rowSpan - 1;
      }
      col += colSpan;
    }
    skipCovered();
    for (let c = col; c < carried.length; c++) {
      if ((carried[c] ?? 0) > 0) {
        row[c] = { cell: null, merged: true };
        carried[c]!--;
      }
    }
    grid.push(row);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? { cell: null, merged: false }));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function describeCode(el: Element): string {
  const src = el.properties?.src ?? el.properties?.href;
  if (src) return `<${el.tagName} src="${String(src)}">`;
  const code = plainText(el).replace(/\s+/g, ' ').trim();
  return `<${el.tagName}>（${code.length} 个字符）`;
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (/^(thead|tbody|tfoot)$/.test(c.tagName)) rows.push(...c.children.filter((r): r is Element => isElement(r) && r.tagName === 'tr'));
  }
  return rows;
}

/**
 * A table of data, not of layout: some row has two cells or more with text, and no cell holds
 * a table of its own (pages laid out in tables nest them: the sidebar beside the article).
 */
function isDataTable(table: Element): boolean {
  const rows = tableRows(table);
  const cells = rows.flatMap((tr) => tr.children.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')));
  if (cells.some((td) => selectAll('table', td).length > 0)) return false;
  return rows.some((tr) => tr.children.filter((c) => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && squash(plainText(c)) !== '').length >= 2);
}

// ── the reader ───────────────────────────────────────────────────────────────────────────

export function htmlToText(bytes: Uint8Array, name = 'input.html'): SourceText {
  const { text: html, encoding } = decodeHtml(bytes, name);
  const tree = unified().use(rehypeParse).parse(html) as Root;
  lowerCaseSelectors(tree);
  const root = tree.children.find((c): c is Element => isElement(c) && c.tagName === 'html');
  const body = root?.children.find((c): c is Element => isElement(c) && c.tagName === 'body');
  if (!root || !body || selectAll('frameset', tree).length > 0) {
    const frames = (selectAll('frame[src], iframe[src]', tree) as Element[]).map((f) => String(f.properties?.src));
    throw new SourceFormatError(
      frames.length ? `是由框架（frameset）拼成的网页，正文在另一个网页里（${frames.slice(0, 3).join('、')}）` : '不是可以读取的网页（找不到 <html> 或 <body>）',
      frames.length ? '请在浏览器中单独打开正文所在的框架页（右键“在新标签页中打开框架”），另存为“网页，仅 HTML”，然后重新构建' : '请用浏览器重新另存为“网页，仅 HTML”，或把正文复制为 .txt 文件，然后重新构建',
    );
  }
  const stats = new PageStats();
  const up = parents(tree);
  const { article: found, by } = findArticle(tree, body, stats);
  if (stats.text(found) < MIN_ARTICLE_CHARS && !isShortNotice(found, stats)) {
    const all = stats.of(body);
    // A scanned notice: the article's container holds images, not text.
    const container = ARTICLE_SELECTORS.map((sel) => selectAll(sel, tree)[0] as Element | undefined).find(Boolean) ?? found;
    const images = selectAll('img', container).length;
    if (images > 0 && stats.text(found) < 50) {
      throw new SourceFormatError(
        `正文是图片（${images} 张，文字只有 ${stats.text(found)} 个字），图片中的文字无法读取`,
        '请找到该文件的文字版（网页、Word 或带文字层的 PDF），或对图片做文字识别后另存为 .txt，然后重新构建',
      );
    }
    throw new SourceFormatError(
      `找不到文章正文，像是网站的列表页或导航页（正文区最多只有 ${stats.text(found)} 个字，页面文字的 ${all.chars ? Math.round((100 * all.linkChars) / all.chars) : 0}% 是链接）`,
      '请在浏览器中打开文章本身的页面（点进标题），另存为“网页，仅 HTML”，或把正文复制为 .txt 文件，然后重新构建',
    );
  }
  const through = (el: Element | null) => {
    const out = new Set<Element>();
    for (let at = el ? up.get(el) : null; at; at = up.get(at) ?? null) out.add(at);
    return out;
  };
  let title = findTitle(body, found, stats);
  let article = widen(found, up, { stats, title, through: new Set([...through(found), ...through(title)]) });
  if (title && containsNode(article, title)) title = null;
  title = title ?? findTitle(body, article, stats);
  const page: Page = { stats, article, title, through: new Set([...through(article), ...through(title)]) };

  const printer = new Printer(page);
  const head = root.children.find((c): c is Element => isElement(c) && c.tagName === 'head');
  const headTitle = head && squash(plainText(head.children.find((c): c is Element => isElement(c) && c.tagName === 'title') ?? head));
  if (headTitle) printer.line(headTitle, 'page-chrome');
  for (const c of body.children) printer.walk(c, article === body ? 'article' : 'outside');
  printer.flush();
  const lines = printer.lines;
  dropRepeatedTitle(lines);

  const furniture = new Map<number, Reason>();
  const mergedLines = new Set<number>();
  const paragraphStarts = new Set<number>();
  lines.forEach((l, i) => {
    if (l.reason) furniture.set(i + 1, l.reason);
    if (l.merged) mergedLines.add(i + 1);
    if (l.start) paragraphStarts.add(i + 1);
  });
  const notes: SourceNote[] = [];
  const keptNo = lines.flatMap((l, i) => (l.reason === null ? [i + 1] : []));
  if (by === 'density') {
    notes.push({
      line: keptNo[0] ?? null,
      message: `没有找到政府网站常用的正文区域（如 TRS_Editor、zoom、article-content），已按文字密度把第 ${keptNo[0]}–${keptNo.at(-1)} 行当作正文，其余 ${furniture.size} 行作为网页框架去除；请核对正文是否完整，如有缺漏，请把正文复制为 .txt 文件代替该网页`,
    });
  }
  const outside = lines.flatMap((l, i) => (l.outside && l.reason === null ? [i + 1] : []));
  if (outside.length > 0) {
    notes.push({
      line: outside[0]!,
      message: `第 ${ranges(outside)} 行在网页的正文区域之外，但读来像正文，已保留；如果是网站的说明文字，请把正文复制为 .txt 文件代替该网页`,
    });
  }
  for (const file of [...new Set(printer.attachments)]) {
    notes.push({ line: null, message: `网页链接了附件“${file}”，其内容没有读取；如果附件是规划或任务清单的正文，请下载附件，另存为 .docx 或 .txt 后加入` });
  }
  if (printer.images > 0 && stats.text(article) < 300) {
    notes.push({ line: keptNo[0] ?? null, message: `正文只有 ${stats.text(article)} 个字，另有 ${printer.images} 张图片：正文可能是扫描图片，图片中的文字没有读取；请找到文字版，或对图片做文字识别后另存为 .txt 加入` });
  }

  const keptLines = lines.filter((l) => l.reason === null).map((l) => l.text);
  const layout = detectLayout(keptLines) === 'table' ? 'table' : 'lines';
  // A table's text reads no Markdown headings: a heading there is a line of its own, unmarked.
  if (layout === 'table') for (const l of lines) if (l.reason === null) l.text = l.text.replace(/^#{1,6} /, '');
  const meta = metadataHints(lines);
  // The publication date government CMSs put in the head (`<meta name="PubDate">`), when the page prints none.
  const pubDate = head && (selectAll('meta[name]', head) as Element[]).find((m) => /^(pubdate|publishdate|firstpublishedtime)$/i.test(String(m.properties?.name)));
  if (!meta.publishedDate && pubDate) {
    const date = isoDate(String(pubDate.properties?.content ?? ''));
    if (date) meta.publishedDate = date;
  }
  return {
    text: lines.map((l) => l.text).join('\n'),
    encoding,
    layout,
    furniture,
    mergedLines,
    paragraphStarts,
    ...(Object.keys(meta).length ? { meta } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The heading above the article, when the article opens with the same words (a notice printing
 * its title again, maybe over several lines): printed once, the copy recorded as removed.
 */
function dropRepeatedTitle(lines: Line[]): void {
  const kept = lines.filter((l) => l.reason === null && l.text.trim() !== '');
  const [first, ...rest] = kept;
  if (!first) return;
  const bare = (t: string) => t.replace(/^#+ /, '').replace(/[\s\u3000]/g, '');
  const title = bare(first.text);
  let joined = '';
  for (const l of rest.slice(0, 4)) {
    joined += bare(l.text);
    if (joined === title) {
      first.reason = 'page-chrome';
      return;
    }
    if (!title.startsWith(joined)) return;
  }
}

/** `3、5–9`: line numbers as ranges. */
function ranges(numbers: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out.push(i === j ? `${numbers[i]}` : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return out.join('、');
}

const DATE_VALUE = /([0-9]{4})\s*[-年/.]\s*([0-9]{1,2})\s*[-月/.]\s*([0-9]{1,2})/;
const DOC_NUMBER_VALUE = /([\u4e00-\u9fa5]{1,10})\s*[〔［\[【(（]\s*([0-9]{4})\s*[〕］\]】)）]\s*([0-9]{1,4})\s*号/;

function isoDate(value: string | undefined): string | undefined {
  const m = value ? DATE_VALUE.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What the page's metadata table states, for the metadata stage. */
function metadataHints(lines: Line[]): MetadataHints {
  const facts = metadataFacts(lines.filter((l) => l.reason === 'metadata-table').map((l) => l.text.replace(/^\t/, '')).join('\n'));
  const get = (...labels: string[]) => labels.map((l) => facts.get(l)).find((v) => v && !/^(无|暂无|-+|—+|\/)$/.test(v));
  const hints: MetadataHints = {};
  const issuer = get('发文机关', '发布机构', '发文单位', '制发机关');
  if (issuer && /^[\u4e00-\u9fa5（）()、 ]{2,40}$/.test(issuer)) hints.issuer = issuer.replace(/\s+/g, '');
  const number = DOC_NUMBER_VALUE.exec(get('文号', '发文字号') ?? '');
  if (number) hints.docNumber = `${number[1]}〔${number[2]}〕${number[3]}号`;
  const date = isoDate(get('成文日期', '发文日期', '印发日期'));
  if (date) hints.date = date;
  const published = isoDate(get('发布日期', '发布时间', '公开日期'));
  if (published) hints.publishedDate = published;
  const title = get('标题', '名称', '文件名称');
  if (title && title.length <= 150) hints.title = title;
  return hints;
}
