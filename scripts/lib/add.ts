/**
 * `npm run add`: an editor brings one document. The file is checked and parsed exactly as the
 * build will (decode → normalise → metadata with the sidecar → structure), compared with the
 * documents already in seeds/, and only then copied in with its sidecar, so a file the build
 * would refuse is never added. Returns the document's report (what the ingest recognises and
 * its warnings) without building the site.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentReport } from '../../src/lib/ingest-report.ts';
import type { ParseCache } from './cache.ts';
import { readSource, unreadableReason } from './read/formats/index.ts';
import { ingestDocument, SOURCE_EXTENSIONS } from './pipeline.ts';
import { exactDuplicateMessage, exactDuplicates } from './publish/report/duplicates.ts';
import { reportDocuments } from './publish/report/index.ts';
import { sidecarName } from './understand/sidecar.ts';
import { checkFileSize } from './read/size-limit.ts';
import type { DocumentMeta, KbDocument } from './types.ts';

/** Sidecar fields an editor may give on the command line (validated by sidecar.ts as in the build). */
export type AddFields = Partial<Omit<DocumentMeta, 'overridden'>>;

export interface AddOptions {
  seedsDir: string;
  /** Keep the file's own name instead of the seeds' `NNN_<hash>` convention. */
  keepName?: boolean;
  /** Check and report only; copy nothing. */
  dryRun?: boolean;
  /** Parses of the documents already in seeds/, as the build cached them. */
  cache?: ParseCache;
  /** `YYYY-MM-DD` for the dates check; absent: today by the real clock. */
  today?: string;
}

export interface AddResult {
  /** The source's name in seeds/. */
  name: string;
  /** Written (or, in a dry run, to be written) sidecar name, if any field was given. */
  sidecar: string | null;
  report: DocumentReport;
  /** Seeds that could not be read to compare with (the build will name their problem). */
  unreadable: string[];
}

export class AddError extends Error {}

/**
 * The seeds' naming convention: a running number and the first 16 hex digits of the file's
 * SHA-256 (`005_3fa2c1…​.txt`). Ids and URLs come from file names, so they stay ASCII, stable
 * and unique whatever the editor called the file.
 */
export function conventionalName(existing: readonly string[], bytes: Uint8Array, ext: string): string {
  const numbers = existing.map((n) => /^(\d+)_/.exec(n)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  const next = numbers.length ? Math.max(...numbers) + 1 : 0;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `${String(next).padStart(3, '0')}_${hash}${ext.toLowerCase()}`;
}

export async function addDocument(file: string, fields: AddFields, options: AddOptions): Promise<AddResult> {
  const { seedsDir } = options;
  const ext = path.extname(file).toLowerCase();
  if (!SOURCE_EXTENSIONS.has(ext)) {
    throw new AddError(`${file}：${unreadableReason(ext)}`);
  }
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new AddError(`${file}：找不到这个文件。请核对路径。`);
  }
  checkFileSize(file, size);
  const bytes = await readFile(file);

  const names = (await readdir(seedsDir)).filter((n) => !n.startsWith('.')).sort();
  const name = options.keepName ? path.basename(file) : conventionalName(names, bytes, ext);
  const sidecarFile = sidecarName(name);
  for (const taken of [name, sidecarFile]) {
    if (names.includes(taken)) throw new AddError(`${path.join(seedsDir, taken)}：已经存在，没有覆盖。请先删除它，或以另一个文件名添加。`);
  }

  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const sidecar = Object.keys(given).length ? `${JSON.stringify(given, null, 2)}\n` : undefined;
  // Throws as the build would: undecodable bytes, or a sidecar value the rules refuse.
  let doc: KbDocument;
  try {
    doc = ingestDocument(name, bytes, sidecar, await readSource(name, bytes));
  } catch (error) {
    const message = (error as Error).message;
    const fromOptions = message.includes(sidecarFile) ? `\n（${sidecarFile} 由命令行选项生成：请改正相应选项，如 --date 2022-07-12，再运行 npm run add。）` : '';
    throw new AddError(`${message.replace(new RegExp(`^${name}`), file)}${fromOptions}`);
  }
  if (doc.blocks.length === 0) throw new AddError(`${file}：没有任何文字。请核对是否选错了文件。`);

  const { docs: existing, unreadable } = await seedDocuments(seedsDir, names, options.cache);
  const clash = existing.find((d) => d.id === doc.id);
  if (clash) throw new AddError(`${file}：文档标识“${doc.id}”（由文件名得出）与 ${path.join(seedsDir, clash.source)} 相同。请以另一个文件名添加。`);
  const duplicate = exactDuplicates([...existing, doc]).find((d) => d.second === doc);
  if (duplicate) throw new AddError(exactDuplicateMessage(duplicate, (s) => (s === name ? file : path.join(seedsDir, s)), '这份文档已经收录，没有添加。'));

  const report = reportDocuments([...existing, doc], { today: options.today }).at(-1)!;
  if (!options.dryRun) {
    const target = path.join(seedsDir, name);
    await copyFile(file, target, constants.COPYFILE_EXCL);
    if (sidecar !== undefined) {
      try {
        await writeFile(path.join(seedsDir, sidecarFile), sidecar, { flag: 'wx' });
      } catch (error) {
        await unlink(target); // all or nothing: a source without the metadata the editor gave would mislead
        throw error;
      }
    }
  }
  return { name, sidecar: sidecar === undefined ? null : sidecarFile, report, unreadable };
}

/** The documents already in seeds/, parsed (or from the build's cache). */
async function seedDocuments(seedsDir: string, names: string[], cache: ParseCache | undefined): Promise<{ docs: KbDocument[]; unreadable: string[] }> {
  const docs: KbDocument[] = [];
  const unreadable: string[] = [];
  for (const source of names) {
    if (!SOURCE_EXTENSIONS.has(path.extname(source).toLowerCase())) continue;
    try {
      const bytes = await readFile(path.join(seedsDir, source));
      const sidecar = names.includes(sidecarName(source)) ? await readFile(path.join(seedsDir, sidecarName(source)), 'utf8') : undefined;
      const key = cache?.key(source, bytes, sidecar);
      docs.push((key ? cache!.get(key)?.doc : undefined) ?? ingestDocument(source, bytes, sidecar, await readSource(source, bytes)));
    } catch {
      unreadable.push(source);
    }
  }
  return { docs, unreadable };
}
