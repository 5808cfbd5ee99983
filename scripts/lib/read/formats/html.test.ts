import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipeline.ts';
import { documentWarnings } from '../../publish/report/warnings.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import { CHROME_TEXTS, governmentPage, paragraphsHtml, seedTaskTablesHtml, type Container, type Declaration } from '../../testing/html.ts';
import type { Item, KbDocument } from '../../types.ts';
import { readSource } from './index.ts';

const perDomain = (items: Item[]) => items.filter((i) => i.kind === 'goal' || i.kind === 'measure').map((i) => [i.domain, i.kind, i.number, i.text]);
const chars = (t: string) => [...t.replace(/\s+/g, '')].sort().join('');

async function ingestPage(name: string, bytes: Uint8Array): Promise<{ doc: KbDocument; text: string }> {
  const read = await readSource(name, bytes);
  return { doc: ingestDocument(name, bytes, undefined, read), text: read.text };
}

const FUXIN_META = { 索引号: '11210900/2022-00011', 发文机关: '阜新市人民政府', 成文日期: '2022年07月12日', 发布日期: '2022-07-15', 文号: '阜政发〔2022〕11号', 主题分类: '综合政务' };
const FUXIN_TITLE = '阜新市人民政府关于印发阜新市妇女发展规划（2021—2030年）和阜新市儿童发展规划（2021—2030年）的通知';

describe('seed 001 as a government web page', () => {
  const fromText = ingestDocument(SEED.fuxinPlans, new TextEncoder().encode(seedText(SEED.fuxinPlans)));
  const paragraphs = fromText.blocks.map((b) => b.text);
  const variants: [string, Container, 'utf-8' | 'gbk', Declaration, 'p' | 'br' | 'strong-headings'][] = [
    ['TRS_Editor, GBK declared by <meta charset>', 'trs', 'gbk', 'meta-charset', 'p'],
    ['#zoom, GBK declared by http-equiv', 'zoom', 'gbk', 'http-equiv', 'strong-headings'],
    ['#UCAP-CONTENT, GBK undeclared', 'ucap', 'gbk', 'none', 'p'],
    ['.article-content, UTF-8 with a BOM', 'article-content', 'utf-8', 'bom', 'br'],
    ['.pages_content, UTF-8 undeclared', 'pages_content', 'utf-8', 'none', 'p'],
    ['<article>, UTF-8 by <meta charset>', 'article', 'utf-8', 'meta-charset', 'strong-headings'],
    ['no known container (text density), GBK by http-equiv', 'unmarked', 'gbk', 'http-equiv', 'p'],
    ['a layout table (text density), UTF-8', 'layout-table', 'utf-8', 'http-equiv', 'br'],
  ];

  it.each(variants)('%s: the same goals and measures per domain as the .txt', async (_, container, encoding, declaration, style) => {
    const bytes = governmentPage({ title: FUXIN_TITLE, article: paragraphsHtml(paragraphs, style), container, encoding, declaration, meta: FUXIN_META });
    const { doc, text } = await ingestPage('001_fuxin.html', bytes);
    expect(doc.encoding).toBe(encoding === 'gbk' ? 'gb18030' : declaration === 'bom' ? 'utf-8-bom' : 'utf-8');
    expect(perDomain(fromText.items).length).toBeGreaterThan(150);
    expect(perDomain(doc.items)).toEqual(perDomain(fromText.items));
    expect(doc.kind).toBe(fromText.kind);
    expect([doc.city, doc.province, doc.level]).toEqual([fromText.city, fromText.province, fromText.level]);
    // No chrome in the text the recognisers and the reader page read…
    const body = doc.blocks.map((b) => b.text).join('\n');
    for (const chrome of CHROME_TEXTS) expect(body, chrome).not.toContain(chrome);
    expect(body).not.toMatch(/_hmt|document\.write|jquery|font-family/);
    // …all of it recorded as removed, with why…
    const reasons = new Set(doc.removed.map((r) => r.reason));
    for (const r of ['navigation', 'breadcrumb', 'metadata-table', 'page-tools', 'related-links', 'footer', 'page-code'] as const) expect(reasons, r).toContain(r);
    expect(doc.removed.find((r) => r.text.includes('网站标识码'))?.reason).toBe('footer');
    expect(doc.removed.find((r) => r.text.includes('打印本页'))?.reason).toBe('page-tools');
    // …and nothing lost: blocks and removed parts hold every character of the page's text.
    expect(chars(doc.blocks.map((b) => b.text).join('') + doc.removed.map((r) => r.text).join(''))).toBe(chars(text));
    // The metadata table's facts reach the metadata.
    expect([doc.issuer, doc.date, doc.docNumber]).toEqual(['阜新市人民政府', '2022-07-12', '阜政发〔2022〕11号']);
    const notes = (doc.notes ?? []).filter((n) => n.code === 'source').map((n) => n.message);
    if (container === 'unmarked' || container === 'layout-table') expect(notes.join('\n')).toMatch(/按文字密度把第 \d+–\d+ 行当作正文/);
    else expect(notes).toEqual([]);
  });
});

