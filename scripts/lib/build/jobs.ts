/**
 * How many partitions of a partitioned build run at once (scripts/build.ts, docs/scale.md,
 * "Partitions"): one per core while the free memory holds them, at least one, never more than
 * there are partitions; KB_PARTITION_JOBS overrides it.
 */

/** What one Astro process rendering `pages` pages needs at its peak (docs/scale.md, "Measured"). */
export const partitionBytes = (pages: number) => 0.6e9 + pages * 60_000;

/**
 * `insideProject`: whether the partitions' directory (KB_BUILD_DIR) is inside the project. Astro
 * bundles a build whose outDir lies outside the working directory into the project's own
 * `.astro/.prerender/` and deletes it when done, so two such builds at once delete each
 * other's bundles: then one at a time, whatever the setting.
 */
export function partitionJobs(count: number, options: { pages: number; cores: number; free: number; insideProject?: boolean; env?: NodeJS.ProcessEnv }): number {
  if (options.insideProject === false) return 1;
  const set = options.env?.KB_PARTITION_JOBS;
  if (set !== undefined && set !== '') {
    const jobs = Number(set);
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`构建：KB_PARTITION_JOBS 应为正整数（同时构建的分区数），收到 ${set}。`);
    return Math.min(jobs, count);
  }
  return Math.max(1, Math.min(options.cores, count, Math.floor(options.free / partitionBytes(options.pages))));
}
