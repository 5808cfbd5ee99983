import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Files under `dir`, relative and `/`-separated, sorted; none when it does not exist. Symbolic
 * links count as files only with `links` (assembling dist/ replaces whatever is not a directory).
 * Synchronous: the promise walk took 20 s over a 96,000-page dist/, this one 2.
 */
export function filesUnder(dir: string, { links = false } = {}): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || (links && e.isSymbolicLink()))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
