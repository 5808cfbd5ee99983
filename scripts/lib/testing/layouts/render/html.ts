/**
 * A document model → a government web page as an editor saves it from the browser: GBK (or
 * UTF-8) declared in a <meta>, the site's navigation and breadcrumb, the 索引号/发文日期 table,
 * the article (title, paragraphs, task tables with rowspan), 分享到 and 打印本页 links, and the
 * footer.
 */
import type { Layout } from '../dimensions.ts';
import { paragraphText, type DocModel, type Table } from '../model.ts';
import { encodeText } from './bytes.ts';
import { printed } from './characters.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderHtml(model: DocModel, layout: Layout, date = '2022-07-12'): Uint8Array {
  const charset = layout.encoding === 'utf-8' ? 'utf-8' : layout.encoding === 'gb18030' ? 'gb18030' : 'gb2312';
  const t = (s: string) => escape(printed(s, layout));
  const body: string[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'table') body.push(table(block, t));
    else if (block.role === 'title') body.push(`<p align="center"><strong>${t(paragraphText(block))}</strong></p>`);
    else body.push(`<p style="text-indent:2em;">${t(paragraphText(block))}</p>`);
  }
  const site = model.issuer;
  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${t(model.title)}_${escape(site)}</title>
<link rel="stylesheet" href="/css/style.css" />
<script type="text/javascript" src="/js/jquery.min.js"></script>
</head>
<body>
<div class="top"><a href="/">${escape(site)}门户网站</a> <a href="/wza/">无障碍</a> <a href="/en/">English</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjcs/">走进${escape(site.replace(/人民政府$/, ''))}</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfwj/">政府文件</a></div>
<table class="xxgk_table">
<tr><td>索引号：</td><td>11210900MB0123456X/2022-00123</td><td>主题分类：</td><td>妇女儿童</td></tr>
<tr><td>发文机关：</td><td>${escape(site)}</td><td>发文日期：</td><td>${date}</td></tr>
<tr><td>标　　题：</td><td colspan="3">${t(model.title)}</td></tr>
</table>
<div class="article">
<h1 class="article-title">${t(model.title)}</h1>
<div class="article-info">发布时间：${date} 来源：${escape(site)}办公室 浏览次数：1024 字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
<div class="article-content" id="zoom">
${body.join('\n')}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="tools"><a href="javascript:window.print();">打印本页</a> <a href="javascript:window.close();">关闭窗口</a></div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/zwgk/1.html">关于做好2023年妇女儿童工作的通知</a></li></ul></div>
<div class="footer"><p>主办：${escape(site)}办公室　承办：${escape(site)}信息中心</p><p>网站标识码：2109000001　<a href="https://beian.miit.gov.cn/">辽ICP备05001234号</a></p><p>联系电话：0418-1234567</p></div>
</body>
</html>
`;
  return encodeText(html, { encoding: layout.encoding === 'utf-8' ? 'utf-8' : layout.encoding === 'gb18030' ? 'gb18030' : 'gbk', lineEnds: layout.lineEnds });
}

function table(block: Table, t: (s: string) => string): string {
  const rows = [`<tr>${block.header.map((h) => `<td><strong>${t(h)}</strong></td>`).join('')}</tr>`];
  block.rows.forEach((row, r) => {
    const cells = row.map((cell, c) => {
      if (cell.merged) return '';
      let span = 1;
      while (block.rows[r + span]?.[c]?.merged) span++;
      const content = cell.paragraphs.map((p) => `<p>${t(p)}</p>`).join('');
      return `<td${span > 1 ? ` rowspan="${span}"` : ''}>${content}</td>`;
    });
    rows.push(`<tr>${cells.join('')}</tr>`);
  });
  return `<table border="1" cellspacing="0" cellpadding="0" width="100%">\n${rows.join('\n')}\n</table>`;
}
