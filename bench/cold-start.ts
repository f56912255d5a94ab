// Service worker cold start to the first answered message: stop the worker through DevTools (as
// the e2e harness does; Chrome stops idle workers after 30 s), then time a ping from an
// extension page, which makes Chrome start the worker again to deliver it. The same is measured,
// run for run, on a minimal MV3 extension whose worker only answers the ping (a module worker if
// the extension's is one, else a classic script, like for like), loaded in a second Chromium of
// the same build and flags: the ratio between the two is the figure
// (docs/architecture.md#budgets), since the absolute time follows the machine's load. Other jobs on a shared
// machine only ever add time, and a few tens of milliseconds swing the medians' ratio either way,
// so the ratio is taken between each side's fastest run; the medians are reported beside it.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { type LaunchedExtension, launchExtension } from '../scripts/lib/launch-extension.ts';
import { stopWorker } from '../scripts/lib/stop-worker.ts';
import type { BenchEnv } from './bench-env.ts';
import { BLANK_PAGE } from './bench-env.ts';
import { median, ratio, round1 } from './stats.ts';

export interface ColdStart {
  runs: number;
  /** Medians, ms from sendMessage to the answer. */
  coldMs: number;
  warmMs: number;
  /** The minimal worker's kind: the extension's own (a classic script, or a module). */
  minimalWorker: 'classic' | 'module';
  /** The minimal worker's, same run. */
  minimalColdMs: number;
  minimalWarmMs: number;
  /** Fastest cold start of each. */
  bestMs: number;
  minimalBestMs: number;
  /** bestMs / minimalBestMs: the budgeted figure. */
  ratio: number;
  /** coldMs / minimalColdMs. */
  medianRatio: number;
  /**
   * The floor worker, same run: the extension's manifest (permissions, omnibox, managed storage)
   * and the same event listeners as its worker, one storage read before it answers, no code of
   * ours. What the desk's features cost any worker, apart from the desk's own script.
   */
  floor: { events: string[]; coldMs: number; bestMs: number; ratio: number };
  /**
   * The floor worker with the extension's whole worker script appended inside a function that is
   * never called, same run: Chromium loads and parses those bytes at each start, and none of them
   * runs. What the script costs before its first line, apart from what running it costs.
   */
  parsed: { scriptBytes: number; coldMs: number; bestMs: number; ratio: number };
  samples: {
    coldMs: number[];
    warmMs: number[];
    minimalColdMs: number[];
    minimalWarmMs: number[];
    floorColdMs: number[];
    parsedColdMs: number[];
  };
  /**
   * What `import()` of one of its own files does inside the minimal worker, asked after the runs:
   * "allowed", or the error this Chromium throws. Whether the worker could load handlers on demand.
   */
  workerDynamicImport: string;
}

/** docs/architecture.md#budgets: cold start → first answer at most this times the minimal worker's. */
export const COLD_START_RATIO_BUDGET = 1.5;

async function ping(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const started = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'ping' });
    if (!answer?.ok) throw new Error(`ping failed: ${JSON.stringify(answer)}`);
    return performance.now() - started;
  });
}

/** The worker of the extension in `dir`, from its manifest: its script, and whether it is a module. */
function workerOf(dir: string): { file: string; module: boolean } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string; type?: string };
  };
  return {
    file: manifest.background.service_worker,
    module: manifest.background.type === 'module',
  };
}

/** A Manifest V3 extension with a worker that answers `ping` and does nothing else. */
function writeMinimalExtension(module: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'inquiry-desk-bench-minimal-'));
  const manifest = {
    manifest_version: 3,
    name: 'Minimal worker',
    version: '1.0.0',
    background: { service_worker: 'worker.js', ...(module ? { type: 'module' } : {}) },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'worker.js'),
    `chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message?.type === 'ping') reply({ ok: true });
});
// Asked by the bench after the timed runs only.
self.tryDynamicImport = () => import('./later.js').then(() => 'allowed', (error) => String(error));
`,
  );
  writeFileSync(join(dir, 'later.js'), 'export const later = true;\n');
  writeFileSync(join(dir, BLANK_PAGE), '<!doctype html><meta charset="utf-8"><p>blank</p>\n');
  return dir;
}

