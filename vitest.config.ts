import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each test file in its own worker, on purpose (module-level caches, process listeners): said
    // here, so vitest does not end every run with a tip to turn it off.
    isolate: true,
  },
});
