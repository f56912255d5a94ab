import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium; on a 2-core machine one browser at a time is fastest.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
