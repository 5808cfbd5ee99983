import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heapLimitMb } from './heap-limit.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./testing/heap-hungry.ts', import.meta.url));

function hungry(env: Record<string, string>) {
  const { NODE_OPTIONS: _, ...rest } = process.env;
  return spawnSync('node_modules/.bin/tsx', [SCRIPT], { cwd: ROOT, encoding: 'utf8', env: { ...rest, ...env } });
}

describe('heapLimitMb', () => {
  it('is a twelfth of the machine, between 1.5 and 2 GB, unless set', () => {
    expect(heapLimitMb(48 * 2 ** 30, undefined)).toBe(2048);
    expect(heapLimitMb(21 * 2 ** 30, undefined)).toBe(1792);
    expect(heapLimitMb(12 * 2 ** 30, undefined)).toBe(1536);
    expect(heapLimitMb(4 * 2 ** 30, undefined)).toBe(1536);
    expect(heapLimitMb(24 * 2 ** 30, '800')).toBe(800);
    expect(heapLimitMb(24 * 2 ** 30, 'off')).toBeNull();
    expect(() => heapLimitMb(24 * 2 ** 30, '2g')).toThrow(/KB_INGEST_HEAP_MB=2g：应为不小于 256 的整数/);
  });
});

describe('relaunchUnderHeapLimit', () => {
  it('runs the script under the limit', () => {
    const run = hungry({ KB_INGEST_HEAP_MB: '700', KB_TEST_HOLD_MB: '20' });
    expect(run.status, run.stderr).toBe(0);
    // V8 adds its young generation to the old space limit it was given.
    const limit = Number(/limit (\d+) MB/.exec(run.stdout)?.[1]);
    expect(limit).toBeGreaterThanOrEqual(700);
    expect(limit).toBeLessThan(800);
    expect(run.stdout).toContain('relaunched true');
    expect(run.stdout).toContain('held 20 MB');
  });

  it('runs it again without the limit when what is live outgrows it, and says so', () => {
    const run = hungry({ KB_INGEST_HEAP_MB: '256', KB_TEST_HOLD_MB: '360' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('内存上限 256 MB 不够这批文档，已不设上限重新收录');
    expect(run.stdout).toMatch(/held 360 MB\n$/);
    // The first run died under the limit (V8 says so on stderr), the second had V8's own.
    expect(run.stderr).toMatch(/heap out of memory|Reached heap limit/);
    const limits = [...run.stdout.matchAll(/limit (\d+) MB/g)].map((m) => Number(m[1]));
    expect(limits).toHaveLength(2);
    expect(limits[0]).toBeLessThan(360);
    expect(limits[1]).toBeGreaterThan(360);
  }, 60_000);

  it('leaves V8 its own limit with off', () => {
    const run = hungry({ KB_INGEST_HEAP_MB: 'off' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('relaunched false');
    expect(Number(/limit (\d+) MB/.exec(run.stdout)?.[1])).toBeGreaterThan(1000);
  });
});