// What a manifest must keep for the worker's APIs to be there as they are for the extension's.
const FLOOR_MANIFEST_KEYS = [
  'default_locale',
  'minimum_chrome_version',
  'permissions',
  'host_permissions',
  'omnibox',
  'storage',
] as const;

/** Each `namespace.onEvent` the built worker adds a listener to, read from its script. */
export function listenedEvents(workerScript: string): string[] {
  const found = workerScript.matchAll(/\.([a-zA-Z]+)\.(on[A-Z]\w*)\.addListener\(/g);
  return [...new Set([...found].map(([, namespace, event]) => `${namespace}.${event}`))].sort();
}

/**
 * The floor worker's extension (see {@link ColdStart.floor}), beside the extension in `dir`: its
 * manifest keys, locales and managed-storage schema, and a worker that adds an empty listener to
 * each of the events the extension's worker listens to and answers `ping` after one storage read.
 */
function writeFloorExtension(dir: string): { dir: string; events: string[] } {
  const built = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  > & { background: { service_worker: string }; storage?: { managed_schema?: string } };
  const floorDir = mkdtempSync(join(tmpdir(), 'inquiry-desk-bench-floor-worker-'));
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: 'Floor worker',
    version: '1.0.0',
    background: { service_worker: 'worker.js' },
  };
  for (const key of FLOOR_MANIFEST_KEYS) if (key in built) manifest[key] = built[key];
  for (const path of ['_locales', built.storage?.managed_schema]) {
    if (path && existsSync(join(dir, path)))
      cpSync(join(dir, path), join(floorDir, path), { recursive: true });
  }
  const events = listenedEvents(readFileSync(join(dir, built.background.service_worker), 'utf8'));
  const listeners = events
    .filter((event) => event !== 'runtime.onMessage')
    .map((event) => `chrome.${event}.addListener(() => {});`);
  writeFileSync(join(floorDir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(floorDir, 'worker.js'),
    `const read = chrome.storage.local.get('storageVersion');
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message?.type !== 'ping') return;
  read.then(() => reply({ ok: true }));
  return true;
});
${listeners.join('\n')}
`,
  );
  writeFileSync(join(floorDir, BLANK_PAGE), '<!doctype html><meta charset="utf-8"><p>blank</p>\n');
  return { dir: floorDir, events };
}

/**
 * The parse floor (see {@link ColdStart.parsed}): a copy of the floor worker's extension whose
 * worker also carries the extension's worker script, wrapped in a function nobody calls. The
 * script is a strict-mode IIFE (scripts/lib/background-bundle.ts), so as a function body it keeps
 * its meaning; it is parsed, and lazily compiled code never runs.
 */
function writeParsedExtension(floorDir: string, script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inquiry-desk-bench-parsed-worker-'));
  cpSync(floorDir, dir, { recursive: true });
  const worker = readFileSync(join(floorDir, 'worker.js'), 'utf8');
  writeFileSync(join(dir, 'worker.js'), `${worker}\nfunction neverCalled() {\n${script}\n}\n`);
  return dir;
}

interface Pinger {
  page: Page;
  cdp: CDPSession;
  scope: string;
}

/** A blank page of the extension and one DevTools session for every stop. */
async function openPinger(ext: LaunchedExtension): Promise<Pinger> {
  // The blank page sends nothing by itself, so only the measured ping wakes the worker.
  for (const open of ext.context.pages()) await open.close();
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl(BLANK_PAGE));
  // Playwright has no event for a stopped worker: DevTools reports it.
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await ping(page);
  return { page, cdp, scope: ext.extensionUrl('') };
}

async function coldAndWarm(p: Pinger): Promise<{ cold: number; warm: number }> {
  const warm = round1(await ping(p.page));
  await stopWorker(p.cdp, p.scope);
  return { cold: round1(await ping(p.page)), warm };
}

