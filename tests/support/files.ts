/** Every file under `dir`, relative and sorted; `withoutSearch` leaves out Pagefind's bundles (their names are hashed). */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';

export const filesUnder = (dir: string, { withoutSearch = false } = {}) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => !withoutSearch || !/^pagefind(-shards)?\//.test(f))
    .sort();

/** The search page's preload block, which names Pagefind's hashed bundle files (written by postbuild). */
export const PAGEFIND_BOOT = /<!--kb-pagefind-->[\s\S]*?<!--\/kb-pagefind-->/;

/** Of `files`, those whose bytes differ between two sites, the pages' Pagefind preload block aside. */
export function differingFiles(files: readonly string[], a: string, b: string): string[] {
  const shown = (dir: string, f: string) => {
    const bytes = readFileSync(path.join(dir, f));
    return f.endsWith('.html') ? Buffer.from(bytes.toString('utf8').replace(PAGEFIND_BOOT, '')) : bytes;
  };
  return files.filter((f) => !shown(a, f).equals(shown(b, f)));
}
