// Runs before each end-to-end file, in its worker: that file's own sandbox (sandbox.ts says why).
import { afterAll } from 'vitest';
import { startFileSandbox, stopFileSandbox } from './sandbox.ts';

await startFileSandbox();
afterAll(stopFileSandbox);
