/**
 * Scanned PDFs → text by OCR: each page rasterised by poppler's `pdftoppm`, recognised by
 * Tesseract (Simplified Chinese) as TSV (every word with its box and confidence), and the
 * recognised lines handed to the PDF reader's layout analysis (pdf.ts `pagesToText`) as if
 * they were a text layer, so running headers, page numbers, wrapped lines and indented
 * paragraph starts are found the same way. Tesseract was chosen over ocrmypdf: ocrmypdf
 * runs the same Tesseract and adds a Python stack, and its text layer would lose the
 * per-word confidences the reader page and the editor's report show.
 *
 * What the OCR was unsure of is kept (`OcrReading.uncertain`): the words under the confidence
 * threshold, by line, for the reader page to mark and the editor's report to list.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrReading } from '../../types.ts';
import { hasBinary, runProcess } from './convert.ts';
import { pagesToText, type PdfLine, type PdfPage } from './pdf.ts';
import { NoTextLayerError, SourceFormatError, type SourceNote, type SourceText } from './types.ts';

export const OCR_INSTALL = 'sudo apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

export interface OcrOptions {
  /** Binaries: `KB_TESSERACT` / `KB_PDFTOPPM` from the environment, else found on the PATH. */
  tesseract?: string;
  pdftoppm?: string;
  /** Resolution the pages are rasterised at (default 300, `KB_OCR_DPI`). */
  dpi?: number;
  /** Words recognised with a lower confidence (0–100) are marked uncertain (default 60). */
  threshold?: number;
  /** Where recognised pages are kept by content hash; null: no cache. */
  cacheDir?: string | null;
  /** Time limit per page (default 180 s). */
  timeoutMs?: number;
  /** Shown on progress lines: the source's file name. */
  name?: string;
  /** Progress, per page; default: stderr (see `progress`). */
  onPage?: (page: number, pages: number) => void;
}

export const DEFAULT_OCR_CACHE = fileURLToPath(new URL('../../../../node_modules/.cache/kb-ocr/', import.meta.url));
const OCR_VERSION = 'tesseract-tsv-psm6-1';
const LANGUAGE = 'chi_sim';
export const UNCERTAIN_BELOW = 60;

/** One recognised word: its box in pixels, its confidence. */
export interface OcrWord {
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  text: string;
}

interface RecognisedPage {
  width: number;
  height: number;
  words: OcrWord[];
}

/**
 * Read a scanned PDF by OCR. `scan` is the text-layer reader's finding (how many pages); without
 * Tesseract or pdftoppm the build stops with that finding and the install command.
 */
export async function ocrPdfToText(bytes: Uint8Array, scan: NoTextLayerError, options: OcrOptions = {}): Promise<SourceText> {
  const tesseract = options.tesseract ?? process.env.KB_TESSERACT ?? 'tesseract';
  const pdftoppm = options.pdftoppm ?? process.env.KB_PDFTOPPM ?? 'pdftoppm';
  const missing = [tesseract, pdftoppm].filter((b) => !hasBinary(b));
  if (missing.length > 0) {
    throw new SourceFormatError(
      `${scan.problem}；要自动做文字识别（OCR），需要 Tesseract 和 poppler，本机没有找到 ${missing.join('、')}`,
      `请安装（Debian/Ubuntu：\`${OCR_INSTALL}\`），或${scan.fix.replace(/^请/, '')}`,
    );
  }
  const dpi = options.dpi ?? Number(process.env.KB_OCR_DPI ?? 300);
  const threshold = options.threshold ?? UNCERTAIN_BELOW;
  const engine = await tesseractVersion(tesseract);
  const pages = await recognisePages(bytes, scan.pages, { ...options, tesseract, pdftoppm, dpi, engine });
  const { pdfPages, words } = toPdfPages(pages, dpi);
  let read: SourceText;
  try {
    // OCR misreads the furniture too (`- 25 -` as `25。`): found with tolerance.
    read = pagesToText(pdfPages, { misread: true });
  } catch (error) {
    if (!(error instanceof NoTextLayerError)) throw error;
    throw new SourceFormatError(`${scan.problem}；文字识别（OCR）也没有认出文字（可能是空白页、图片或非中文文档）`, scan.fix);
  }
  const ocr: OcrReading = {
    engine,
    dpi,
    threshold,
    pages: pages.map((p, i) => ({ page: i + 1, confidence: meanConfidence(p.words) })),
    uncertain: uncertainWords(words, threshold),
  };
  return { ...read, encoding: 'ocr', ocr, notes: [...(read.notes ?? []), ocrSummaryNote(ocr)] };
}