describe('seed 003 as web tables', () => {
  it('gives the same domains, goals, measures and departments as the flattened Word text', async () => {
    const fromText = ingestDocument(SEED.daanTaskLists, new TextEncoder().encode(seedText(SEED.daanTaskLists)));
    const bytes = governmentPage({ title: '大安市妇女儿童发展规划（2021—2030年）重点任务清单', article: seedTaskTablesHtml(), container: 'zoom', encoding: 'gbk', declaration: 'http-equiv' });
    const { doc } = await ingestPage('003_daan.htm', bytes);
    const summary = (items: Item[]) => items.map((i) => ({ kind: i.kind, domain: i.domain, number: i.number, text: i.text, lead: i.leadDepartments, partner: i.partnerDepartments }));
    expect(fromText.items.length).toBeGreaterThan(150);
    expect(doc.kind).toBe('tasklist');
    expect(summary(doc.items)).toEqual(summary(fromText.items));
    expect(doc.items.some((i) => i.leadDepartments.length >= 2)).toBe(true);
    expect([doc.title, doc.city]).toEqual(['大安市妇女儿童发展规划（2021—2030年）重点任务清单', fromText.city]);
  });
});

const utf8 = (html: string) => new TextEncoder().encode(html);
const page = (body: string, head = '<meta charset="utf-8">') => utf8(`<!DOCTYPE html><html><head>${head}<title>某页</title></head><body>${body}</body></html>`);
const PLAN_HTML = [
  '<p>某市儿童发展规划（2021—2030年）</p>',
  '<h2>二、发展领域、主要目标和策略措施</h2>',
  '<h3>（一）儿童与健康</h3>',
  '<p><strong>主要目标：</strong></p>',
  '<ol><li>儿童健康水平不断提高，婴儿死亡率下降到5‰以下。</li><li>儿童营养状况持续改善，5岁以下儿童贫血率控制在10%以下。</li></ol>',
  '<p><b>策略措施：</b></p>',
  '<p>&nbsp;&nbsp;1.加强儿童医疗保健服务，完善儿童健康服务体系，提高基层儿童保健服务能力。<br>&nbsp;&nbsp;2.提升儿童营养水平，开展营养健康科普宣传教育，促进儿童合理膳食。</p>',
].join('\n');

