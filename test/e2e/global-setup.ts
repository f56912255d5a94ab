import type { TestProject } from 'vitest/node';
import { buildIfStale } from './build-if-stale.ts';
import { findChromium } from './chromium-path.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distPath: string;
    chromiumPath: string;
  }
}

export default function setup(project: TestProject) {
  // Fail before any test with the install hint, not 20 times with a launch error.
  project.provide('chromiumPath', findChromium());
  project.provide('distPath', buildIfStale());
}
