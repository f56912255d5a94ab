import preact from '@preact/preset-vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Files that must run in a worker of their own rather than a VM context (below): the sandbox's
// tests check errors Node's own fetch throws with `instanceof Error`, which a VM context's Error is
// not, and worker-zod-free runs a real vite build, whose native bundler refuses the VM's objects.
const ownWorker = [
  'test/persona-sandbox/**/*.test.ts',
  'test/unit/background/worker-zod-free.test.ts',
];

const shared: TestProjectInlineConfiguration['test'] = {
  // Pure logic runs in Node; component tests opt into happy-dom with a file comment.
  environment: 'node',
  // The generated checks are held to zod on thousands of seeded samples per case
  // (test/unit/shared/same-answers.ts): seconds each, and past vitest's default 5 s when the
  // other core runs a heavy file too (seen once in CI: 5.5 s).
  testTimeout: 30_000,
  restoreMocks: true,
  setupFiles: ['test/unit/setup-browser.ts'],
};

export default defineConfig({
  plugins: [preact()],
  test: {
    // Every core runs a file: vitest's default leaves one core free, which on a 2-core machine
    // runs the files one at a time (108 s there, against 66 s with both cores).
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
          exclude: ownWorker,
          // Each file in a fresh VM context of a long-lived thread: its own modules, globals and
          // DOM, as in a thread of its own, without starting one and loading vitest's side again
          // per file. Node's built-in modules are shared by the files of a thread, and their
          // errors are not the context's `Error` (hence the second project). From a cold cache,
          // 151 files took 84 s so, against 120 s in threads of their own (2026-12-06, this
          // machine; docs/architecture.md, Testing).
          pool: 'vmThreads',
          // Node ≥ 20.19 resolves `require()` of a package with the "module-sync" condition to
          // its ES module (async-function, under @testing-library/dom), which a VM context
          // cannot load; without require(esm), Node takes the package's CommonJS file.
          execArgv: ['--no-experimental-require-module'],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'own worker',
          include: ownWorker,
          // Threads start faster than forked processes.
          pool: 'threads',
        },
      },
    ],
  },
});
