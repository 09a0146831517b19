import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Build tests run Astro in child processes; two cores do not gain from more forks.
    maxWorkers: 2,
  },
});
