/**
 * A content loader for entries the ingest writes as JSON arrays: every `*.json` file in `dir`
 * holds an array of entries with an `id` (items: one file per document; cities and topics:
 * one file each). Data entries are validated by the collection schema like any other, but,
 * unlike one MDX file per entry, add no module to the bundle: at tens of thousands of items
 * that is what makes a build fit in memory (README, "Scale").
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';

type Entry = { id: string } & Record<string, unknown>;

export interface JsonArraysOptions {
  /** The files' entries, one file at a time (a partitioned build reads only what it renders). */
  read?: (dir: string) => AsyncIterable<{ file: string; entries: Entry[] }>;
  /** Rewrites the loaded entries before they are stored (a document partition's share of an aggregate). */
  project?: (entries: Entry[]) => Promise<Entry[]> | Entry[];
  /** Load nothing (a collection that no page of this partition shows). */
  none?: boolean;
}

async function* everyFile(dir: string, files: string[]): AsyncGenerator<{ file: string; entries: Entry[] }> {
  for (const file of files) yield { file, entries: JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Entry[] };
}

export function jsonArrays(dir: string, options: JsonArraysOptions = {}): Loader {
  return {
    name: 'kb-json-arrays',
    load: async ({ store, parseData, generateDigest, config, logger }) => {
      const base = new URL(dir.endsWith('/') ? dir : `${dir}/`, config.root);
      const absolute = fileURLToPath(base);
      let files: string[];
      try {
        files = options.none ? [] : (await readdir(base)).filter((f) => f.endsWith('.json')).sort();
      } catch {
        logger.warn(`${dir} does not exist yet: run \`npm run ingest\` (or \`npm run build\`)`);
        files = [];
      }
      const seen = new Set<string>();
      const source = files.length === 0 ? [] : options.read ? options.read(absolute) : everyFile(absolute, files);
      for await (const { file, entries: read } of source) {
        const entries = options.project ? await options.project(read) : read;
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
