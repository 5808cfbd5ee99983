/**
 * Government web pages for tests: an article (the seeds' own text) wrapped in the chrome such
 * pages carry (menus, breadcrumb, the 索引号/发文机关 table, 分享到/打印本页, related articles, a
 * footer with 主办单位 and ICP 备案, scripts and styles), in the article containers of common
 * CMSs, encoded and declared in each of the ways saved pages are. Encoded with iconv-lite's
 * encoder; never read by the reader under test.
 */
import iconv from 'iconv-lite';
import { SEED, seedText } from './seeds.ts';

export type Container = 'trs' | 'zoom' | 'ucap' | 'article-content' | 'pages_content' | 'article' | 'content' | 'unmarked' | 'layout-table';
export type Declaration = 'meta-charset' | 'http-equiv' | 'bom' | 'none';

export interface PageOptions {
  /** The `<h1>` above the article, and the page's `<title>`. */
  title: string;
  /** The article's inner HTML. */
  article: string;
  container?: Container;
  encoding?: 'utf-8' | 'gbk';
  declaration?: Declaration;
  /** Declare this charset instead of the encoding used (a page re-saved without updating it). */
  declared?: string;
  /** The metadata table's rows, label → value. */
  meta?: Record<string, string>;
}

export const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Chrome texts the page carries, none of which may reach the document's text. */
export const CHROME_TEXTS = ['政务公开', '当前位置', '索引号', '分享到', '打印本页', '关闭窗口', '相关文章', '主办单位', '网站标识码', 'ICP备', '政府信息公开指南'];

function wrap(container: Container, inner: string): string {
  switch (container) {
    case 'trs':
      return `<div class="article_con"><div class="TRS_Editor"><style>.TRS_Editor P{line-height:2;}</style>${inner}</div></div>`;
    case 'zoom':
      return `<div id="zoom" class="view">${inner}</div>`;
    case 'ucap':
      return `<div id="UCAP-CONTENT">${inner}</div>`;
    case 'article-content':
      return `<div class="article-content">${inner}</div>`;
    case 'pages_content':
      return `<div class="pages_content" id="UCAP_CONTENT_BOX">${inner}</div>`;
    case 'article':
      return `<article>${inner}</article>`;
    case 'content':
      return `<div class="content">${inner}</div>`;
    case 'unmarked':
      return `<div class="wz_x12">${inner}</div>`;
    case 'layout-table':
      return `<table width="100%" border="0"><tr><td width="10"></td><td class="bt_k">${inner}</td><td width="10"></td></tr></table>`;
  }
}

