import { defineConfig } from 'vitest/config';

// End-to-end tests in real browsers against the built extension (npm run build first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // Two files at a time, each with its own fixture server and its own browsers (test/e2e/lib/session.ts):
    // most of an e2e test is waiting (on pages, throttled batch runs, quiet periods), so two browsers share
    // the 2 cores well. Nothing is shared between files: random ports, a fresh profile per launch.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
