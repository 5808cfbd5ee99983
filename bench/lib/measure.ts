/**
 * Run one build stage as a child process and measure it: wall time, and the peak RSS of the
 * largest process in its tree. GNU time's `%M` covers only descendants that were waited for;
 * Pagefind's Node API never reaps its binary (1.2 GB at 9,000 pages, while time reports
 * 70 MB), so a sampler reading /proc a few times a second supplies the other half. The same
 * sampler sums the tree's RSS and kills the whole process group above a limit: the machine
 * has no swap, a V8 heap flag would not cap native memory (jieba, Pagefind), and
 * `prlimit --as` would trip on V8's and WebAssembly's large address-space reservations.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StageRun {
  ms: number;
  /** Peak RSS of the largest single process, in MB: GNU time's or the sampler's, whichever is higher. */
  peakRssMb: number;
  /** Set when the stage did not finish: `<stage>: <reason>`. */
  failed?: string;
}

export interface StageOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Child stdout and stderr go here (a build prints a line per page; nothing is kept in memory). */
  logFile: string;
  memLimitMb: number;
}

const PAGE_KB = 4;
const SAMPLE_MS = 200;

export async function runStage(stage: string, command: string, args: string[], options: StageOptions): Promise<StageRun> {
  const timeDir = await mkdtemp(join(tmpdir(), 'kb-bench-time-'));
  const timeFile = join(timeDir, 'time');
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  // detached: the child leads its own process group, so the sampler can kill all of it.
  const child = spawn('/usr/bin/time', ['-f', '%M %e', '-o', timeFile, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  let sampledPeakKb = 0;
  let killedAt = 0;
  const sampler = setInterval(() => {
    const { totalKb, largestKb } = treeRss(child.pid!);
    sampledPeakKb = Math.max(sampledPeakKb, largestKb);
    if (totalKb > options.memLimitMb * 1024 && !killedAt) {
      killedAt = totalKb;
      process.kill(-child.pid!, 'SIGKILL');
    }
  }, SAMPLE_MS);

  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  await new Promise((resolve) => log.end(resolve));

  const timed = await readFile(timeFile, 'utf8').catch(() => '');
  await rm(timeDir, { recursive: true, force: true });
  const maxKb = Number(/^(\d+) [\d.]+\s*$/m.exec(timed)?.[1] ?? 0);
  const peakRssMb = Math.round(Math.max(maxKb, sampledPeakKb) / 1024);

  if (killedAt) return { ms, peakRssMb, failed: `${stage}: killed at ${gb(killedAt)} GB RSS (limit ${gb(options.memLimitMb * 1024)} GB)` };
  if (code !== 0) return { ms, peakRssMb, failed: `${stage}: exit code ${code} (log: ${options.logFile})` };
  return { ms, peakRssMb };
}

const gb = (kb: number) => (kb / 1024 / 1024).toFixed(1);

/** RSS of a process and all its descendants (Linux /proc), in KB: the sum and the largest one. */
function treeRss(root: number): { totalKb: number; largestKb: number } {
  let totalKb = 0;
  let largestKb = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const kb = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
      totalKb += kb;
      largestKb = Math.max(largestKb, kb);
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(' ').map(Number));
      }
    } catch {
      // The process exited between two reads: it no longer uses memory.
    }
  }
  return { totalKb, largestKb };
}
