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
    restoreMocks: true,
    setupFiles: ['test/unit/setup-browser.ts'],
  },
});
