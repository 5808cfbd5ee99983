/**
 * An evaluation set of web-page layouts, written before the reader was tuned on it: six page
 * templates unlike testing/html.ts's (old table-layout CMS pages with <font> tags, a 信息公开
 * page with its metadata as a list, a modern page with <main> and <aside>, the article split
 * between a heading block and .TRS_Editor, a <br>-only article, a task table inside nested
 * layout tables). Each wraps seed 001's plan or seed 003's task table; each must give the .txt
 * seed's items exactly, keep no chrome and lose no character. Figures are printed per template.
 */
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipeline.ts';
import { escapeHtml, seedTaskTablesHtml } from '../../testing/html.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { Item, KbDocument } from '../../types.ts';
import { readSource } from './index.ts';

const planText = ingestDocument(SEED.fuxinPlans, new TextEncoder().encode(seedText(SEED.fuxinPlans)));
const listText = ingestDocument(SEED.daanTaskLists, new TextEncoder().encode(seedText(SEED.daanTaskLists)));
const paragraphs = planText.blocks.map((b) => b.text);
const TITLE = '阜新市人民政府关于印发阜新市妇女发展规划（2021—2030年）和阜新市儿童发展规划（2021—2030年）的通知';

/** Chrome each template prints: none of it may reach the text. */
const CHROME = ['网站首页', '您现在的位置', '索引号', '打印', '关闭', '相关链接', '上一篇', '版权所有', 'ICP备', '网站标识码', '扫一扫', '浏览次数', '在线访谈', '无障碍浏览'];

