import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Printing and reading whole documents takes seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
import { ParseCache } from '../../cache.ts';
import { buildKnowledgeBase } from '../../pipeline.ts';
import { keyTaskDocx, printPdf } from '../../testing/formats.ts';
import { governmentPage, paragraphsHtml } from '../../testing/html.ts';
import { readSource, SOURCE_EXTENSIONS, unreadableReason } from './index.ts';

async function seedsWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-formats-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

const PLAN = [
  '某市儿童发展规划（2021—2030年）',
  '二、发展领域、主要目标和策略措施',
  '（一）儿童与健康。',
  '主要目标：',
  '1.儿童健康水平不断提高，婴儿死亡率下降到5‰以下。',
  '策略措施：',
  '1.加强儿童医疗保健服务，完善儿童健康服务体系，提高基层儿童保健服务能力。',
];

describe('readSource', () => {
  it('reads each accepted extension, whatever its case', async () => {
    expect([...SOURCE_EXTENSIONS].sort()).toEqual(['.doc', '.docx', '.htm', '.html', '.md', '.odt', '.pdf', '.rtf', '.txt', '.wps']);
    expect((await readSource('A.TXT', new TextEncoder().encode('妇女儿童'))).encoding).toBe('utf-8');
    expect((await readSource('a.DOCX', await keyTaskDocx())).encoding).toBe('docx');
    const page = governmentPage({ title: '某市儿童发展规划（2021—2030年）', article: paragraphsHtml(PLAN.slice(1)), encoding: 'gbk' });
    expect((await readSource('A.HTM', page)).encoding).toBe('gb18030');
    expect((await readSource('a.Html', page)).furniture?.size).toBeGreaterThan(10);
  });

  it('says in Chinese what to do with formats it cannot read', async () => {
    expect(unreadableReason('.mht')).toMatch(/另存为“网页，仅 HTML”（\.html）/);
    expect(unreadableReason('.xlsx')).toBe('扩展名为 .xlsx 的文件无法读取。请把文档另存为 .docx、.pdf（带文字层）、.html（网页）或 UTF-8 文本（.txt）后重新构建。');
    expect(unreadableReason('')).toMatch(/^没有扩展名的文件无法读取/);
    // Old Word files are converted by LibreOffice (convert.test.ts); one that is no Word file at all is not sent to it.
    await expect(readSource('old.doc', new Uint8Array(8))).rejects.toThrow(/^old\.doc：是 Word 97–2003 文档（\.doc），但内容不是这种格式.*另存为 \.docx 后重新构建。$/);
  });
});

describe('buildKnowledgeBase with Word and PDF sources', () => {
  it('builds documents from .docx and .pdf, and reuses their cached parse', async () => {
    const dir = await seedsWith({ 'list.docx': await keyTaskDocx(), 'plan.pdf': await printPdf(PLAN, { pageNumbers: true }) });
    const cache = new ParseCache(await mkdtemp(path.join(tmpdir(), 'kb-cache-')));
    const { kb } = await buildKnowledgeBase(dir, { cache });
    expect(kb.documents.map((d) => [d.source, d.encoding, d.kind])).toEqual([
      ['list.docx', 'docx', 'tasklist'],
      ['plan.pdf', 'pdf', 'plan'],
    ]);
    const plan = kb.documents[1]!;
    expect(plan.items.map((i) => [i.kind, i.domain, i.text])).toEqual([
      ['goal', '儿童与健康', '儿童健康水平不断提高，婴儿死亡率下降到5‰以下。'],
      ['measure', '儿童与健康', '加强儿童医疗保健服务，完善儿童健康服务体系，提高基层儿童保健服务能力。'],
    ]);
    expect(plan.removed.map((r) => [r.text, r.reason])).toEqual([['- 1 -', 'page-number']]);

    const again = await buildKnowledgeBase(dir, { cache });
    expect(cache.hits).toBe(2);
    expect(JSON.stringify(again.kb)).toBe(JSON.stringify(kb));
  });

  it('stops on every unreadable file, naming each with its problem and fix', async () => {
    const scan = await printPdf([]);
    const dir = await seedsWith({
      'a-old.doc': Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'b-broken.docx': 'PK but not really a zip',
      'c-scan.pdf': scan,
      'd-good.docx': await keyTaskDocx(),
      'e-notes.rtf': '{\\rtf1 hello}',
    });
    const error = await buildKnowledgeBase(dir).then(
      () => undefined,
      (e: AggregateError) => e,
    );
    const lines = error!.errors.map((e: Error) => e.message);
    // The .rtf is read (LibreOffice converts it); the rest stop the build, each with its reason.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/a-old\.doc：是 Word 97–2003 文档（\.doc），LibreOffice 无法打开它/);
    // Not a zip at all: LibreOffice is not tried, the Word reader's message stands.
    expect(lines[1]).toMatch(/b-broken\.docx：无法作为 \.docx（zip）文件包打开.*然后重新构建。$/);
    // A blank scan: OCR finds nothing to read either.
    expect(lines[2]).toMatch(/c-scan\.pdf：没有文字层.*文字识别（OCR）也没有认出文字/);
  });
});
