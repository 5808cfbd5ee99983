/**
 * The ingest's heap limit. V8 lets the heap grow to several times what is still live before
 * it collects in full (docs/scale.md, "The ingest's memory": at 300 bench documents 0.45 GB
 * live against 2.4 GB of RSS), so without a limit the peak grows with the corpus mostly
 * through garbage. A limit makes V8 collect sooner: the peak then depends on the limit, not on
 * the corpus, as long as what is live fits under it.
 *
 * The limit is fixed at process start (`--max-old-space-size`), so the ingest relaunches itself
 * once with it. If what is live outgrows the limit (a corpus far larger than any measured), V8
 * stops with "heap out of memory"; the ingest then runs once more without a limit, so a larger
 * corpus costs time, never a failed build.
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/** Set in the relaunched process, so it does not relaunch again. */
const RELAUNCHED = 'KB_HEAP_RELAUNCHED';

/**
 * The limit in MB for a machine with `totalBytes` of memory: a twelfth of it, between 1.5 and
 * 2 GB. Measured on a 24 GB machine (docs/scale.md): at 1,000 bench documents 2 GB gave a peak
 * of 2.66 GB against 3.77 GB under 3 GB and 4.27 GB without a limit, in no more time; what is
 * live there comes close to 2 GB, so a much larger corpus runs twice (see above).
 * `KB_INGEST_HEAP_MB` sets it; `off` leaves V8's own.
 */
export function heapLimitMb(totalBytes = totalmem(), setting = process.env.KB_INGEST_HEAP_MB): number | null {
  if (setting === 'off') return null;
  if (setting !== undefined && setting !== '') {
    const mb = Number(setting);
    if (!Number.isInteger(mb) || mb < 256) throw new Error(`KB_INGEST_HEAP_MB=${setting}：应为不小于 256 的整数（MB），或 off（不设上限）。`);
    return mb;
  }
  return Math.round(Math.min(MAX_MB, Math.max(MIN_MB, totalBytes / 2 ** 20 / 12)));
}

const MIN_MB = 1536;
const MAX_MB = 2048;

/** Whether the process already runs under a heap limit it was given (a flag, NODE_OPTIONS, or our relaunch). */
function limited(): boolean {
  if (process.env[RELAUNCHED]) return true;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return given.some((a) => a.startsWith('--max-old-space-size') || a.startsWith('--max_old_space_size'));
}

/**
 * Relaunch this script under the heap limit, wait for it, and return its exit code; null when
 * this process should do the work itself (limit off, already limited, or V8's own limit is
 * already as low). A run that dies of the limit is run again without it.
 */
export async function relaunchUnderHeapLimit(): Promise<number | null> {
  const mb = heapLimitMb();
  if (mb === null || limited() || getHeapStatistics().heap_size_limit / 2 ** 20 <= mb) return null;
  const env = { ...process.env, [RELAUNCHED]: '1' };
  const first = await run([`--max-old-space-size=${mb}`], env);
  if (!first.outOfMemory) return first.code;
  console.warn(`收录：内存上限 ${mb} MB 不够这批文档，已不设上限重新收录（可用 KB_INGEST_HEAP_MB 设更高的上限）。`);
  return (await run([], env)).code;
}

/** This script again with `flags` before it; stdout and stderr passed through as they come. */
function run(flags: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; outOfMemory: boolean }> {
  const child = spawn(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], { stdio: ['inherit', 'inherit', 'pipe'], env });
  // V8's last words on stderr say whether the limit was the cause (its exit code is only SIGABRT's).
  let tail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-4096);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? 1, outOfMemory: (code !== 0 || signal !== null) && /heap out of memory|Reached heap limit/.test(tail) }),
    );
  });
}
