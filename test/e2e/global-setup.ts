import type { TestProject } from 'vitest/node';
import { findChromium } from './browser-path.ts';
import { buildIfStale } from './build-if-stale.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distPath: string;
    chromiumPath: string;
  }
}

// Once for the whole run, before any file: each file then starts its own sandbox (sandbox.ts).
export default function setup(project: TestProject) {
  // Fail before any test with the install hint, not 20 times with a launch error.
  project.provide('chromiumPath', findChromium());
  project.provide('distPath', buildIfStale());
}