export async function measureColdStart(
  env: BenchEnv,
  options: { runs: number; chromiumPath: string },
): Promise<ColdStart> {
  const built = workerOf(env.extensionDir);
  const minimalModule = built.module;
  const minimalDir = writeMinimalExtension(minimalModule);
  const floorWorker = writeFloorExtension(env.extensionDir);
  // A module's imports cannot sit inside a function: the parse floor needs the classic bundle.
  if (minimalModule) throw new Error('cold start: the parse floor expects a classic worker script');
  const script = readFileSync(join(env.extensionDir, built.file), 'utf8');
  const parsedDir = writeParsedExtension(floorWorker.dir, script);
  let minimal: LaunchedExtension | undefined;
  let floor: LaunchedExtension | undefined;
  let parsed: LaunchedExtension | undefined;
  const pingers: Pinger[] = [];
  const samples = {
    coldMs: [] as number[],
    warmMs: [] as number[],
    minimalColdMs: [] as number[],
    minimalWarmMs: [] as number[],
    floorColdMs: [] as number[],
    parsedColdMs: [] as number[],
  };
  let workerDynamicImport = 'not asked';
  try {
    // The three browsers start at once (a second or more each here); nothing is timed until
    // every one is up. One that failed to start fails the stage; those that started are closed.
    const launch = (extensionDir: string) =>
      launchExtension({ chromiumPath: options.chromiumPath, extensionDir, headless: true });
    const started = await Promise.allSettled([
      launch(minimalDir),
      launch(floorWorker.dir),
      launch(parsedDir),
    ]);
    [minimal, floor, parsed] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed || !minimal || !floor || !parsed) throw failed?.reason;
    const ours = await openPinger(env.ext);
    pingers.push(ours);
    const theirs = await openPinger(minimal);
    pingers.push(theirs);
    const floors = await openPinger(floor);
    pingers.push(floors);
    const parsers = await openPinger(parsed);
    pingers.push(parsers);
    // Alternating, so a burst of load elsewhere on the machine falls on both alike.
    for (let run = 0; run < options.runs; run++) {
      const a = await coldAndWarm(ours);
      samples.coldMs.push(a.cold);
      samples.warmMs.push(a.warm);
      const b = await coldAndWarm(theirs);
      samples.minimalColdMs.push(b.cold);
      samples.minimalWarmMs.push(b.warm);
      samples.floorColdMs.push((await coldAndWarm(floors)).cold);
      samples.parsedColdMs.push((await coldAndWarm(parsers)).cold);
    }
    const worker = await minimal.serviceWorker();
    workerDynamicImport = String(await worker.evaluate('self.tryDynamicImport()'));
  } finally {
    for (const p of pingers) {
      await p.cdp.detach().catch(() => undefined);
      await p.page.close().catch(() => undefined);
    }
    await minimal?.close();
    await floor?.close();
    await parsed?.close();
    rmSync(minimalDir, { recursive: true, force: true });
    rmSync(floorWorker.dir, { recursive: true, force: true });
    rmSync(parsedDir, { recursive: true, force: true });
  }
  const coldMs = median(samples.coldMs);
  const minimalColdMs = median(samples.minimalColdMs);
  const bestMs = Math.min(...samples.coldMs);
  const minimalBestMs = Math.min(...samples.minimalColdMs);
  return {
    runs: options.runs,
    minimalWorker: minimalModule ? 'module' : 'classic',
    coldMs,
    warmMs: median(samples.warmMs),
    minimalColdMs,
    minimalWarmMs: median(samples.minimalWarmMs),
    bestMs,
    minimalBestMs,
    ratio: ratio(bestMs, minimalBestMs),
    medianRatio: ratio(coldMs, minimalColdMs),
    floor: {
      events: floorWorker.events,
      coldMs: median(samples.floorColdMs),
      bestMs: Math.min(...samples.floorColdMs),
      ratio: ratio(Math.min(...samples.floorColdMs), minimalBestMs),
    },
    parsed: {
      scriptBytes: Buffer.byteLength(script),
      coldMs: median(samples.parsedColdMs),
      bestMs: Math.min(...samples.parsedColdMs),
      ratio: ratio(Math.min(...samples.parsedColdMs), minimalBestMs),
    },
    samples,
    workerDynamicImport,
  };
}