const templates: Record<string, { html: () => string; encoding: 'gbk' | 'utf-8'; expect: KbDocument; meta?: [string | null, string | null, string | null] }> = {
  'old table-layout CMS, <font> and <br>, GBK': {
    encoding: 'gbk',
    expect: planText,
    meta: ['阜新市人民政府', '2022-07-12', '阜政发〔2022〕11号'],
    html: () => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${TITLE}</title>
<script language="javascript">function doPrint(){window.print();}</script></head>
<body topmargin="0"><table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/banner.jpg"></td></tr>
<tr><td class="nav"><a href="/">网站首页</a> | <a href="/zwgk">政务公开</a> | <a href="/zxft">在线访谈</a> | <a href="/wza">无障碍浏览</a></td></tr></table>
<table width="1000" align="center"><tr><td class="hui12">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zcwj">政策文件</a></td></tr></table>
<table width="1000" align="center" border="0"><tr><td width="20"></td><td>
<table width="100%" class="xxgk" border="1"><tr><td>索 引 号：</td><td>11210900/2022-01234</td><td>发文机关：</td><td>阜新市人民政府</td></tr>
<tr><td>发文字号：</td><td>阜政发[2022]11号</td><td>成文日期：</td><td>2022-07-12</td></tr></table>
<table width="100%"><tr><td align="center" class="title"><font size="4"><b>${escapeHtml(TITLE)}</b></font></td></tr>
<tr><td align="center" class="hui12">发布时间：2022-07-15 &nbsp;浏览次数：<script>document.write(88)</script></td></tr>
<tr><td class="zw" style="font-size:16px;line-height:30px"><font face="仿宋_GB2312">${paragraphs.map((p) => `&nbsp;&nbsp;&nbsp;&nbsp;${escapeHtml(p)}`).join('<br>\n')}</font></td></tr>
<tr><td align="right"><a href="javascript:doPrint()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></td></tr></table>
</td><td width="20"></td></tr></table>
<table width="1000" align="center" class="bottom"><tr><td align="center">版权所有：阜新市人民政府 &nbsp; 辽ICP备05001234号<br>网站标识码：2109000001</td></tr></table></body></html>`,
  },
  '信息公开 page, metadata as a list, UTF-8': {
    encoding: 'utf-8',
    expect: planText,
    meta: ['阜新市人民政府', '2022-07-12', '阜政发〔2022〕11号'],
    html: () => `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>${TITLE}-阜新市人民政府</title><link rel="stylesheet" href="/css/xxgk.css"></head><body>
<header class="site-header"><div class="logo">阜新市人民政府</div><ul class="menu"><li><a href="/">网站首页</a></li><li><a href="/xxgk">信息公开</a></li></ul></header>
<div class="crumbs">您现在的位置：<a href="/">首页</a> › <a href="/xxgk">政府信息公开</a></div>
<div class="xxgk-info"><ul><li><b>索引号：</b>11210900/2022-01234</li><li><b>发布机构：</b>阜新市人民政府</li><li><b>成文日期：</b>2022年07月12日</li><li><b>文号：</b>阜政发〔2022〕11号</li><li><b>发布日期：</b>2022年07月15日</li><li><b>主题分类：</b>妇女儿童</li></ul></div>
<div class="xxgk-detail"><h2 class="xxgk-title">${escapeHtml(TITLE)}</h2>
<div class="xxgk-content" id="UCAP-CONTENT">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</div>
<div class="xxgk-tools"><span>【<a href="javascript:print()">打印</a>】</span><span>【<a href="javascript:close()">关闭</a>】</span><span class="qr">扫一扫在手机打开当前页</span></div></div>
<div class="prev-next"><p>上一篇：<a href="/1.html">关于…的通知</a></p><p>下一篇：<a href="/2.html">关于…的通报</a></p></div>
<footer><p>版权所有：阜新市人民政府办公室</p><p>辽ICP备05001234号 网站标识码：2109000001</p></footer></body></html>`,
  },
  'modern page with <main> and <aside>, UTF-8': {
    encoding: 'utf-8',
    expect: planText,
    html: () => `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${TITLE}</title></head><body>
<a class="skip" href="#main">跳到正文</a><nav aria-label="主导航"><a href="/">网站首页</a><a href="/zx">新闻中心</a><a href="/wza">无障碍浏览</a></nav>
<main id="main"><ol class="breadcrumb"><li><a href="/">首页</a></li><li><a href="/zc">政策</a></li><li>正文</li></ol>
<h1>${escapeHtml(TITLE)}</h1><p class="meta"><span>来源：阜新市人民政府</span><span>发布时间：2022-07-15</span><span>浏览次数：1024</span></p>
<section class="detail-body">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</section>
<div class="share">分享到：<a>微信</a><a>微博</a></div></main>
<aside><h2>相关链接</h2><ul><li><a href="/a">阜新市妇女儿童工作委员会</a></li><li><a href="/b">阜新市妇联</a></li></ul></aside>
<footer class="site-footer">版权所有 © 阜新市人民政府 <a href="https://beian.miit.gov.cn">辽ICP备05001234号</a> 网站标识码：2109000001</footer></body></html>`,
  },
  'title and number above .TRS_Editor, GBK': {
    encoding: 'gbk',
    expect: planText,
    html: () => {
      // The notice's own head (title over three lines, the number) printed above the editor's box.
      const head = paragraphs.slice(0, 4);
      const rest = paragraphs.slice(4);
      return `<html><head><meta charset="gbk"><title>${TITLE}</title></head><body><div id="top"><a href="/">网站首页</a></div>
<div class="article"><div class="art_title">${head.slice(0, 3).map((p) => `<p align="center"><strong>${escapeHtml(p)}</strong></p>`).join('')}</div>
<p align="center">${escapeHtml(head[3]!)}</p><div class="TRS_Editor">${rest.map((p) => `<p>　　${escapeHtml(p)}</p>`).join('')}</div>
<div class="art_bottom"><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div></div>
<div class="footer">版权所有：阜新市人民政府 网站标识码：2109000001 辽ICP备05001234号</div></body></html>`;
    },
  },
  'undeclared GBK, <div> paragraphs with &nbsp; indents': {
    encoding: 'gbk',
    expect: planText,
    html: () => `<html><head><title>${TITLE}</title><style>.c{font-size:16px}</style></head><body><div class="dh"><a href="/">网站首页</a> <a href="/xw">新闻</a></div>
<div class="c">${paragraphs.map((p) => `<div>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;${escapeHtml(p)}</div>`).join('\n')}</div>
<div class="dibu">版权所有：阜新市人民政府 辽ICP备05001234号 网站标识码：2109000001</div></body></html>`,
  },
  'task table in nested layout tables, GB2312': {
    encoding: 'gbk',
    expect: listText,
    html: () => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>重点任务清单</title></head><body>
<table width="980"><tr><td class="nav"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a></td></tr></table>
<table width="980"><tr><td width="200" valign="top"><table><tr><td><a href="/l1">通知公告</a></td></tr><tr><td><a href="/l2">政策文件</a></td></tr><tr><td><a href="/l3">相关链接</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td class="title">大安市妇女儿童发展规划重点任务清单</td></tr><tr><td class="content">${seedTaskTablesHtml()}</td></tr>
<tr><td align="right"><a href="javascript:print()">打印</a> <a href="javascript:close()">关闭</a></td></tr></table></td></tr></table>
<table width="980"><tr><td class="foot">版权所有：大安市人民政府 吉ICP备05004321号 网站标识码：2208820001</td></tr></table></body></html>`,
  },
};

