/** Benchmark output: results as JSON lines on stdout and appended to a file; progress on stderr. */
import { appendFile, mkdir } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/out/ (gitignored). */
export const OUT_DIR = fileURLToPath(new URL('../out/', import.meta.url));
/** The project root, whose sources and node_modules the benchmarks use. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function machine(): { cores: number; GB: number } {
  return { cores: availableParallelism(), GB: Math.round(totalmem() / 2 ** 30) };
}

export async function writeResult(record: object, file: string): Promise<void> {
  const line = JSON.stringify(record);
  console.log(line);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, line + '\n');
}

export function progress(message: string): void {
  process.stderr.write(message + '\n');
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
