// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  vite: {
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