/** A saved government web page, as bytes. */
export function governmentPage(options: PageOptions): Uint8Array {
  const { title, article, container = 'trs', encoding = 'utf-8', declaration = 'meta-charset', meta = {} } = options;
  const charset = options.declared ?? (encoding === 'gbk' ? 'gb2312' : 'utf-8');
  const declare = declaration === 'meta-charset' ? `<meta charset="${charset}">` : declaration === 'http-equiv' ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : '';
  const metaRows = Object.entries(meta);
  const metaTable = metaRows.length
    ? `<div class="xxgk_table"><table class="xxgk">${metaRows
        .reduce<string[][]>((rows, _, i) => (i % 2 === 0 ? [...rows, metaRows.slice(i, i + 2).flatMap(([k, v]) => [`<th>${k}：</th>`, `<td>${escapeHtml(v)}</td>`])] : rows), [])
        .map((cells) => `<tr>${cells.join('')}</tr>`)
        .join('\n')}</table></div>`
    : '';
  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
${declare}
<meta name="SiteName" content="阜新市人民政府">
<meta name="ArticleTitle" content="${escapeHtml(title)}">
<title>${escapeHtml(title)}_政策文件_阜新市人民政府</title>
<link rel="stylesheet" href="/images/style.css">
<style type="text/css">body{margin:0;font-family:"宋体";} .nav li{float:left;}</style>
<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>
<script>var _hmt = _hmt || []; document.write("<span>统计</span>");</script>
</head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="阜新市人民政府"></div>
<div class="search"><form action="/search"><input type="text" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjfx/">走进阜新</a></li></ul></div>
<div class="main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
${metaTable}
<div class="detail">
<h1 class="title">${escapeHtml(title)}</h1>
<div class="info">发布时间：2022-07-15 09:30 &nbsp; 来源：市政府办公室 &nbsp; 浏览次数：<span id="count">1024</span></div>
<div class="fontsize">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
${wrap(container, article)}
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="print_close"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<div class="xgwz"><h3>相关文章</h3><ul><li><a href="/a1.html">阜新市召开妇女儿童工作会议</a></li><li><a href="/a2.html">关于政府信息公开指南的说明</a></li></ul></div>
</div>
<div class="footer"><p><a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a></p>
<p>主办单位：阜新市人民政府办公室 &nbsp; 承办单位：阜新市大数据中心</p>
<p>辽ICP备05000000号 &nbsp; 辽公网安备 21090202000001号 &nbsp; 网站标识码：2109000001</p></div>
<script>var _bdhmProtocol = (("https:" == document.location.protocol) ? " https://" : " http://");</script>
</body>
</html>
`;
  const bytes = encoding === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8');
  const bom = declaration === 'bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([bom, bytes]));
}

/** Paragraphs → an article as CMSs write it: `<p>` with a full-width indent, or lines between `<br>`. */
export function paragraphsHtml(paragraphs: string[], style: 'p' | 'br' | 'strong-headings' = 'p'): string {
  if (style === 'br') return `<p>${paragraphs.map((t) => `&nbsp;&nbsp;&nbsp;&nbsp;${escapeHtml(t)}`).join('<br>\n')}</p>`;
  return paragraphs
    .map((t) => {
      const heading = style === 'strong-headings' && (/^[（(][一二三四五六七八九十]+[）)]/.test(t) || /^[一二三四五六七八九十]+、/.test(t)) && t.length < 40;
      return heading ? `<p style="text-indent:2em"><strong>${escapeHtml(t)}</strong></p>` : `<p style="text-indent:2em">\u3000\u3000${escapeHtml(t)}</p>`;
    })
    .join('\n');
}

type Cell = string[];

/** Seed 003's key-task tables: titles and rows of five cells (a tab starts a cell; a line without one continues it). */
export function seedTaskTables(): { titles: string[]; rows: Cell[][] }[] {
  const tables: { titles: string[]; rows: Cell[][] }[] = [];
  let cells: Cell[] = [];
  for (const raw of seedText(SEED.daanTaskLists).split('\n')) {
    const line = raw.replace(/\[bookmark:[^\]]*\]/g, '').replace(/\s+$/, '');
    if (!raw.startsWith('\t') && /^(附件\s*[0-9]+|.*重点任务清单)$/.test(line.trim())) {
      if (cells.length > 0 || tables.length === 0 || tables[tables.length - 1]!.rows.length > 0) tables.push({ titles: [], rows: [] });
      tables[tables.length - 1]!.titles.push(line.trim());
      cells = [];
      continue;
    }
    const table = tables[tables.length - 1]!;
    if (raw.startsWith('\t')) {
      cells.push(line.trim() ? [line.trim()] : []);
      if (cells.length === 5) {
        table.rows.push(cells);
        cells = [];
      }
    } else if (line.trim()) {
      (cells.length > 0 ? cells[cells.length - 1]! : table.rows[table.rows.length - 1]![4]!).push(line.trim());
    }
  }
  if (cells.length > 0) tables[tables.length - 1]!.rows.push([...cells, ...Array.from({ length: 5 - cells.length }, () => [])]);
  return tables;
}

/**
 * Seed 003 as a web page's tables: the domain and goal cells spanning their domain's rows
 * (rowspan), a cell's paragraphs as `<p>`, departments broken with `<br>` as in the seed.
 */
export function seedTaskTablesHtml(): string {
  const out: string[] = [];
  for (const table of seedTaskTables()) {
    for (const t of table.titles) out.push(`<p style="text-align:center"><strong>${escapeHtml(t)}</strong></p>`);
    const [header, ...body] = table.rows;
    const rows = [`<tr>${header!.map((c) => `<th>${escapeHtml(c.join(''))}</th>`).join('')}</tr>`];
    body.forEach((row, r) => {
      const [domain, goal, measure, lead, partner] = row as [Cell, Cell, Cell, Cell, Cell];
      const cells: string[] = [];
      if (domain.length === 0 && r > 0 && goal.length > 0) throw new Error(`seed 003: row ${r} has goals but no domain: the fixture cannot span it`);
      if (domain.length > 0 || r === 0) {
        let span = 1;
        while (r + span < body.length && body[r + span]![0]!.length === 0) span++;
        const attr = span > 1 ? ` rowspan="${span}"` : '';
        cells.push(`<td${attr}>${domain.map(escapeHtml).join('<br>')}</td>`, `<td${attr}>${goal.map((g) => `<p>${escapeHtml(g)}</p>`).join('')}</td>`);
      }
      cells.push(`<td>${measure.map((m) => `<p>${escapeHtml(m)}</p>`).join('')}</td>`, `<td>${lead.map(escapeHtml).join('<br>')}</td>`, `<td>${partner.map(escapeHtml).join('<br>')}</td>`);
      rows.push(`<tr>${cells.join('')}</tr>`);
    });
    out.push(`<table border="1" cellspacing="0" cellpadding="0">\n<tbody>\n${rows.join('\n')}\n</tbody></table>`);
  }
  return out.join('\n');
}
