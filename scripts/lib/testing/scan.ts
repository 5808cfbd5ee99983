/**
 * Scans made from printed PDFs, for the OCR tests and benchmark: each page rasterised by
 * poppler's pdftoppm, optionally spoiled the way a scanner and a seal spoil it (sharp:
 * speckle noise, a slight rotation, a red seal of a ring and text over the body), and
 * wrapped back into a PDF of images only, with pdfkit: a PDF with no text layer at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { random } from '../../../bench/lib/random.ts';

export interface ScanOptions {
  dpi: number;
  /** Scanner grain and dust, 0–1 (0: none; 0.3 mild; 0.8 heavy). */
  noise?: number;
  /** Degrees, clockwise. */
  rotate?: number;
  /** A red seal (ring, star and the issuer's name) over the text of every page. */
  seal?: boolean;
  /** Only these pages (1-based). */
  pages?: number[];
}

export async function scanPdf(pdf: Uint8Array, options: ScanOptions): Promise<Uint8Array> {
  const work = mkdtempSync(path.join(tmpdir(), 'kb-scan-'));
  try {
    writeFileSync(path.join(work, 'in.pdf'), pdf);
    const range = options.pages ? ['-f', String(Math.min(...options.pages)), '-l', String(Math.max(...options.pages))] : [];
    execFileSync('pdftoppm', ['-r', String(options.dpi), '-png', ...range, path.join(work, 'in.pdf'), path.join(work, 'page')]);
    const pages = readdirSync(work).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    for (const page of pages) await spoil(path.join(work, page), options);
    // A fixed creation date: the same pages give the same bytes, so the OCR cache knows them again.
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { CreationDate: new Date(0) } });
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

/**
 * Spoil a page image in place with sharp (libvips): a red seal composited over the body
 * (an SVG ring, the issuer's name and a star), speckle noise (grey dots from a seeded PRNG,
 * so that every run spoils alike), then the rotation, on white.
 */
async function spoil(file: string, options: ScanOptions): Promise<void> {
  if (!options.seal && !options.noise && !options.rotate) return;
  const image = sharp(readFileSync(file));
  const { width, height } = await image.metadata();
  const layers: { input: Buffer; top: number; left: number }[] = [];
  if (options.seal) {
    const r = Math.round(options.dpi * 0.8);
    const [cx, cy] = [Math.round(width! * 0.62), Math.round(height! * 0.28)];
    const red = 'rgba(220,30,30,0.75)';
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${red}" stroke-width="${Math.round(options.dpi / 30)}"/>
      <text x="${cx}" y="${cy - r * 0.35}" font-family="Noto Serif CJK SC" font-size="${Math.round(options.dpi / 5)}" fill="${red}" text-anchor="middle">某市人民政府</text>
      <text x="${cx}" y="${cy + r * 0.3}" font-family="Noto Serif CJK SC" font-size="${Math.round(options.dpi / 2.5)}" fill="${red}" text-anchor="middle">★</text>
    </svg>`;
    layers.push({ input: Buffer.from(svg), top: 0, left: 0 });
  }
  let base = await image.composite(layers).png().toBuffer();
  if (options.noise) {
    // A scanner's grain: Gaussian noise on every pixel (σ of 80 grey levels × the level), and a
    // few dark specks of dust; from a seeded PRNG, so that every run spoils alike.
    const next = random(7);
    const gauss = () => Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
    const { data, info } = await sharp(base).greyscale().raw().toBuffer({ resolveWithObject: true });
    const sigma = 80 * options.noise;
    for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i]! + sigma * gauss()));
    const specks = Math.round(info.width * info.height * 0.0001 * options.noise);
    for (let i = 0; i < specks; i++) data[Math.floor(next() * data.length)] = Math.floor(next() * 100);
    base = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer();
  }
  let out = sharp(base);
  if (options.rotate) out = out.rotate(options.rotate, { background: '#ffffff' });
  writeFileSync(file, await out.flatten({ background: '#ffffff' }).png().toBuffer());
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
