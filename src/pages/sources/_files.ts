/**
 * The source files a build can offer for download (src/pages/sources/[file].ts), shared with
 * the document pages that link them. A document's file is read from seeds/ (or
 * $KB_SEEDS_DIR, as the ingest reads it). A file that changed since the ingest (its SHA-256
 * differs from the document's) stops the build: the page would describe other bytes than it
 * offers. A file that is not there (a site generated from elsewhere, as the escaping test
 * does) is simply not offered.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceFileUrl } from '../../lib/urls';

export interface SourceFile { url: string; bytes: Buffer }

/** Media types of the source formats the ingest reads, so a browser opens or saves each aright. */
const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
};

/**
 * Headers a source is served with: its media type, and for a web page `attachment`, so that a
 * browser saves the government's page rather than rendering it (and running its scripts) as a
 * page of this site. A static host serves by extension and ignores these: the document page's
 * link carries `download` as well.
 */
export function sourceHeaders(source: string, encoding?: string): Record<string, string> {
  const type = contentType(source, encoding);
  const headers: Record<string, string> = { 'content-type': type };
  if (type.startsWith('text/html')) {
    headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(source))}`;
    headers['x-content-type-options'] = 'nosniff';
  }
  return headers;
}

/** A source file's media type; text is labelled UTF-8 only when it is (the ingest's `encoding`). */
export function contentType(source: string, encoding?: string): string {
  const type = CONTENT_TYPES[path.extname(source).toLowerCase()] ?? 'application/octet-stream';
  // Text is labelled with the encoding the ingest read it in (`utf-8-bom` is UTF-8, `utf-16le` a BOM'd UTF-16).
  if (type.startsWith('text/') && encoding && !encoding.startsWith('utf-8')) return type.replace('utf-8', encoding.replace(/^utf-16(le|be)$/, 'utf-16'));
  return type;
}

const cache = new Map<string, Promise<SourceFile | null>>();


export function sourceFile(source: string, sha256: string): Promise<SourceFile | null> {
  let found = cache.get(source);
  if (!found) {
    found = (async () => {
      const file = path.join(path.resolve(process.cwd(), process.env.KB_SEEDS_DIR ?? 'seeds'), source);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) {
        throw new Error(`${file} changed since the ingest read it (SHA-256 ${actual.slice(0, 16)}…, expected ${sha256.slice(0, 16)}…): rerun \`npm run build\``);
      }
      return { url: sourceFileUrl(source), bytes };
    })();
    cache.set(source, found);
  }
  return found;
}