async function tesseractVersion(tesseract: string): Promise<string> {
  const { output } = await runProcess(tesseract, ['--version'], 30_000);
  return /tesseract\s+v?([0-9][^\s]*)/i.exec(output)?.[0] ?? 'tesseract';
}

/** Rasterise and recognise every page, one at a time, from the cache when the same file was read before. */
async function recognisePages(
  bytes: Uint8Array,
  count: number,
  options: OcrOptions & { tesseract: string; pdftoppm: string; dpi: number; engine: string },
): Promise<RecognisedPage[]> {
  const cacheDir = options.cacheDir === undefined ? (process.env.KB_OCR_CACHE ?? DEFAULT_OCR_CACHE) : options.cacheDir;
  const key = createHash('sha256').update(`${OCR_VERSION}\0${options.engine}\0${options.dpi}\0`).update(bytes).digest('hex');
  const cached = cacheDir ? path.join(cacheDir, `${key}.json`) : undefined;
  if (cached && existsSync(cached)) return JSON.parse(await readFile(cached, 'utf8'));
  const work = await mkdtemp(path.join(tmpdir(), 'kb-ocr-'));
  const onPage = options.onPage ?? progress(options.name ?? 'PDF');
  const timeout = options.timeoutMs ?? 180_000;
  try {
    const input = path.join(work, 'scan.pdf');
    await writeFile(input, bytes);
    const pages: RecognisedPage[] = [];
    for (let n = 1; n <= count; n++) {
      onPage(n, count);
      const image = path.join(work, `page-${n}`);
      const raster = await runProcess(options.pdftoppm, ['-r', String(options.dpi), '-gray', '-png', '-f', String(n), '-l', String(n), '-singlefile', input, image], timeout);
      if (raster.code !== 0 || !existsSync(`${image}.png`)) {
        throw new SourceFormatError(`第 ${n} 页无法转成图片做文字识别（pdftoppm：${raster.output.trim().slice(0, 200) || `退出码 ${raster.code}`}）`, '请从原件重新扫描或导出 PDF，然后重新构建');
      }
      // One thread: on a shared machine Tesseract's OpenMP threads cost more than they give.
      const recognised = await runProcess(options.tesseract, [`${image}.png`, 'stdout', '-l', LANGUAGE, '--psm', '6', 'tsv'], timeout, { OMP_THREAD_LIMIT: '1' });
      if (recognised.code !== 0) {
        throw new SourceFormatError(
          `第 ${n} 页文字识别失败（Tesseract：${recognised.output.trim().slice(0, 200) || `退出码 ${recognised.code}`}）`,
          `请确认已安装简体中文识别数据（\`${OCR_INSTALL}\`），然后重新构建`,
        );
      }
      pages.push(parseTsv(recognised.output));
      await rm(`${image}.png`, { force: true });
    }
    if (cached) {
      await mkdir(cacheDir!, { recursive: true });
      await writeFile(`${cached}.${process.pid}.tmp`, JSON.stringify(pages));
      await rename(`${cached}.${process.pid}.tmp`, cached);
    }
    return pages;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Progress on stderr: one line rewritten per page on a terminal, one line per file otherwise. */
export function progress(name: string, stream: NodeJS.WriteStream = process.stderr): (page: number, pages: number) => void {
  return (page, pages) => {
    if (stream.isTTY) stream.write(`\r文字识别 ${name}：第 ${page}/${pages} 页${page === pages ? '\n' : ''}`);
    else if (page === 1) stream.write(`文字识别 ${name}：${pages} 页\n`);
  };
}

/** Tesseract's TSV → the page's size and its words (level 5 rows), each with its line's key. */
export function parseTsv(tsv: string): RecognisedPage {
  const page: RecognisedPage = { width: 0, height: 0, words: [] };
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = cells.map(Number) as number[];
    if (level === 1) (page.width = width!), (page.height = height!);
    const text = cells.slice(11).join('\t').trim();
    if (level !== 5 || text === '') continue;
    page.words.push({ line: `${block}.${par}.${line}`, left: left!, top: top!, width: width!, height: height!, conf: conf!, text });
  }
  return page;
}

/**
 * The page's skew, as the slope of its lines' baselines: the median over lines of five words
 * or more of the least-squares slope of their words' bottoms. A scan fed a few degrees askew
 * would otherwise start every line a little further right than the one above, and the
 * layout analysis would take each for an indented paragraph start.
 */
export function skew(words: OcrWord[]): number {
  const slopes: number[] = [];
  for (const line of groupLines(words)) {
    const cjk = line.filter((w) => w.height > 0);
    if (cjk.length < 5) continue;
    const xs = cjk.map((w) => w.left + w.width / 2);
    const ys = cjk.map((w) => w.top + w.height);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    if (sxx > 0) slopes.push(xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx);
  }
  slopes.sort((a, b) => a - b);
  return slopes[Math.floor(slopes.length / 2)] ?? 0;
}

function groupLines(words: OcrWord[]): OcrWord[][] {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  return [...lines.values()];
}

/** Recognised pages → the PDF reader's lines (points, from the top), deskewed; and each word with its line number in the text. */
export function toPdfPages(pages: RecognisedPage[], dpi: number): { pdfPages: PdfPage[]; words: (OcrWord & { lineNumber: number })[] } {
  const pt = 72 / dpi;
  const words: (OcrWord & { lineNumber: number })[] = [];
  let lineNumber = 0;
  const pdfPages = pages.map((page, p) => {
    const slope = skew(page.words);
    // Rotate back by the skew about the page's top left corner (small angles: a shear is exact enough).
    const straight = (w: OcrWord): OcrWord => ({ ...w, left: w.left + slope * w.top, top: w.top - slope * (w.left + w.width / 2) });
    const lines: { line: PdfLine; words: OcrWord[] }[] = groupLines(page.words).map((raw) => {
      const ws = raw.map(straight).sort((a, b) => a.left - b.left);
      const heights = ws.map((w) => w.height).sort((a, b) => a - b);
      const size = heights[Math.floor(heights.length / 2)]! * pt;
      const bottoms = ws.map((w) => w.top + w.height).sort((a, b) => a - b);
      let text = '';
      let end = -Infinity;
      for (const w of ws) {
        // Chinese has no spaces between words; Latin words and numbers keep theirs.
        if (text && (w.left - end) * pt > size / 3 && /[A-Za-z0-9%]$/.test(text) && /^[A-Za-z0-9]/.test(w.text)) text += ' ';
        text += w.text;
        end = w.left + w.width;
      }
      return {
        words: raw,
        line: { page: p + 1, top: bottoms[Math.floor(bottoms.length / 2)]! * pt, left: ws[0]!.left * pt, right: end * pt, size, text },
      };
    });
    lines.sort((a, b) => a.line.top - b.line.top);
    for (const l of lines) {
      lineNumber++;
      for (const w of l.words) words.push({ ...w, lineNumber });
    }
    return { height: page.height * pt, lines: lines.map((l) => l.line) };
  });
  return { pdfPages, words };
}

/** A page's mean confidence, 0–100, over its characters (a word of four characters counts four times). */
export function meanConfidence(words: OcrWord[]): number {
  let sum = 0;
  let chars = 0;
  for (const w of words) {
    if (w.conf < 0) continue;
    const n = [...w.text].length;
    sum += w.conf * n;
    chars += n;
  }
  return chars === 0 ? 0 : Math.round((sum / chars) * 10) / 10;
}

function uncertainWords(words: (OcrWord & { lineNumber: number })[], threshold: number): OcrReading['uncertain'] {
  return words.filter((w) => w.conf >= 0 && w.conf < threshold).map((w) => ({ line: w.lineNumber, text: w.text, confidence: Math.round(w.conf) }));
}

function ocrSummaryNote(ocr: OcrReading): SourceNote {
  const pages = ocr.pages.map((p) => `第 ${p.page} 页 ${Math.round(p.confidence)}%`).join('、');
  const uncertain = ocr.uncertain.length
    ? `其中 ${ocr.uncertain.length} 处文字的置信度低于 ${ocr.threshold}%，已在阅读页上标为“识别存疑”`
    : `没有置信度低于 ${ocr.threshold}% 的文字`;
  return {
    line: null,
    message: `本文件是扫描件，文字由文字识别（OCR，${ocr.engine}，${ocr.dpi} dpi）读出，各页平均置信度：${pages}；${uncertain}。请对照原件核对，尤其是数字；有误时可把改正后的全文另存为同名 .txt 放入 seeds/ 代替本文件，然后重新构建。`,
  };
}
