/**
 * After `astro build`: index dist/ with Pagefind (Node API). Pagefind's npm package runs the
 * binary from @pagefind/<platform>; we require the *extended* one, which segments Chinese
 * (the plain binary would index whole runs of Han characters as single words, so 母婴安全
 * would never match inside a sentence).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');

// Pagefind's Node API runs `pagefind_extended` from its platform package when that package
// ships it (else the plain binary). Make sure it does, rather than index Chinese unsegmented.
const platformPackage = `@pagefind/${process.platform}-${process.arch}`;
let binary: string;
try {
  binary = createRequire(import.meta.url).resolve(`${platformPackage}/bin/pagefind_extended`);
} catch {
  throw new Error(`postbuild: ${platformPackage} has no pagefind_extended binary; Chinese would not be segmented. Reinstall with \`npm install\` on this platform.`);
}

const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`postbuild: Pagefind createIndex failed: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: dist });
if (added.errors.length) throw new Error(`postbuild: Pagefind indexing failed: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`postbuild: Pagefind write failed: ${written.errors.join('; ')}`);
await pagefind.close();

// page_count counts every HTML file read; only pages with data-pagefind-body get a fragment.
const indexed = readdirSync(path.join(dist, 'pagefind', 'fragment')).length;
console.log(
  `postbuild: Pagefind (${path.basename(binary)}) read ${added.page_count} pages, indexed ${indexed} in ${((performance.now() - started) / 1000).toFixed(1)} s → dist/pagefind/`,
);
if (indexed === 0) {
  console.error('postbuild: no pages indexed (no data-pagefind-body found?)');
  process.exitCode = 1;
}
