import { describe, expect, it } from 'vitest';
import { partitionBytes, partitionJobs } from './jobs.ts';

const GB = 1e9;

describe('partitions built at once', () => {
  it('one per core while the free memory holds them, never more than there are partitions', () => {
    const per = partitionBytes(35_000);
    expect(partitionJobs(4, { pages: 35_000, cores: 2, free: 20 * GB })).toBe(2);
    expect(partitionJobs(4, { pages: 35_000, cores: 8, free: 20 * GB })).toBe(Math.min(4, Math.floor((20 * GB) / per)));
    expect(partitionJobs(2, { pages: 35_000, cores: 8, free: 100 * GB })).toBe(2);
    // Too little memory for two: one at a time, and still one when even one does not fit.
    expect(partitionJobs(4, { pages: 35_000, cores: 2, free: per * 1.5 })).toBe(1);
    expect(partitionJobs(4, { pages: 35_000, cores: 2, free: per / 2 })).toBe(1);
  });

  it('KB_PARTITION_JOBS overrides it, and a bad value is named', () => {
    expect(partitionJobs(4, { pages: 35_000, cores: 2, free: 1 * GB, env: { KB_PARTITION_JOBS: '3' } })).toBe(3);
    expect(partitionJobs(2, { pages: 35_000, cores: 2, free: 1 * GB, env: { KB_PARTITION_JOBS: '3' } })).toBe(2);
    expect(() => partitionJobs(4, { pages: 35_000, cores: 2, free: GB, env: { KB_PARTITION_JOBS: 'two' } })).toThrow(/KB_PARTITION_JOBS 应为正整数.*two/);
    expect(() => partitionJobs(4, { pages: 35_000, cores: 2, free: GB, env: { KB_PARTITION_JOBS: '0' } })).toThrow(/KB_PARTITION_JOBS/);
  });

  it('one at a time when the partitions write outside the project (Astro then bundles into the project, one bundle at a time)', () => {
    expect(partitionJobs(4, { pages: 35_000, cores: 8, free: 100 * GB, insideProject: false })).toBe(1);
    expect(partitionJobs(4, { pages: 35_000, cores: 8, free: 100 * GB, insideProject: false, env: { KB_PARTITION_JOBS: '3' } })).toBe(1);
    expect(partitionJobs(4, { pages: 35_000, cores: 8, free: 100 * GB, insideProject: true, env: { KB_PARTITION_JOBS: '3' } })).toBe(3);
  });
});
