/**
 * The repository paths a developer doc names (`scripts/lib/cache.ts`, `src/lib/`), so that a
 * test can check each still exists after files move. Globs (`scripts/**\/*.test.ts`) and
 * placeholders (`<docId>`) are no paths and are skipped.
 */
const ROOTS = ['scripts', 'src', 'tests', 'bench', 'content', 'docs'];
const PATH = new RegExp(`(?<![\\w./-])(?:${ROOTS.join('|')})/[\\w./\\[\\]@+-]*`, 'g');

/** Every path named in a Markdown text, once each, in order of first mention. */
export function namedPaths(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(PATH)) {
    const rest = markdown.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (rest === '*' || rest === '<' || m[0].includes('*')) continue;
    // A sentence may end right after a path: `… in scripts/lib/types.ts.`
    found.add(m[0].replace(/[.]+$/, ''));
  }
  return [...found];
}
