// One Chromium with the built extension and one sandbox, shared by every measurement in a run.
// The extension loaded is a copy of dist/ with one added page, a blank extension page that the
// first-paint figure is compared with; the copy also keeps a rebuild of dist/ mid-run harmless.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { connectToSandbox } from '../scripts/lib/connect-demo.ts';
import { type LaunchedExtension, launchExtension } from '../scripts/lib/launch-extension.ts';
import { type SandboxControls, sandboxControls } from '../test/persona-sandbox/controls.ts';
import { SEED_TEMPLATE_ID } from '../test/persona-sandbox/core/seed.ts';
import { type RunningSandbox, startSandbox } from '../test/persona-sandbox/index.ts';
import { measureBundleSizes } from './bundle-sizes.ts';

export const BLANK_PAGE = 'bench-blank.html';

export interface BenchEnv {
  /** The copy of dist/ that Chromium loaded. */
  extensionDir: string;
  ext: LaunchedExtension;
  sandbox: RunningSandbox;
  controls: SandboxControls;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** A complete copy: a build running at the same moment (another terminal) empties dist/ first. */
async function copyDist(dist: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), 'inquiry-desk-bench-dist-'));
    try {
      cpSync(dist, copy, { recursive: true });
      measureBundleSizes(copy); // throws when a referenced file is missing
      // Some text, or there is no first *contentful* paint to measure.
      writeFileSync(join(copy, BLANK_PAGE), '<!doctype html><meta charset="utf-8"><p>blank</p>\n');
      return copy;
    } catch (error) {
      rmSync(copy, { recursive: true, force: true });
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

export async function openBenchEnv(dist: string, chromiumPath: string): Promise<BenchEnv> {
  const copy = await copyDist(dist);

  // Loopback only, on a free port. The limit is far above Persona's 300/min so the bench's own
  // set-up never makes the poller throttle; the poll figures count requests, not manners.
  const key = `persona_sandbox_${randomUUID()}`;
  const sandbox = await startSandbox({ port: 0, keys: [key], rateLimitPerMinute: 1_000_000 });
  let ext: LaunchedExtension | undefined;
  try {
    ext = await launchExtension({ chromiumPath, extensionDir: copy, headless: true });
    await connectToSandbox(await ext.serviceWorker(), sandbox, SEED_TEMPLATE_ID);
  } catch (error) {
    await ext?.close();
    await sandbox.close();
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
  const launched = ext;
  return {
    extensionDir: copy,
    ext: launched,
    sandbox,
    controls: sandboxControls(sandbox.origin),
    worker: () => launched.serviceWorker(),
    async close() {
      await launched.close();
      await sandbox.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
