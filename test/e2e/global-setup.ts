import type { TestProject } from 'vitest/node';
import { findChromium } from './browser-path.ts';
import { buildIfStale } from './build-if-stale.ts';
import { buildFirefoxIfStale } from './firefox-harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distPath: string;
    chromiumPath: string;
  }
}

// Before any file of each project (the two groups in vitest.e2e.config.ts): each file then starts
// its own sandbox (sandbox.ts). Both builds are brought up to date here, before files run two at a
// time: two files finding one stale would each rebuild it, emptying the folder under the other.
export default function setup(project: TestProject) {
  // Fail before any test with the install hint, not 20 times with a launch error.
  project.provide('chromiumPath', findChromium());
  project.provide('distPath', buildIfStale());
  buildFirefoxIfStale();
}
