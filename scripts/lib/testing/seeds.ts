import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project's real seed documents, for tests. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

export const SEED = {
  ansanOpinion: '000_2aaad495a06620de.txt',
  fuxinPlans: '001_6e786ead64a8a593.txt',
  jinganReport: '002_088c89c0a279d980.txt',
  daanTaskLists: '003_89b52d1760550c11.txt',
  speeches: '004_f0d95eb4ad8701d2.txt',
} as const;

export function seedText(name: string): string {
  return readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

export function seedNames(): string[] {
  return readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort();
}
