/**
 * Old office formats (.doc, .wps, .rtf, .odt, and a .docx the Word reader cannot read) → .docx
 * bytes, through LibreOffice run headless (`soffice --convert-to docx`). The result is read
 * by the .docx reader (docx.ts), so merged cells and automatic numbering survive as they do
 * for a file saved as .docx by hand. This module is the process work only: a private
 * profile per run (a running LibreOffice or a broken user profile cannot interfere), one
 * conversion at a time (LibreOffice is heavy on a small machine), a time limit, and a cache of
 * the converted bytes by content hash, so a rebuild never converts the same file twice.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceFormatError } from './types.ts';

/** The Debian packages an editor's machine needs, as one command (README, editor section). */
export const SOFFICE_INSTALL = 'sudo apt-get install -y libreoffice-writer-nogui';

/** Formats read by conversion, in the editors' words. */
export const CONVERTED_FORMATS: Record<string, string> = {
  '.doc': 'Word 97–2003 文档（.doc）',
  '.wps': 'WPS 文档（.wps）',
  '.rtf': 'RTF 文档（.rtf）',
  '.odt': 'OpenDocument 文档（.odt）',
  '.docx': 'Word 文档（.docx）',
};

export interface ConvertOptions {
  /** The LibreOffice binary: `KB_SOFFICE` from the environment, else `soffice` on the PATH. */
  soffice?: string;
  /** Time limit per file (default 120 s, `KB_CONVERT_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Where converted files are kept by content hash; null: no cache. */
  cacheDir?: string | null;
  /** The source's file name, for the progress line on stderr. */
  name?: string;
}

/** node_modules/.cache/kb-convert, beside the parse cache: cleared with the dependencies. */
export const DEFAULT_CONVERT_CACHE = fileURLToPath(new URL('../../../../node_modules/.cache/kb-convert/', import.meta.url));

/** Bumped when the conversion itself changes (its arguments), so old entries are not reused. */
const CONVERTER_VERSION = 'soffice-docx-1';

/** LibreOffice is missing: the build stops with the install command (never reads the file some other way). */
export class ConverterMissingError extends SourceFormatError {}

/**
 * The import filter, by what the file holds rather than its name: without one LibreOffice
 * opens any file it cannot parse as plain text (a damaged .doc would come out as a page of
 * mojibake), and a `.doc` is often an RTF or a web page that Word saved under that name.
 * Kingsoft WPS files (WPS Office 2005 on) are Word 97 binaries (OLE) under another name.
 * Undefined: the bytes are none of these, and LibreOffice is not asked.
 */
export function importFilter(bytes: Uint8Array, ext: string): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1')) return 'MS Word 97';
  if (head.startsWith('{\\rtf')) return 'Rich Text Format';
  if (head.startsWith('PK\x03\x04')) return ext === '.odt' ? 'writer8' : 'MS Word 2007 XML';
  if (/^(?:\xEF\xBB\xBF)?\s*<(?:!doctype html|html|\?xml[^>]*>\s*<html)/i.test(head)) return 'HTML (StarWriter)';
  return undefined;
}

/**
 * Whether the file is Word 97 (a .doc, or a .wps from WPS 2005 on), whose lists the .docx
 * reader rejoins (docx/numbering.ts, joinSplitLists): LibreOffice's Word 97 writer saves a list
 * that starts its numbering again as two lists, so a .doc or .wps it once saved numbers its
 * lists 1, 1, 2, 3….
 */
export function mayHoldSplitLists(bytes: Uint8Array, ext: string): boolean {
  return importFilter(bytes, ext) === 'MS Word 97';
}

/** One conversion at a time: LibreOffice takes a few hundred MB and a core while it runs. */
let queue: Promise<unknown> = Promise.resolve();

export function sofficePath(options: ConvertOptions = {}): string {
  return options.soffice ?? process.env.KB_SOFFICE ?? 'soffice';
}

/** Is the binary there (a path that exists, or a name found on the PATH)? */
export function hasBinary(binary: string): boolean {
  if (binary.includes('/')) return existsSync(binary);
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, binary)));
}

