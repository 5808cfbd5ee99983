import { defineConfig } from 'vitest/config';

// Both projects read the seeds' knowledge base, built once per run (scripts/lib/testing/).
const seedKb = 'scripts/lib/testing/seed-kb.setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'bench/**/*.test.ts'],
          globalSetup: [seedKb],
        },
      },
      {
        test: {
          name: 'site',
          // Builds the real site once, then drives it with Pagefind and Chromium.
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts', seedKb],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
