/** The report and the input checks as the build runs them (buildKnowledgeBase on a seeds folder). */
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../pipeline.ts';
import { checkFileSize, DEFAULT_MAX_FILE_MB, FileTooLargeError, maxFileBytes } from '../../read/size-limit.ts';
import { SEED, SEEDS_DIR, seedText } from '../../testing/seeds.ts';

async function seedsWith(files: Record<string, string | Uint8Array>, seeds: string[] = []): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-report-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  for (const seed of seeds) await copyFile(path.join(SEEDS_DIR, seed), path.join(dir, seed));
  return dir;
}
const failure = (dir: string) => buildKnowledgeBase(dir).then(() => null, (e: Error) => e);

describe('input limits and duplicates stop the build, naming the files', () => {
  const saved = process.env.KB_MAX_FILE_MB;
  afterEach(() => {
    if (saved === undefined) delete process.env.KB_MAX_FILE_MB;
    else process.env.KB_MAX_FILE_MB = saved;
  });

  it('a file over the size limit, with its size, the limit and the fix', async () => {
    process.env.KB_MAX_FILE_MB = '0.004'; // 4 KB: the 5 KB opinion is over, the report's 8 KB too
    const dir = await seedsWith({ 'small.txt': '市人大常委会关于妇女儿童权益保障情况的审议意见\n一、加强工作。\n' }, [SEED.ansanOpinion]);
    const message = (await failure(dir))!.message;
    expect(message).toMatch(new RegExp(`${SEED.ansanOpinion}：大小为 0\\.0 MB，超过单个源文件 0\\.0 MB 的上限。请按文档拆分`));
    expect(message).toMatch(/KB_MAX_FILE_MB=/);
    expect(message).not.toMatch(/small\.txt/);
  });

  it('the limit: 20 MB unless KB_MAX_FILE_MB says otherwise', () => {
    expect(DEFAULT_MAX_FILE_MB).toBe(20);
    expect(maxFileBytes({})).toBe(20 * 1024 * 1024);
    expect(maxFileBytes({ KB_MAX_FILE_MB: '50' })).toBe(50 * 1024 * 1024);
    expect(maxFileBytes({ KB_MAX_FILE_MB: 'lots' })).toBe(20 * 1024 * 1024);
    expect(() => checkFileSize('seeds/big.txt', 21 * 1024 * 1024)).toThrow(FileTooLargeError);
    expect(() => checkFileSize('seeds/big.txt', 21 * 1024 * 1024)).toThrow(
      'seeds/big.txt：大小为 21.0 MB，超过单个源文件 20.0 MB 的上限。请按文档拆分（如每份规划一个文件），或只保存其文字；如确为一份文档，请设置 KB_MAX_FILE_MB=22 提高上限。',
    );
    expect(() => checkFileSize('seeds/ok.txt', 20 * 1024 * 1024)).not.toThrow();
  });

  it('two files that would have the same document id (a.txt, a.md) stop the build, naming both and the fix', async () => {
    const dir = await seedsWith({ 'a.txt': seedText(SEED.jinganReport), 'a.md': seedText(SEED.ansanOpinion) });
    const message = (await failure(dir))!.message;
    const d = path.basename(dir);
    expect(message).toBe(`发现 1 个问题：\n${d}/a.txt：与 ${d}/a.md 的文档标识同为“a”（由文件名得出）。请将其中一份改名。`);
  });

  it('the same seed under another name stops the build, naming both', async () => {
    const dir = await seedsWith({ 'copy.txt': seedText(SEED.jinganReport) }, [SEED.jinganReport]);
    const message = (await failure(dir))!.message;
    expect(message).toContain(`${path.basename(dir)}/copy.txt：与 ${path.basename(dir)}/${SEED.jinganReport} 是完全相同的文件。请保留其一`);
  });
});

describe('the report of a build', () => {
  it('a plan whose structure is not recognised is published in full, with its warning', async () => {
    const text = ['铁岭市妇女发展规划（2021—2030年）', '一、总体目标', '妇女健康水平持续提升。', '二、主要任务', '（1）加强妇女健康服务。', '（2）促进妇女就业。'].join('\n');
    const { kb, report } = await buildKnowledgeBase(await seedsWith({ 'tieling.txt': text }, [SEED.ansanOpinion]));
    const tieling = kb.documents.find((d) => d.source === 'tieling.txt')!;
    expect(tieling.kind).toBe('plan');
    expect(tieling.items).toEqual([]);
    expect(tieling.blocks.map((b) => b.text).join('\n')).toBe(text);
    expect(report.documents.find((d) => d.source === 'tieling.txt')!.warnings.map((w) => w.code)).toEqual(['no-items']);
  });

  it('a sidecar date after today is warned of, against the date the build is given', async () => {
    const dir = await seedsWith({ [`${SEED.jinganReport}.meta.json`]: '{"date": "2032-12-22"}' }, [SEED.jinganReport]);
    const at = async (today: string) => (await buildKnowledgeBase(dir, { today })).report.documents[0]!.warnings;
    expect(await at('2026-12-02')).toEqual([expect.objectContaining({ code: 'implausible-date', problem: 'after-today', from: 'sidecar', date: '2032-12-22' })]);
    expect(await at('2033-01-01')).toEqual([]);
  });

  it('a reworded copy of a seed builds, each document warned of the other', async () => {
    const edited = seedText(SEED.jinganReport).replace(/静安区/g, '黄浦区');
    const { report } = await buildKnowledgeBase(await seedsWith({ '005_copy.txt': edited }, [SEED.jinganReport]));
    expect(report.documents.map((d) => [d.source, d.warnings.map((w) => w.code === 'near-duplicate' && w.other)])).toEqual([
      [SEED.jinganReport, ['005_copy.txt']],
      ['005_copy.txt', [SEED.jinganReport]],
    ]);
  });
});
