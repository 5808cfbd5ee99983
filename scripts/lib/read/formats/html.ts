import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { detectLayout } from '../normalise.ts';
import { SourceFormatError, type SourceNote, type SourceText } from './types.ts';
import { ARTICLE_SELECTORS, containsNode, findArticle, findTitle, isShortNotice, lowerCaseSelectors, MIN_ARTICLE_CHARS, parents, widen } from './html/article.ts';
import type { Page } from './html/chrome.ts';
import { decodeHtml } from './html/decoding.ts';
import { isElement, PageStats, plainText, squash } from './html/hast.ts';
import { isoDate, metadataHints } from './html/metadata-hints.ts';
import type { Line, Reason } from './html/model.ts';
import { Printer } from './html/printer.ts';

// The parts live in html/, one job each; this module reads a page with them and keeps the public names.
export { metadataFacts } from './html/chrome.ts';
export { declaredCharset, decodeHtml } from './html/decoding.ts';
export { tableGrid } from './html/tables.ts';

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
