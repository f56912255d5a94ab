import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: [
      'test/unit/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.ts',
      'test/persona-sandbox/**/*.test.ts',
    ],
    // Pure logic runs in Node; component tests opt into happy-dom with a file comment.
    environment: 'node',
    // Threads start faster than forked processes, and every core runs a file: vitest's default
    // leaves one core free, which on a 2-core machine runs the files one at a time (108 s there,
    // against 66 s with both cores).
    pool: 'threads',
    maxWorkers: '100%',
    // The generated checks are held to zod on thousands of seeded samples per case
    // (test/unit/shared/same-answers.ts): seconds each, and past vitest's default 5 s when the
    // other core runs a heavy file too (seen once in CI: 5.5 s).
    testTimeout: 30_000,
    restoreMocks: true,
    setupFiles: ['test/unit/setup-browser.ts'],
  },
});
