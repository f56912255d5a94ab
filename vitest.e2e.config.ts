import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Files that must have the machine to themselves: the quick bench times paints and worker starts,
// and first-frame checks what one frame drew.
const alone = ['test/e2e/bench.e2e.ts', 'test/e2e/first-frame.e2e.ts'];

const shared: TestProjectInlineConfiguration['test'] = {
  environment: 'node',
  globalSetup: ['test/e2e/global-setup.ts'],
  // Each file gets its own sandbox (test/e2e/sandbox.ts).
  setupFiles: ['test/e2e/setup-sandbox.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// The rest run two files at a time: much of an end-to-end test is waiting (on the worker, an
// alarm, a retry's backoff), so two browsers on a 2-core machine finish sooner than one at a time.
// The two that need the machine alone run afterwards, one by one.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          exclude: alone,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e alone',
          include: alone,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