const key = (i: Item) => JSON.stringify([i.kind, i.domain, i.number, i.text, i.leadDepartments, i.partnerDepartments]);
const results: string[] = [];
afterAll(() => console.log(`HTML layouts (items right / items expected, chrome strings leaked):\n${results.join('\n')}`));

describe('web-page layouts the reader was not tuned on', () => {
  it.each(Object.entries(templates))('%s', async (name, t) => {
    const bytes = t.encoding === 'gbk' ? iconv.encode(t.html(), 'gbk') : Buffer.from(t.html());
    const read = await readSource('page.html', new Uint8Array(bytes));
    const doc = ingestDocument('page.html', new Uint8Array(bytes), undefined, read);
    const expected = t.expect.items.map(key);
    const got = new Set(doc.items.map(key));
    const right = expected.filter((k) => got.has(k)).length;
    const body = doc.blocks.map((b) => b.text).join('\n');
    const leaked = CHROME.filter((c) => body.includes(c));
    results.push(`  ${name}: ${right}/${expected.length}, leaked ${leaked.length ? leaked.join('、') : 'none'}`);
    expect(doc.items.map(key)).toEqual(expected);
    expect(leaked).toEqual([]);
    const chars = (s: string) => [...s.replace(/\s+/g, '')].sort().join('');
    expect(chars(doc.blocks.map((b) => b.text).join('') + doc.removed.map((r) => r.text).join(''))).toBe(chars(read.text));
    if (t.meta) expect([doc.issuer, doc.date, doc.docNumber]).toEqual(t.meta);
  });
});

/**
 * A second set, written after the reader was tuned on the first and measured before any change
 * for it: its figures are the reader's on layouts it has not seen.
 */
