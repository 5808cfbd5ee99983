import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namedPaths } from './paths.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Build output (content/generated/, bench/out/) exists only after a run: a doc may name it.
const GENERATED = readFileSync(`${ROOT}.gitignore`, 'utf8').split('\n').filter((l) => l.endsWith('/') && !l.startsWith('#'));
const exists = (p: string) => existsSync(`${ROOT}${p}`) || GENERATED.some((g) => p.startsWith(g));
const DOCS = ['README.md', 'bench/README.md', ...readdirSync(`${ROOT}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('paths named in the docs', () => {
  it('finds the docs, and paths in each', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/scale.md', 'docs/data.md', 'docs/editors.md']));
    for (const doc of ['README.md', 'docs/architecture.md']) expect(namedPaths(readFileSync(`${ROOT}${doc}`, 'utf8')).length, doc).toBeGreaterThan(10);
  });

  for (const doc of DOCS) {
    it(`every scripts/, src/, tests/, bench/, content/ and docs/ path named in ${doc} exists`, () => {
      const missing = namedPaths(readFileSync(`${ROOT}${doc}`, 'utf8')).filter((p) => !exists(p));
      expect(missing, `${doc} names paths that do not exist: move the mention with the file`).toEqual([]);
    });
  }
});

describe('namedPaths', () => {
  it('reads paths in code, links and prose, without globs, placeholders or a sentence’s full stop', () => {
    const text = [
      'The stage `scripts/lib/read/decode.ts` and [the data](docs/data.md), see src/lib/kb.ts.',
      'Tests: `scripts/**/*.test.ts`, `src/**/*.test.ts`; files `public/data/compare/<docId>.json`, `/data/compare/x.json`.',
      'Pages in `src/pages/items/[id].astro` and the folder `scripts/lib/relate/link/`; not a path: myscripts/lib/x.ts.',
    ].join('\n');
    expect(namedPaths(text)).toEqual(['scripts/lib/read/decode.ts', 'docs/data.md', 'src/lib/kb.ts', 'src/pages/items/[id].astro', 'scripts/lib/relate/link/']);
  });

  it('names a path that does not exist, so the check above can fail', () => {
    const missing = namedPaths('The old `scripts/lib/link/options.ts`, the output `bench/out/x.jsonl`.').filter((p) => !exists(p));
    expect(missing).toEqual(['scripts/lib/link/options.ts']);
    expect(GENERATED).toContain('bench/out/');
  });
});
