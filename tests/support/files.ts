/** Every file under `dir`, relative and sorted; `withoutSearch` leaves out Pagefind's bundles (their names are hashed). */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

export const filesUnder = (dir: string, { withoutSearch = false } = {}) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => !withoutSearch || !/^pagefind(-shards)?\//.test(f))
    .sort();
