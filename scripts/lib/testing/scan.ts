/**
 * Scans made from printed PDFs, for the OCR tests and benchmark: each page rasterised by
 * poppler's pdftoppm, optionally spoiled the way a scanner and a seal spoil it (ImageMagick:
 * speckle noise, a slight rotation, a red seal of a ring and text over the body), and
 * wrapped back into a PDF of images only, with pdfkit: a PDF with no text layer at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { CJK_FONT } from './formats.ts';

export interface ScanOptions {
  dpi: number;
  /** Gaussian speckle, as ImageMagick's `-attenuate` (0: none; 0.3 mild; 0.8 heavy). */
  noise?: number;
  /** Degrees, clockwise. */
  rotate?: number;
  /** A red seal (ring, star and the issuer's name) over the text of every page. */
  seal?: boolean;
  /** Only these pages (1-based). */
  pages?: number[];
}

const MAGICK = process.env.KB_MAGICK ?? 'convert';

export async function scanPdf(pdf: Uint8Array, options: ScanOptions): Promise<Uint8Array> {
  const work = mkdtempSync(path.join(tmpdir(), 'kb-scan-'));
  try {
    writeFileSync(path.join(work, 'in.pdf'), pdf);
    const range = options.pages ? ['-f', String(Math.min(...options.pages)), '-l', String(Math.max(...options.pages))] : [];
    execFileSync('pdftoppm', ['-r', String(options.dpi), '-png', ...range, path.join(work, 'in.pdf'), path.join(work, 'page')]);
    const pages = readdirSync(work).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    for (const page of pages) spoil(path.join(work, page), options);
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
    for (const page of pages) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(readFileSync(path.join(work, page)), 0, 0, { width: doc.page.width, height: doc.page.height });
    }
    doc.end();
    return await done;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function spoil(file: string, options: ScanOptions): void {
  const args: string[] = [file];
  if (options.seal) {
    // A seal as government offices stamp it: a red ring with the issuer's name and a star, over the body text.
    const r = Math.round(options.dpi * 0.8);
    const cx = Math.round(options.dpi * 5.2);
    const cy = Math.round(options.dpi * 3.2);
    args.push(
      '-fill', 'none', '-stroke', 'rgba(220,30,30,0.75)', '-strokewidth', String(Math.round(options.dpi / 30)),
      '-draw', `circle ${cx},${cy} ${cx + r},${cy}`,
      '-stroke', 'none', '-fill', 'rgba(220,30,30,0.75)', '-font', CJK_FONT, '-pointsize', String(Math.round(options.dpi / 6)),
      '-draw', `text ${cx - Math.round(r * 0.75)},${cy - Math.round(r * 0.25)} '某市人民政府'`,
      '-pointsize', String(Math.round(options.dpi / 3)), '-draw', `text ${cx - Math.round(r * 0.2)},${cy + Math.round(r * 0.35)} '★'`,
    );
  }
  if (options.noise) args.push('-attenuate', String(options.noise), '+noise', 'Gaussian');
  if (options.rotate) args.push('-background', 'white', '-rotate', String(options.rotate));
  if (args.length === 1) return;
  execFileSync(MAGICK, [...args, file]);
}

/** Character accuracy: 1 − edit distance / length of the truth, white space ignored. */
export function characterAccuracy(truth: string, read: string): number {
  const a = [...truth.replace(/\s+/g, '')];
  const b = [...read.replace(/\s+/g, '')];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return a.length === 0 ? 1 : 1 - previous[b.length]! / a.length;
}
