/**
 * A content loader for the documents' MDX files as data only: each file's frontmatter, without
 * its body. The aggregate partition of a partitioned build (src/lib/partition.ts) lists
 * documents on the home, city, compare and data pages but renders none of their texts; read
 * through the glob loader, every document would become a module for the bundler (at 300
 * documents about a minute of the partition's build). Same ids and data as the glob loader's
 * entries (the emitter writes the frontmatter as YAML of JSON values).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import type { Loader } from 'astro/loaders';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export function mdxFrontmatter(dir: string): Loader {
  return {
    name: 'kb-mdx-frontmatter',
    load: async ({ store, parseData, generateDigest, config }) => {
      const base = fileURLToPath(new URL(dir.endsWith('/') ? dir : `${dir}/`, config.root));
      const files = (await readdir(base).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort();
      const seen = new Set<string>();
      for (const file of files) {
        const text = await readFile(path.join(base, file), 'utf8');
        const head = FRONTMATTER.exec(text)?.[1];
        if (head === undefined) throw new Error(`${dir}/${file}: no frontmatter; rerun \`npm run ingest\``);
        const id = file.replace(/\.mdx$/, '');
        const raw = yaml.load(head) as Record<string, unknown>;
        seen.add(id);
        const digest = generateDigest(head);
        if (store.get(id)?.digest === digest) continue;
        store.set({ id, data: await parseData({ id, data: raw }), digest });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