/**
 * Convert one file to .docx. `ext` is the source's extension (LibreOffice picks its import
 * filter by content, but a `.wps` named as such helps it). Throws ConverterMissingError without
 * LibreOffice, SourceFormatError when LibreOffice cannot open the file (with its own message).
 */
export async function convertToDocx(bytes: Uint8Array, ext: string, options: ConvertOptions = {}): Promise<Uint8Array> {
  const binary = sofficePath(options);
  const what = CONVERTED_FORMATS[ext] ?? `${ext} 文件`;
  if (!hasBinary(binary)) {
    throw new ConverterMissingError(
      `是 ${what}，需要 LibreOffice 转换后才能读取，本机没有找到 LibreOffice（${binary}）`,
      `请安装（Debian/Ubuntu：\`${SOFFICE_INSTALL}\`），或用 Word、WPS 把它另存为 .docx 后重新构建`,
    );
  }
  const filter = importFilter(bytes, ext);
  if (!filter) {
    throw new SourceFormatError(
      `是 ${what}，但内容不是这种格式（文件开头不是 Word 97–2003、WPS、RTF、.docx 或 .odt 的样子）：文件已损坏，或扩展名不对`,
      '请用 Word 或 WPS 打开它，另存为 .docx 后重新构建',
    );
  }
  const cacheDir = options.cacheDir === undefined ? (process.env.KB_CONVERT_CACHE ?? DEFAULT_CONVERT_CACHE) : options.cacheDir;
  const key = createHash('sha256').update(`${CONVERTER_VERSION}\0${ext}\0`).update(bytes).digest('hex');
  const cached = cacheDir ? path.join(cacheDir, `${key}.docx`) : undefined;
  if (cached && existsSync(cached)) return new Uint8Array(await readFile(cached));

  // Progress: conversion takes seconds; a cached file says nothing.
  if (options.name) process.stderr.write(`转换 ${options.name}：LibreOffice ${ext} → .docx\n`);
  const run = queue.then(() => runSoffice(binary, bytes, ext, filter, what, options.timeoutMs ?? Number(process.env.KB_CONVERT_TIMEOUT_MS ?? 120_000)));
  queue = run.catch(() => undefined);
  const docx = await run;
  if (cached) {
    await mkdir(cacheDir!, { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    await writeFile(temp, docx);
    await rename(temp, cached);
  }
  return docx;
}

async function runSoffice(binary: string, bytes: Uint8Array, ext: string, filter: string, what: string, timeoutMs: number): Promise<Uint8Array> {
  const work = await mkdtemp(path.join(tmpdir(), 'kb-soffice-'));
  try {
    const input = path.join(work, `source${ext}`);
    const out = path.join(work, 'out');
    await writeFile(input, bytes);
    await mkdir(out);
    const args = [
      `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      `--infilter=${filter}`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      out,
      input,
    ];
    const { code, output, timedOut } = await runProcess(binary, args, timeoutMs);
    const produced = (await readdir(out)).find((f) => f.endsWith('.docx'));
    if (timedOut) {
      throw new SourceFormatError(`是 ${what}，LibreOffice 在 ${Math.round(timeoutMs / 1000)} 秒内没有转换完（文件过大或已损坏）`, '请用 Word、WPS 或 LibreOffice 打开它，另存为 .docx 后重新构建');
    }
    if (!produced) {
      const said = output.replace(/\s+/g, ' ').trim().slice(0, 300) || `退出码 ${code}`;
      throw new SourceFormatError(`是 ${what}，LibreOffice 无法打开它（${said}）：文件已损坏，或不是${what.replace(/（.*$/, '')}`, '请用 Word 或 WPS 打开它，另存为 .docx 后重新构建');
    }
    return new Uint8Array(await readFile(path.join(out, produced)));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Run a command, its output (stdout and stderr together) collected; killed with its children after the time limit. */
export function runProcess(binary: string, args: string[], timeoutMs: number, env?: Record<string, string>): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Its own process group: soffice starts soffice.bin, which must die with it on a timeout.
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, output, timedOut })));
  });
}
