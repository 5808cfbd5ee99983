// @ts-check
import { writeFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';

// A partitioned build (scripts/build.ts, src/lib/partition.ts): each partition writes its own
// output and keeps its own content store; only the aggregate partition copies public/.
const partition = process.env.KB_PARTITION ? JSON.parse(process.env.KB_PARTITION) : undefined;
// KB_BUILD_DIR (default .kb-build) holds the partitions' output; scripts/build.ts reads the same.
const buildDir = process.env.KB_BUILD_DIR ?? './.kb-build';
const partitionDir = partition && `${buildDir}/partitions/${partition.k}-of-${partition.n}`;
// scripts/build.ts runs partitions side by side, but lets the next one finish its content sync
// (which rewrites the project's .astro/content-modules.mjs) only once this one has bundled (it
// reads that file while bundling): this file is created then, after every bundle and before any
// page is rendered.
const bundledFile = process.env.KB_PARTITION_BUNDLED;
const bundled = { name: 'kb-partition-bundled', buildApp: { order: /** @type {const} */ ('post'), handler: () => writeFileSync(bundledFile ?? '', '') } };

export default defineConfig({
  ...(partition && {
    outDir: `${partitionDir}/dist`,
    cacheDir: `${buildDir}/astro-cache/${partition.k}-of-${partition.n}`,
    ...(partition.docs && { publicDir: `${buildDir}/no-public` }),
  }),
  // Absolute URLs in the sitemap and the RSS feed: set KB_SITE_URL to the address the site is
  // served from (README, "Feeds"); the default is `npm run preview`'s.
  site: process.env.KB_SITE_URL ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  // KB_INCREMENTAL=1: item pages give a cache key (src/pages/items/[id].astro), so a rebuild
  // re-renders only those whose content changed and copies the rest from the previous build.
  // Off by default: at 300 documents it made a rebuild after adding one document 14% faster
  // but every full build 60% slower (it keeps a second copy of dist/); see README, "Scale".
  experimental: { incrementalBuild: process.env.KB_INCREMENTAL === '1' },
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  vite: {
    plugins: bundledFile ? [bundled] : [],
    build: {
      rollupOptions: {
        // Every MDX entry trips this notice about Astro's own head-inject directive; it is
        // harmless and would bury real warnings in a thousand identical lines.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  markdown: {
    // Document text is shown as published: no smart quotes, dashes or ellipses.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
});
