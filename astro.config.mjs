// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  // Item text is shown as-is: no smart quotes or other typographic rewriting.
  markdown: { smartypants: false },
});
