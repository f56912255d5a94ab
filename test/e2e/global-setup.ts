import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { READ_ONLY_KEY_PREFIX } from '../persona-sandbox/http/auth.ts';
import { startSandbox } from '../persona-sandbox/index.ts';
import { findChromium } from './browser-path.ts';
import { buildIfStale } from './build-if-stale.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distPath: string;
    chromiumPath: string;
    sandboxOrigin: string;
    sandboxBaseUrl: string;
    /** The key this sandbox accepts with every permission: other sandbox keys get a 401. */
    sandboxKey: string;
    /** A key it accepts with read permissions only (the sandbox's `readonly_` prefix). */
    sandboxReadOnlyKey: string;
  }
}

export default async function setup(project: TestProject) {
  // Fail before any test with the install hint, not 20 times with a launch error.
  project.provide('chromiumPath', findChromium());
  project.provide('distPath', buildIfStale());
  const key = `persona_sandbox_${randomUUID()}`;
  const readOnlyKey = `${READ_ONLY_KEY_PREFIX}${randomUUID()}`;
  const sandbox = await startSandbox({ port: 0, keys: [key, readOnlyKey] });
  project.provide('sandboxOrigin', sandbox.origin);
  project.provide('sandboxBaseUrl', sandbox.baseUrl);
  project.provide('sandboxKey', key);
  project.provide('sandboxReadOnlyKey', readOnlyKey);
  return () => sandbox.close();
}