describe('htmlToText on the parts of an article', () => {
  it('prints headings as Markdown headings, ordered lists with their numbers, <br> lines and &nbsp; indents', async () => {
    const read = await readSource('p.html', page(`<div class="TRS_Editor">${PLAN_HTML}</div>`));
    const doc = ingestDocument('p.html', page(''), undefined, read);
    expect(doc.blocks.filter((b) => b.headingDepth).map((b) => [b.headingDepth, b.text])).toEqual([
      [2, '二、发展领域、主要目标和策略措施'],
      [3, '（一）儿童与健康'],
    ]);
    expect(doc.items.map((i) => [i.kind, i.domain, i.number, i.text])).toEqual([
      ['goal', '儿童与健康', '1', '儿童健康水平不断提高，婴儿死亡率下降到5‰以下。'],
      ['goal', '儿童与健康', '2', '儿童营养状况持续改善，5岁以下儿童贫血率控制在10%以下。'],
      ['measure', '儿童与健康', '1', '加强儿童医疗保健服务，完善儿童健康服务体系，提高基层儿童保健服务能力。'],
      ['measure', '儿童与健康', '2', '提升儿童营养水平，开展营养健康科普宣传教育，促进儿童合理膳食。'],
    ]);
  });

  it('carries a rowspan down as Word carries vMerge, and keeps the grid under a colspan', async () => {
    const table = `<table><tr><th>发展领域</th><th>主要目标</th><th>策略措施</th><th>牵头部门</th><th>配合部门</th></tr>
      <tr><td rowspan="2">儿童与健康</td><td rowspan="2">1.儿童健康水平不断提高。</td><td>1.加强儿童医疗保健。</td><td rowspan="2">市卫健局<br>市医保局</td><td>市妇联，市教育局</td></tr>
      <tr><td>2.提升儿童营养水平。</td><td>市市场监管局</td></tr>
      <tr><td colspan="5">说明：以下为儿童与安全领域</td></tr>
      <tr><td>儿童与安全</td><td>1.儿童伤害死亡率下降。</td><td>1.预防儿童溺水。</td><td>市教育局</td><td>市应急局</td></tr></table>`;
    const bytes = page(`<h1>某市儿童发展规划（2021—2030年）重点任务清单</h1><div id="zoom"><p>各牵头部门会同配合部门负责落实以下任务，每年报送进展情况。</p>${table}</div>`);
    const read = await readSource('list.html', bytes);
    const lines = read.text.split('\n');
    const note = lines.indexOf('\t说明：以下为儿童与安全领域');
    expect(lines.slice(note + 1, note + 5)).toEqual(['\t', '\t', '\t', '\t']);
    expect([...read.mergedLines!].map((n) => lines[n - 1])).toEqual(['\t', '\t', '\t']);
    const doc = ingestDocument('list.html', bytes, undefined, read);
    expect(doc.kind).toBe('tasklist');
    expect(doc.items.filter((i) => i.kind === 'measure').map((m) => [m.domain, m.number, m.leadDepartments, m.partnerDepartments])).toEqual([
      ['儿童与健康', '1', ['市卫健局', '市医保局'], ['市妇联', '市教育局']],
      ['儿童与健康', '2', ['市卫健局', '市医保局'], ['市市场监管局']],
      ['儿童与安全', '1', ['市教育局'], ['市应急局']],
    ]);
  });

  it('names a linked attachment in the text and tells the editor it was not read', async () => {
    const bytes = page(`<div class="article-content">${PLAN_HTML}<p>附件：<a href="/files/P0202207.doc">下载</a></p><p>附件2：<a href="/u/任务清单.pdf">某市任务清单.pdf</a></p></div>`);
    const doc = ingestDocument('a.html', bytes, undefined, await readSource('a.html', bytes));
    const text = doc.blocks.map((b) => b.text);
    expect(text).toContain('附件：下载（P0202207.doc）');
    expect(text).toContain('附件2：某市任务清单.pdf');
    const warnings = documentWarnings(doc).filter((w) => w.code === 'source').map((w) => w.message);
    expect(warnings).toEqual([
      '网页链接了附件“下载（P0202207.doc）”，其内容没有读取；如果附件是规划或任务清单的正文，请下载附件，另存为 .docx 或 .txt 后加入',
      '网页链接了附件“某市任务清单.pdf”，其内容没有读取；如果附件是规划或任务清单的正文，请下载附件，另存为 .docx 或 .txt 后加入',
    ]);
  });

  it('keeps prose standing outside the article, and says which lines', async () => {
    const bytes = page(
      `<div class="nav"><a href="/">首页</a><a href="/x">政务公开</a></div><div id="zoom">${PLAN_HTML}</div>` +
        '<div class="wrap2"><div class="box"><p>本规划由市妇女儿童工作委员会办公室负责解释，自印发之日起施行，各地可结合实际制定实施方案。</p></div><div class="nav2"><a>返回</a></div></div>' +
        '<div class="footer">主办单位：某市人民政府办公室</div>',
    );
    const read = await readSource('o.html', bytes);
    const doc = ingestDocument('o.html', bytes, undefined, read);
    expect(doc.blocks.at(-1)!.text).toBe('本规划由市妇女儿童工作委员会办公室负责解释，自印发之日起施行，各地可结合实际制定实施方案。');
    const line = read.text.split('\n').indexOf(doc.blocks.at(-1)!.text) + 1;
    expect(documentWarnings(doc).filter((w) => w.code === 'source').map((w) => w.message)).toEqual([
      `第 ${line} 行在网页的正文区域之外，但读来像正文，已保留；如果是网站的说明文字，请把正文复制为 .txt 文件代替该网页`,
    ]);
    expect(doc.removed.map((r) => [r.reason, r.text])).toEqual([
      ['page-chrome', '某页'],
      ['navigation', '首页政务公开'],
      ['navigation', '返回'],
      ['footer', '主办单位：某市人民政府办公室'],
    ]);
  });
});

