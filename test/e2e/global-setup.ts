import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startSandbox } from '../persona-sandbox/index.ts';
import { findChromium } from './browser-path.ts';
import { buildIfStale } from './build-if-stale.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distPath: string;
    chromiumPath: string;
    sandboxOrigin: string;
    sandboxBaseUrl: string;
    /** The one key this sandbox accepts: any other sandbox key gets Persona's 401. */
    sandboxKey: string;
  }
}

export default async function setup(project: TestProject) {
  // Fail before any test with the install hint, not 20 times with a launch error.
  project.provide('chromiumPath', findChromium());
  project.provide('distPath', buildIfStale());
  const key = `persona_sandbox_${randomUUID()}`;
  const sandbox = await startSandbox({ port: 0, keys: [key] });
  project.provide('sandboxOrigin', sandbox.origin);
  project.provide('sandboxBaseUrl', sandbox.baseUrl);
  project.provide('sandboxKey', key);
  return () => sandbox.close();
}
