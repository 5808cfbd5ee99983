/** The page's chrome: navigation, breadcrumbs, the metadata table, page tools, related lists and the footer, each with its reason. */
import type { Element } from 'hast';
import { BLOCK, classAndId, CODE, FORM_CONTROLS, isElement, openingText, plainText, squash, type PageStats } from './hast.ts';
import type { Reason } from './model.ts';

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
export function isMetadataBlock(el: Element, stats: PageStats): boolean {
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

export interface Page {
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
export function chromeReason(el: Element, page: Page, inside: boolean): Reason | null | 'descend' {
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
