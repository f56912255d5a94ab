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
    // A known, not yet understood flake: in about one full run in six, one or two tests that wait
    // for a lazily loaded view (popup "declines with a comment", evidence "side panel") hit the
    // 30 s limit, and the same tests pass when run again. One retry keeps CI honest about real
    // failures (a broken feature fails twice) while the cause is found; the reporter names every
    // test that needed it.
    retry: 1,
  },
});
