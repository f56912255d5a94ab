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
  // expect.poll's default of 1 s is one stalled frame on a loaded machine: with three browsers at
  // once, a focus moved in an effect after a paint was once still on its way after a second (CI,
  // 2026-12-07). A poll that passes returns as soon as it does; only a failure waits longer.
  expect: { poll: { timeout: 5_000 } },
  // A browser's start may take two tries of 25 s (test/e2e/harness.ts), then the file connects.
  hookTimeout: 90_000,
};

// The rest run three files at a time: much of an end-to-end test is waiting (on the worker, an
// alarm, a retry's backoff, a sandbox held slow), so on a 2-core machine the whole suite used
// about 40 % of both cores with two browsers at a time. Three took the run from 342 s to 278 s
// (2026-12-07, the same build, nothing else running); the longest file then set the end, so it
// was split in two (decide.e2e.ts). The two that need the machine alone run afterwards, one by one.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          exclude: alone,
          maxWorkers: 3,
          // A worker runs its next file in the modules it has already loaded (playwright-core, the
          // sandbox), not in fresh ones: each file still launches its own browser and sandbox
          // (setup-sandbox.ts, its hooks), and shares no test state with the file before it, only
          // the sandbox modules' pure caches. What a failed file left running (a browser its
          // hooks never closed) stays up until the worker ends. Six files took 58 s so against
          // 71 s isolated, the setup and imports 2.8 + 3.6 s against 6.3 + 8.7 s (2026-12-05).
          isolate: false,
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