describe('pages that hold no article', () => {
  it('a list page is refused in Chinese, naming the file and the fix', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/a${i}.html">某市妇女儿童工作动态第${i + 1}期：召开妇女儿童工作会议</a><span>2024-0${(i % 9) + 1}-12</span></li>`).join('');
    const bytes = page(`<div class="nav"><a href="/">首页</a></div><div class="list"><ul>${items}</ul></div><div class="page">共3页 <a>下一页</a></div>`);
    await expect(readSource('list.html', bytes)).rejects.toThrow(
      /^list\.html：找不到文章正文，像是网站的列表页或导航页（正文区最多只有 \d+ 个字，页面文字的 \d+% 是链接）。请在浏览器中打开文章本身的页面（点进标题），另存为“网页，仅 HTML”，或把正文复制为 \.txt 文件，然后重新构建。$/,
    );
  });

  it('an empty page and a page that is not HTML are refused too', async () => {
    await expect(readSource('empty.htm', page(''))).rejects.toThrow(/^empty\.htm：找不到文章正文/);
    await expect(readSource('bin.html', Uint8Array.from([0x00, 0x01, 0xfe, 0x00, 0x41]))).rejects.toThrow(/^bin\.html：/);
  });
});

describe('npm run add with a web page', () => {
  it('reads the page as the build does, copies its bytes, and a sidecar still overrides the metadata table', async () => {
    const { mkdtemp, readFile, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { addDocument } = await import('../../add.ts');
    const seeds = await mkdtemp(path.join(tmpdir(), 'kb-html-seeds-'));
    const inbox = await mkdtemp(path.join(tmpdir(), 'kb-html-inbox-'));
    const fromText = ingestDocument(SEED.fuxinPlans, new TextEncoder().encode(seedText(SEED.fuxinPlans)));
    const bytes = governmentPage({ title: FUXIN_TITLE, article: paragraphsHtml(fromText.blocks.map((b) => b.text)), encoding: 'gbk', meta: FUXIN_META });
    const file = path.join(inbox, '阜新市规划.htm');
    await writeFile(file, bytes);
    const added = await addDocument(file, { date: '2022-07-20' }, { seedsDir: seeds });
    expect(added.name).toMatch(/^000_[0-9a-f]{16}\.htm$/);
    expect(new Uint8Array(await readFile(path.join(seeds, added.name)))).toEqual(bytes);
    expect(added.report).toMatchObject({ kind: 'plan', city: '阜新市', encoding: 'gb18030', date: '2022-07-20', items: fromText.items.length, warnings: [] });
  });
});

describe('the article keeps what only looks like chrome', () => {
  it('keeps paragraphs that name tools, footers and metadata labels, and classes that name page parts', async () => {
    const risky = [
      '<p class="top">一、总体要求</p>',
      '<p class="font">（一）充分利用微信 微博等新媒体开展宣传。</p>',
      '<p>联系我们：市妇联权益部，电话 0418-1234567。</p>',
      '<p>规范公文标题、文号、成文日期等要素，按规定公开。</p>',
      '<div class="left"><p>相关部门要加强协作，形成工作合力。</p></div>',
      '<p>主办单位要落实安全责任。</p>',
      '<p>打印</p>',
    ];
    const bytes = page(`<div class="nav"><a href="/">首页</a></div><div class="TRS_Editor">${PLAN_HTML}${risky.join('')}</div><div class="print"><a>打印</a></div>`);
    const doc = ingestDocument('r.html', bytes, undefined, await readSource('r.html', bytes));
    const text = doc.blocks.map((b) => b.text);
    for (const kept of ['一、总体要求', '（一）充分利用微信 微博等新媒体开展宣传。', '联系我们：市妇联权益部，电话 0418-1234567。', '规范公文标题、文号、成文日期等要素，按规定公开。', '相关部门要加强协作，形成工作合力。', '主办单位要落实安全责任。']) {
      expect(text, kept).toContain(kept);
    }
    // A paragraph of nothing but a tool word inside the article is the page's button, printed in the article.
    expect(doc.removed.filter((r) => r.reason === 'page-tools').map((r) => r.text)).toEqual(['打印', '打印']);
  });
});

describe('short pages', () => {
  it('a short notice whose plan is its attachment is read, and the report names the attachment', async () => {
    const bytes = page('<div class="nav"><a href="/">首页</a></div><div id="zoom"><p>现将《某市妇女发展规划（2021—2030年）》印发给你们，请认真贯彻执行。</p><p>附件：<a href="/u/P020220715.pdf">某市妇女发展规划（2021—2030年）.pdf</a></p></div>');
    const doc = ingestDocument('n.html', bytes, undefined, await readSource('n.html', bytes));
    expect(doc.blocks.map((b) => b.text)).toEqual(['现将《某市妇女发展规划（2021—2030年）》印发给你们，请认真贯彻执行。', '附件：某市妇女发展规划（2021—2030年）.pdf']);
    expect(documentWarnings(doc).map((w) => w.message)).toContain('网页链接了附件“某市妇女发展规划（2021—2030年）.pdf”，其内容没有读取；如果附件是规划或任务清单的正文，请下载附件，另存为 .docx 或 .txt 后加入');
  });

  it('a page whose article is images, and a frameset, are refused with what to do', async () => {
    const scan = page('<div class="TRS_Editor"><p><img src="/u/1.jpg"></p><p><img src="/u/2.jpg"></p></div>');
    await expect(readSource('scan.html', scan)).rejects.toThrow(/^scan\.html：正文是图片（2 张，文字只有 0 个字），图片中的文字无法读取。请找到该文件的文字版/);
    const frames = utf8('<html><head><meta charset="utf-8"></head><frameset rows="100,*"><frame src="top.html"><frame src="content_123.html"></frameset></html>');
    await expect(readSource('f.htm', frames)).rejects.toThrow(/^f\.htm：是由框架（frameset）拼成的网页，正文在另一个网页里（top\.html、content_123\.html）。请在浏览器中单独打开正文所在的框架页/);
  });
});

describe('what the metadata table states', () => {
  const planPage = (extra: string, meta: Record<string, string>) =>
    governmentPage({ title: '某市儿童发展规划', article: `${PLAN_HTML}${extra}`, container: 'zoom', meta });

  it('gives the title, and the publication date only where the text has no date of its own', async () => {
    const meta = { 标题: '鞍山市儿童发展规划（2021—2030年）', 发布日期: '2023年03月01日', 文号: '无' };
    const undated = ingestDocument('u.html', new Uint8Array(), undefined, await readSource('u.html', planPage('', meta)));
    expect([undated.title, undated.city, undated.date, undated.docNumber]).toEqual(['鞍山市儿童发展规划（2021—2030年）', '鞍山市', '2023-03-01', null]);
    const signed = ingestDocument('s.html', new Uint8Array(), undefined, await readSource('s.html', planPage('<p style="text-align:right">鞍山市人民政府</p><p style="text-align:right">2023年2月10日</p>', meta)));
    expect(signed.date).toBe('2023-02-10');
  });

  it('is trusted over the text, and an editor\'s sidecar over both', async () => {
    const bytes = planPage('<p>2023年2月10日</p>', { 发文机关: '鞍山市妇女儿童工作委员会', 成文日期: '2023-02-08', 发文字号: '鞍妇儿工委发〔2023〕2号' });
    const read = await readSource('t.html', bytes);
    // The generator's page also prints 发布时间 under the title: the publication date.
    expect(read.meta).toEqual({ issuer: '鞍山市妇女儿童工作委员会', date: '2023-02-08', docNumber: '鞍妇儿工委发〔2023〕2号', publishedDate: '2022-07-15' });
    const doc = ingestDocument('t.html', bytes, undefined, read);
    expect([doc.issuer, doc.city, doc.date, doc.docNumber]).toEqual(['鞍山市妇女儿童工作委员会', '鞍山市', '2023-02-08', '鞍妇儿工委发〔2023〕2号']);
    const edited = ingestDocument('t.html', bytes, JSON.stringify({ date: '2023-02-09' }), read);
    expect([edited.date, edited.overridden]).toEqual(['2023-02-09', ['date']]);
  });
});

describe('buildKnowledgeBase with a web page', () => {
  it('builds it beside a .txt, reports its notes, and reuses its cached parse', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { ParseCache } = await import('../../cache.ts');
    const { buildKnowledgeBase } = await import('../../pipeline.ts');
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-html-build-'));
    await writeFile(path.join(dir, 'plan.html'), page(`<div class="wz"><div>${PLAN_HTML}</div></div>`));
    await writeFile(path.join(dir, 'note.txt'), '某市妇女儿童工作会议讲话\n同志们：今天召开全市妇女儿童工作会议，部署下一阶段工作。');
    const cache = new ParseCache(await mkdtemp(path.join(tmpdir(), 'kb-cache-')));
    const { kb, report } = await buildKnowledgeBase(dir, { cache });
    const plan = kb.documents.find((d) => d.source === 'plan.html')!;
    expect([plan.encoding, plan.kind, plan.items.length]).toEqual(['utf-8', 'plan', 4]);
    expect(report.documents.find((d) => d.source === 'plan.html')!.warnings.filter((w) => w.code === 'source').map((w) => w.message)).toEqual([
      expect.stringMatching(/^没有找到政府网站常用的正文区域（如 TRS_Editor、zoom、article-content），已按文字密度把第 2–\d+ 行当作正文/),
    ]);
    const again = await buildKnowledgeBase(dir, { cache });
    expect(cache.hits).toBe(2);
    expect(JSON.stringify(again.kb)).toBe(JSON.stringify(kb));
  });
});