const heldOut: Record<string, { html: () => string; encoding: 'gbk' | 'utf-8'; expect: KbDocument; meta?: [string | null, string | null, string | null]; notes?: RegExp }> = {
  'State Council-style pages_content with a <b>-labelled table, UTF-8': {
    encoding: 'utf-8',
    expect: planText,
    meta: ['阜新市人民政府', '2022-07-12', '阜政发〔2022〕11号'],
    html: () => `<html><head><meta charset="utf-8"><title>${TITLE}_政府信息公开</title></head><body><div class="header_nav"><a href="/">网站首页</a></div>
<table class="bd1" width="100%"><tbody><tr><td class="b12c"><b>索　引　号：</b></td><td>000014349/2022-00011</td><td class="b12c"><b>主题分类：</b></td><td>卫生、体育\\妇女儿童</td></tr>
<tr><td><b>发文机关：</b></td><td>阜新市人民政府</td><td><b>成文日期：</b></td><td>2022年07月12日</td></tr><tr><td><b>标　　题：</b></td><td colspan="3">${escapeHtml(TITLE)}</td></tr>
<tr><td><b>发文字号：</b></td><td>阜政发〔2022〕11号</td><td><b>发布日期：</b></td><td>2022年07月15日</td></tr></tbody></table>
<div class="pages_content" id="UCAP-CONTENT">${paragraphs.map((p) => `<p style="text-indent: 2em; font-family: 仿宋;">${escapeHtml(p)}</p>`).join('')}</div>
<div class="pages_print"><span class="print"><a href="javascript:window.print()">【打印】</a></span><span class="close"><a href="javascript:window.close()">【关闭】</a></span></div>
<div class="footer">版权所有：阜新市人民政府办公室　网站标识码：2109000001　辽ICP备05001234号</div></body></html>`,
  },
  'info and share inside div.article, GBK with attributes reversed': {
    encoding: 'gbk',
    expect: planText,
    html: () => `<html><head><meta content="text/html; charset=GBK" http-equiv="Content-Type"><title>${TITLE}</title></head><body><div id="header"><ul><li><a href="/">网站首页</a></li></ul></div>
<div class="article"><h2 class="article-title">${escapeHtml(TITLE)}</h2><div class="article-info"><span>发布时间：2022-07-15</span> <span>来源：市政府办公室</span> <span>浏览次数：233</span></div>
<div class="share-box">分享：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>${paragraphs.map((p) => `<p><span style="font-family:仿宋;font-size:16pt">${escapeHtml(p)}</span></p>`).join('')}
<div class="tools"><a href="javascript:print()">打印</a> | <a href="javascript:close()">关闭</a></div></div>
<div class="copyright">版权所有：阜新市人民政府 辽ICP备05001234号 网站标识码：2109000001</div></body></html>`,
  },
  '#Zoom upper-case, <center> title, GB2312 by <meta charset>': {
    encoding: 'gbk',
    expect: planText,
    html: () => `<html><head><meta charset="gb2312"><title>${TITLE}</title></head><body><table><tr><td><a href="/">网站首页</a> <a href="/x">在线访谈</a></td></tr></table>
<center><font size="5" color="#cc0000"><b>${escapeHtml(TITLE)}</b></font></center><div id="Zoom">${paragraphs.map((p) => `<p>　　${escapeHtml(p)}</p>`).join('\n')}</div>
<div align="center"><a href="#" onclick="window.print()">打印本页</a> <a href="#" onclick="window.close()">关闭窗口</a></div><div align="center">版权所有 阜新市人民政府 网站标识码：2109000001</div></body></html>`,
  },
  'a sidebar of prose beside the article, UTF-8': {
    encoding: 'utf-8',
    expect: planText,
    notes: /第 \d+ 行在网页的正文区域之外，但读来像正文，已保留/,
    html: () => `<html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><div class="navbar"><a href="/">网站首页</a></div>
<div class="wrapper"><div class="col-main"><h1>${escapeHtml(TITLE)}</h1><div class="article-content">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div></div>
<div class="col-sub"><div class="box"><h3>领导之窗</h3><p>市长主持市政府全面工作，负责财政、审计、人事、编制等方面的工作。</p></div></div></div>
<div class="foot">版权所有：阜新市人民政府 辽ICP备05001234号 网站标识码：2109000001</div></body></html>`,
  },
  'task table with <thead>, departments by <p>, UTF-8': {
    encoding: 'utf-8',
    expect: listText,
    html: () =>
      `<html><head><meta charset="utf-8"><title>任务清单</title></head><body><div class="nav"><a href="/">网站首页</a></div><div class="TRS_Editor">` +
      seedTaskTablesHtml()
        .replace(/<tbody>\n<tr>(.*?)<\/tr>/g, '<thead><tr>$1</tr></thead><tbody>')
        .replace(/<td>([^<]*(?:<br>[^<]*)+)<\/td>/g, (_, cell: string) => `<td>${cell.split('<br>').map((d) => `<p>${d}</p>`).join('')}</td>`) +
      `</div><div class="footer">版权所有：大安市人民政府 网站标识码：2208820001</div></body></html>`,
  },
};

const heldOutResults: string[] = [];
afterAll(() => console.log(`HTML layouts, held out (items right / items expected, chrome strings leaked):\n${heldOutResults.join('\n')}`));

describe('web-page layouts written after tuning, measured as they came', () => {
  it.each(Object.entries(heldOut))('%s', async (name, t) => {
    const bytes = t.encoding === 'gbk' ? iconv.encode(t.html(), 'gbk') : Buffer.from(t.html());
    const read = await readSource('page.html', new Uint8Array(bytes));
    const doc = ingestDocument('page.html', new Uint8Array(bytes), undefined, read);
    const expected = t.expect.items.map(key);
    const got = new Set(doc.items.map(key));
    const right = expected.filter((k) => got.has(k)).length;
    const body = doc.blocks.map((b) => b.text).join('\n');
    const leaked = CHROME.filter((c) => body.includes(c));
    heldOutResults.push(`  ${name}: ${right}/${expected.length}, leaked ${leaked.length ? leaked.join('、') : 'none'}`);
    expect(doc.items.map(key)).toEqual(expected);
    expect(leaked).toEqual([]);
    const chars = (s: string) => [...s.replace(/\s+/g, '')].sort().join('');
    expect(chars(doc.blocks.map((b) => b.text).join('') + doc.removed.map((r) => r.text).join(''))).toBe(chars(read.text));
    if (t.meta) expect([doc.issuer, doc.date, doc.docNumber]).toEqual(t.meta);
    const notes = (doc.notes ?? []).filter((n) => n.code === 'source').map((n) => n.message).join('\n');
    if (t.notes) expect(notes).toMatch(t.notes);
  });
});
