import { defineConfig } from 'vitest/config';

// End-to-end tests in real browsers against the built extension (npm run build first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
