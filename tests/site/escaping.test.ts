/**
 * Hostile document text through the real Astro + MDX build (Astro's own MDX parser, not the
 * remark-mdx used for the unit round-trip): a small site from the emitter's fixture, whose
 * one document is made of `{x}`, `<script>`, `export const a = 1`, `import …`, `#`, `*`, `[…](…)`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureKb } from '../../scripts/lib/testing/fixture.ts';
import { writeGenerated } from '../../scripts/lib/publish/emit/index.ts';
import { ROOT } from '../support/kb.ts';

let site = '';
let build: ReturnType<typeof spawnSync>;
const kb = fixtureKb();
const hostile = kb.documents.find((d) => d.id === 'zz_bad')!;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'kb-escape-'));
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'scripts/lib', 'content/pages']) cpSync(join(ROOT, f), join(site, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'));
  await writeGenerated(kb, site);
  build = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], { cwd: site, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
}, 180_000);
afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

const read = (p: string) => readFileSync(join(site, 'dist', p), 'utf8');
const article = (html: string) => html.match(/<article class="fulltext"[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? '';
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ''));

describe('hostile document text in the real build', () => {
  it('builds', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  });

  it('renders every block literally: no ESM, no expression, no markup', () => {
    const html = article(read('documents/zz_bad/index.html'));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(em|strong|a href="x")\b/);
    const shown = text(html.replace(/<a class="item-link"[^>]*>[^<]*<\/a>/g, ''));
    for (const b of hostile.blocks) expect(shown.replace(/\s+/g, '')).toContain(b.text.replace(/\s+/g, ''));
  });

  it('keeps hostile titles and item text literal on item pages', () => {
    const html = read('items/zz_bad-i1/index.html');
    const main = html.match(/<main[\s\S]*<\/main>/)![0];
    expect(main).not.toMatch(/<script/i);
    expect(text(main).replace(/\s+/g, '')).toContain(hostile.items[0]!.text.replace(/\s+/g, ''));
    expect(read('documents/zz_bad/index.html')).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; {x}');
  });
});
