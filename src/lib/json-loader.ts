/**
 * A content loader for entries the ingest writes as JSON arrays: every `*.json` file in `dir`
 * holds an array of entries with an `id` (items: one file per document; cities and topics:
 * one file each). Data entries are validated by the collection schema like any other, but,
 * unlike one MDX file per entry, add no module to the bundle: at tens of thousands of items
 * that is what makes a build fit in memory (README, "Scale").
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';

export function jsonArrays(dir: string): Loader {
  return {
    name: 'kb-json-arrays',
    load: async ({ store, parseData, generateDigest, config, logger }) => {
      const base = new URL(dir.endsWith('/') ? dir : `${dir}/`, config.root);
      let files: string[];
      try {
        files = (await readdir(base)).filter((f) => f.endsWith('.json')).sort();
      } catch {
        logger.warn(`${dir} does not exist yet: run \`npm run ingest\` (or \`npm run build\`)`);
        files = [];
      }
      const seen = new Set<string>();
      for (const file of files) {
        const entries = JSON.parse(await readFile(new URL(file, base), 'utf8')) as { id: string }[];
        for (const raw of entries) {
          if (seen.has(raw.id)) throw new Error(`${dir}/${file}: entry id "${raw.id}" appears twice; rerun \`npm run ingest\``);
          seen.add(raw.id);
          const digest = generateDigest(raw);
          // Unchanged since the last build (the store persists between builds): keep it as is.
          if (store.get(raw.id)?.digest === digest) continue;
          store.set({ id: raw.id, data: await parseData({ id: raw.id, data: raw }), digest });
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
