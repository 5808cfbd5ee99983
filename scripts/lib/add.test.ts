import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { addDocument, conventionalName } from './add.ts';
import { buildKnowledgeBase } from './pipeline.ts';
import { keyTaskDocx } from './testing/formats.ts';
import { SEED, SEEDS_DIR, seedText } from './testing/seeds.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A seeds folder with two real seeds, and a folder of files an editor brings. */
async function folders(): Promise<{ seeds: string; inbox: string }> {
  const seeds = await mkdtemp(path.join(tmpdir(), 'kb-add-seeds-'));
  const inbox = await mkdtemp(path.join(tmpdir(), 'kb-add-inbox-'));
  for (const s of [SEED.ansanOpinion, SEED.fuxinPlans]) await copyFile(path.join(SEEDS_DIR, s), path.join(seeds, s));
  return { seeds, inbox };
}

describe('addDocument', () => {
  it('copies a real document in under the seeds’ convention with its sidecar, and reports what the build will', async () => {
    const { seeds, inbox } = await folders();
    const file = path.join(inbox, '大安市重点任务清单.txt');
    await copyFile(path.join(SEEDS_DIR, SEED.daanTaskLists), file);

    const added = await addDocument(file, { date: '2022-03-01', docNumber: '大政办发〔2022〕5号' }, { seedsDir: seeds });
    expect(added.name).toMatch(/^002_[0-9a-f]{16}\.txt$/);
    expect(added.sidecar).toBe(`${added.name}.meta.json`);
    expect(await readFile(path.join(seeds, added.name))).toEqual(await readFile(file));
    expect(JSON.parse(await readFile(path.join(seeds, added.sidecar!), 'utf8'))).toEqual({ date: '2022-03-01', docNumber: '大政办发〔2022〕5号' });
    expect(added.report).toMatchObject({ kind: 'tasklist', city: '大安市', date: '2022-03-01', items: 298, withoutDomain: 0, warnings: [] });
    expect(added.report.domains).toHaveLength(15);
    expect(added.report.unknown).toEqual(['issuer']);

    // The build of the seeds folder reports this document exactly as add did.
    const { report } = await buildKnowledgeBase(seeds);
    expect(report.documents.find((d) => d.source === added.name)).toEqual(added.report);
  });

  it('reads a Word key-task list as the build does, and copies it byte for byte', async () => {
    const { seeds, inbox } = await folders();
    const file = path.join(inbox, '重点任务清单.docx');
    await writeFile(file, await keyTaskDocx());
    const added = await addDocument(file, { city: '乾安县', province: '吉林省' }, { seedsDir: seeds });
    expect(added.name).toMatch(/^002_[0-9a-f]{16}\.docx$/);
    expect(await readFile(path.join(seeds, added.name))).toEqual(await readFile(file));
    expect(added.report).toMatchObject({ kind: 'tasklist', city: '乾安县', encoding: 'docx' });
    expect(added.report.items).toBeGreaterThan(0);
    const { report } = await buildKnowledgeBase(seeds);
    expect(report.documents.find((d) => d.source === added.name)).toEqual(added.report);
  });

  it('refuses the same document again, in another encoding too, naming the file it duplicates; nothing is written', async () => {
    const { seeds, inbox } = await folders();
    const gbk = path.join(inbox, 'fuxin-gbk.txt');
    await writeFile(gbk, iconv.encode(seedText(SEED.fuxinPlans).replace(/\n/g, '\r\n'), 'gbk'));
    await expect(addDocument(gbk, {}, { seedsDir: seeds })).rejects.toThrow(
      new RegExp(`fuxin-gbk\\.txt: has the same text as .*${SEED.fuxinPlans} \\(gb18030 and utf-8 decoded.*nothing was added`),
    );
    expect((await readdir(seeds)).sort()).toEqual([SEED.ansanOpinion, SEED.fuxinPlans]);
  });

  it('refuses an invalid field, an existing name and an unreadable kind of file, writing nothing', async () => {
    const { seeds, inbox } = await folders();
    const file = path.join(inbox, 'report.txt');
    await copyFile(path.join(SEEDS_DIR, SEED.jinganReport), file);
    await expect(addDocument(file, { date: '2025/12/22' }, { seedsDir: seeds })).rejects.toThrow(/report\.txt\.meta\.json: "date" must be YYYY-MM-DD.*\n.*made from the options given/);
    await expect(addDocument(file, { kind: 'minutes' as never }, { seedsDir: seeds })).rejects.toThrow(/"kind" must be one of "plan"/);
    await writeFile(path.join(seeds, 'report.txt'), 'an older file');
    await expect(addDocument(file, {}, { seedsDir: seeds, keepName: true })).rejects.toThrow(/report\.txt already exists; nothing was overwritten/);
    const doc = path.join(inbox, 'plan.doc');
    await writeFile(doc, 'legacy');
    await expect(addDocument(doc, {}, { seedsDir: seeds })).rejects.toThrow(/plan\.doc: 是 Word 97–2003 文档.*另存为 \.docx/);
    // A Word file that is not a readable .docx (damaged): named, nothing copied.
    const docx = path.join(inbox, 'plan.docx');
    await writeFile(docx, 'PK');
    await expect(addDocument(docx, {}, { seedsDir: seeds })).rejects.toThrow(/plan\.docx: /);
    expect((await readdir(seeds)).sort()).toEqual([SEED.ansanOpinion, SEED.fuxinPlans, 'report.txt']);
    expect(await readFile(path.join(seeds, 'report.txt'), 'utf8')).toBe('an older file');
  });

  it('a dry run reports, warnings included, and copies nothing', async () => {
    const { seeds, inbox } = await folders();
    const file = path.join(inbox, 'copy.txt');
    await writeFile(file, seedText(SEED.fuxinPlans).replace(/阜新市/g, '铁岭市').replace(/阜政发〔2022〕11号/, '铁政发〔2022〕8号'));
    const added = await addDocument(file, {}, { seedsDir: seeds, dryRun: true });
    expect(added.report.city).toBe('铁岭市');
    expect(added.report.warnings).toEqual([expect.objectContaining({ code: 'near-duplicate', other: SEED.fuxinPlans })]);
    expect((await readdir(seeds)).sort()).toEqual([SEED.ansanOpinion, SEED.fuxinPlans]);
  });

  it('names files by the next number and the content hash', () => {
    const bytes = Buffer.from('x');
    expect(conventionalName(['000_a.txt', '004_b.txt', '004_b.txt.meta.json', 'notes.md'], bytes, '.TXT')).toBe('005_2d711642b726b044.txt');
    expect(conventionalName([], bytes, '.md')).toBe('000_2d711642b726b044.md');
  });
});

describe('npm run add', () => {
  it('adds a file with options given on the command line and prints the report; a bad option fails with usage', async () => {
    const { seeds, inbox } = await folders();
    const file = path.join(inbox, 'jingan.txt');
    await copyFile(path.join(SEEDS_DIR, SEED.jinganReport), file);
    const run = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'add', '--', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KB_CACHE: 'off' } });

    const ok = run(file, '--seeds', seeds, '--city', '上海市静安区', '--populations', '妇女,儿童');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/add: .*jingan\.txt → .*002_[0-9a-f]{16}\.txt/);
    expect(ok.stdout).toMatch(/kind\s+report\s+level district/);
    expect(ok.stdout).toMatch(/items\s+10: 10 reports/);
    expect(ok.stdout).toMatch(/run `npm run build` to publish it/);
    const sidecar = (await readdir(seeds)).find((n) => n.endsWith('.meta.json'))!;
    expect(JSON.parse(await readFile(path.join(seeds, sidecar), 'utf8'))).toEqual({ city: '上海市静安区', populations: ['妇女', '儿童'] });

    const bad = run(file, '--seeds', seeds, '--town', 'x');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/add failed, nothing was added:\n.*--town/);
  }, 30_000);
});
