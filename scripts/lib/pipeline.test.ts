import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, ingestDocument } from './pipeline.ts';
import { SEED, SEEDS_DIR, seedNames, seedText } from './testing/seeds.ts';
import { seedKb } from './testing/seed-kb.ts';

async function seedsWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-seeds-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

describe('buildKnowledgeBase on the real seeds', () => {
  it('reads every seed, with stable ids and identical output on a second run', async () => {
    // The run's shared build (seed-kb.setup.ts) against a second, independent one.
    const first = seedKb();
    const second = await buildKnowledgeBase(SEEDS_DIR);
    expect(first.documents.map((d) => d.source)).toEqual(seedNames());
    const ids = first.documents.flatMap((d) => d.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.stringify(second.kb)).toBe(JSON.stringify(first));
  });

  it('gives the same document whatever the encoding and line ends of the file', async () => {
    const text = seedText(SEED.jinganReport);
    const files = {
      'a-utf8.txt': Buffer.from(text),
      'b-gbk.txt': iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'),
      'c-utf16.txt': iconv.encode(text, 'utf-16le', { addBOM: true }),
    };
    const [a, b, c] = Object.entries(files).map(([name, bytes]) => ingestDocument(name, bytes));
    // Together in one seeds folder they are one document three times: the build names them.
    const error = await buildKnowledgeBase(await seedsWith(files)).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/b-gbk\.txt：与 .*a-utf8\.txt 的文字完全相同（分别按 gb18030 和 utf-8 读取.*请保留其一/);
    expect((error as Error).message).toMatch(/c-utf16\.txt：与 .*a-utf8\.txt 的文字完全相同/);
    expect(b!.encoding).toBe('gb18030');
    expect(c!.encoding).toBe('utf-16le');
    for (const other of [b!, c!]) {
      expect(other.blocks).toEqual(a!.blocks);
      expect(other.items.map((i) => i.text)).toEqual(a!.items.map((i) => i.text));
      expect(other.city).toBe(a!.city);
    }
  });
});

describe('ingestDocument on untidy copies of a seed', () => {
  it('reads a GBK, CRLF, full-width-digit copy of the Fuxin plans exactly as the original', () => {
    const text = seedText(SEED.fuxinPlans);
    const untidy = text
      .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .replace(/^(\s*[０-９]+)\./gm, '$1．')
      .replace(/\n/g, '\r\n');
    const original = ingestDocument('plan.txt', Buffer.from(text));
    const copy = ingestDocument('plan.txt', iconv.encode(untidy, 'gbk'));
    expect(copy.encoding).toBe('gb18030');
    expect(copy.items.length).toBe(original.items.length);
    // The copy has `．` where a wrapped line began `3.4‰`; titles are otherwise identical.
    expect(copy.items.map((i) => [i.id, i.title.replace(/．/g, '.')])).toEqual(original.items.map((i) => [i.id, i.title]));
    expect([copy.city, copy.date, copy.docNumber]).toEqual([original.city, original.date, original.docNumber]);
  });
});

describe('ingestDocument on the same plan in another layout', () => {
  it('reads the Fuxin plans published one paragraph per line (as on a website) to the same items', () => {
    const original = ingestDocument('plan.txt', Buffer.from(seedText(SEED.fuxinPlans)));
    const web = ingestDocument('plan.txt', Buffer.from(original.blocks.map((b) => b.text).join('\n')));
    expect(web.blocks.map((b) => b.text)).toEqual(original.blocks.map((b) => b.text));
    expect(web.items.map((i) => [i.id, i.text])).toEqual(original.items.map((i) => [i.id, i.text]));
  });
});

describe('buildKnowledgeBase on bad input', () => {
  it('names every bad file, its problem and the fix, and builds nothing', async () => {
    const dir = await seedsWith({
      'plan.docx': Uint8Array.from([0x50, 0x4b, 0x03, 0x04]),
      'binary.txt': Uint8Array.from([0x00, 0x01, 0x02, 0xff, 0x00]),
      'empty.txt': '\n\n  \n',
      'orphan.txt.meta.json': '{"city":"鞍山市"}',
    });
    await copyFile(path.join(SEEDS_DIR, SEED.jinganReport), path.join(dir, SEED.jinganReport));
    const failure = await buildKnowledgeBase(dir).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(AggregateError);
    const message = failure!.message;
    expect(message).toMatch(/plan\.docx：无法作为 \.docx（zip）文件包打开.*重新另存为 \.docx，或另存为 \.txt，然后重新构建。/);
    expect(message).toMatch(/binary\.txt：含有 NUL 字节.*请另存为 UTF-8/);
    expect(message).toMatch(/empty\.txt：没有任何文字。请核对是否放错了文件，或删除它。/);
    expect(message).toMatch(/orphan\.txt\.meta\.json：找不到与之对应的源文件。请把它改名/);
    expect(message).not.toMatch(new RegExp(SEED.jinganReport));
  });

  it('applies a sidecar and rejects an invalid one with the key and the fix', async () => {
    const good = await seedsWith({ 'x.txt': seedText(SEED.ansanOpinion), 'x.txt.meta.json': '{"docNumber":"鞍人常〔2025〕9号"}' });
    const { kb } = await buildKnowledgeBase(good);
    expect(kb.documents[0]!.docNumber).toBe('鞍人常〔2025〕9号');
    expect(kb.documents[0]!.overridden).toContain('docNumber');

    const bad = await seedsWith({ 'x.txt': seedText(SEED.ansanOpinion), 'x.txt.meta.json': '{"date":"2025/6/27"}' });
    await expect(buildKnowledgeBase(bad)).rejects.toThrow(/x\.txt\.meta\.json.*date/);
  });
});