describe('a Word document saved as a web page (.htm)', () => {
  it('reads Word\'s HTML: MsoNormal paragraphs, list numbers in spans, conditional comments, the head\'s PubDate', async () => {
    const p = (t: string) => `<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>${t}<o:p></o:p></span></p>`;
    const listed = (n: string, t: string) =>
      `<p class=MsoListParagraph><![if !supportLists]><span lang=EN-US>${n}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>${t}</span></p>`;
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name="PubDate" content="2023-05-06 10:00"><style><!-- p.MsoNormal{margin:0} --></style></head>
<body lang=ZH-CN><div class=WordSection1>${p('某市儿童发展规划（2021—2030年）')}${p('（一）儿童与健康。')}${p('主要目标：')}
${listed('1.', '儿童健康水平不断提高，婴儿死亡率下降到5‰以下。')}${p('策略措施：')}${listed('1.', '加强儿童医疗保健服务，完善儿童健康服务体系，提高基层儿童保健服务能力。')}</div></body></html>`;
    const bytes = new Uint8Array(iconv.encode(html, 'gbk'));
    const read = await readSource('word.htm', bytes);
    expect(read.meta).toEqual({ publishedDate: '2023-05-06' });
    const doc = ingestDocument('word.htm', bytes, undefined, read);
    expect(doc.items.map((i) => [i.kind, i.domain, i.number, i.text])).toEqual([
      ['goal', '儿童与健康', '1', '儿童健康水平不断提高，婴儿死亡率下降到5‰以下。'],
      ['measure', '儿童与健康', '1', '加强儿童医疗保健服务，完善儿童健康服务体系，提高基层儿童保健服务能力。'],
    ]);
    expect(doc.date).toBe('2023-05-06');
  });
});
