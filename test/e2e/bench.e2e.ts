// The quick bench, so `npm run bench` cannot rot: it must finish and report every figure as a
// number. Whether the budgets pass is the report's business (docs/benchmarks.md), not this test's.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/results.ts';

const root = new URL('../../', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'inquiry-desk-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const numeric = expect.any(Number);
const finite = (value: number) => expect(Number.isFinite(value), String(value)).toBe(true);

it('runs the quick bench and reports every figure', async () => {
  const { stdout } = await promisify(execFile)(
    'npx',
    ['tsx', 'bench/run.ts', '--quick', '--out', out],
    { cwd: root, timeout: 140_000 },
  );
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResults;

  for (const bundle of Object.values(results.bundles)) {
    expect(bundle.files.length).toBeGreaterThan(0);
    expect(bundle.gzipBytes).toBeGreaterThan(0);
  }
  const fp = results.firstPaint;
  expect(fp.cachedInquiries).toMatchObject({ watched: 50, cached: 50 });
  for (const value of [fp.popupFcpMs, fp.popupListMs, fp.blankFcpMs, fp.ratio]) finite(value);
  // The side panel's page, in the same turns as the popup and the blank page.
  expect(fp.sidePanel.listSamples).toHaveLength(fp.runs);
  for (const value of [fp.sidePanel.fcpMs, fp.sidePanel.listMs, fp.sidePanel.ratio]) finite(value);
  // Each page's content in the DOM, then on screen: timed in every run.
  for (const frames of Object.values(fp.frames)) {
    expect(frames.readySamples).toHaveLength(fp.runs);
    for (const value of [frames.readyMs, frames.toScreenMs, frames.sameFrame]) finite(value);
  }
  expect(Object.keys(fp.frames).sort()).toEqual([
    'blank',
    'floor',
    'injected',
    'injectedInView',
    'injectedNoRows',
    'popup',
    'side',
    'static',
  ]);
  // The static first screen: the popup's rows as markup, in the same turns.
  expect(fp.samples.staticFcpMs).toHaveLength(fp.runs);
  for (const value of [fp.staticFcpMs, fp.staticRatio]) finite(value);
  // The rows the popup's first frame held: every row in its view, not all fifty.
  expect(fp.rowsInView).toBeGreaterThan(0);
  expect(fp.staticRows).toBeGreaterThanOrEqual(fp.rowsInView);
  expect(fp.staticRows).toBeLessThan(fp.cachedInquiries.watched);
  // When every row is in the DOM, timed too; the side panel's rows in view counted as its own.
  for (const value of [fp.popupAllRowsMs, fp.sidePanel.allRowsMs]) finite(value);
  expect(fp.sidePanel.rowsInView).toBeGreaterThan(0);
  expect(fp.staticBytes).toBeGreaterThan(10_000);
  // The injected first screen: the same rows set by a script, timed once every row in view is in the DOM.
  expect(fp.samples.injectedFcpMs).toHaveLength(fp.runs);
  for (const value of [fp.injectedFcpMs, fp.injectedRatio]) finite(value);
  // The same with only the rows in the popup's view, and with none: each in every run.
  expect(fp.samples.injectedInViewFcpMs).toHaveLength(fp.runs);
  expect(fp.samples.injectedNoRowsFcpMs).toHaveLength(fp.runs);
  expect(fp.injectedInView.rows).toBe(fp.rowsInView);
  for (const value of [fp.injectedInView.ratio, fp.injectedNoRows.ratio]) finite(value);
  // The same pages opened as the toolbar popup itself: each one every run, the desk and the
  // static copy with its first frame's rows, and the manifest's popup back afterwards.
  const toolbar = results.toolbarPopup;
  expect(Object.keys(toolbar.pages).sort()).toEqual(['blank', 'floor', 'popup', 'static']);
  for (const page of Object.values(toolbar.pages)) {
    expect(page.samples).toHaveLength(toolbar.runs);
    for (const value of [page.fcpMs, page.ratio]) finite(value);
  }
  expect(toolbar.pages.popup.rows).toBe(fp.cachedInquiries.watched);
  expect(toolbar.pages.static.rows).toBe(fp.staticRows);
  expect(toolbar.pages.blank.rows).toBe(0);
  expect(toolbar.popupAfter).toMatch(/\/src\/popup\/index\.html$/);

  // Click → next view: both transitions, every run on screen.
  expect(results.nextView.transitions).toHaveLength(2);
  for (const transition of results.nextView.transitions) {
    expect(transition.samples).toHaveLength(results.nextView.runs);
    finite(transition.medianMs);
  }
  // The cache the detail reads, timed from the popup: the views the first-paint figure cached.
  const cacheRead = results.nextView.cacheRead;
  expect(cacheRead.views).toBe(50);
  expect(cacheRead.samples).toHaveLength(results.nextView.runs);
  for (const value of [cacheRead.medianMs, cacheRead.allMedianMs]) finite(value);
  // One view is a fiftieth of the cache, give or take the reference ids.
  expect(cacheRead.viewBytes * 10).toBeLessThan(cacheRead.allBytes);
  // The views past the first screen are chunks of their own, outside what the popup loads first.
  expect(results.bundles.popup.lazyFiles.length).toBeGreaterThan(0);

  const lookup = results.lookup;
  for (const value of [lookup.oursMs, lookup.naiveMs, lookup.speedup]) finite(value);
  expect(lookup.oursRequests).toBeGreaterThan(0);
  // The naive approach asks for the inquiry and then each verification.
  expect(lookup.naiveRequests).toBe(1 + lookup.verificationsPerInquiry);

  const photos = results.photos;
  for (const value of [photos.oursMs, photos.naiveMs, photos.speedup]) finite(value);
  // Ours: the detail once and each photo once; naive: every verification and photo on its own.
  expect(photos.oursRequests['GET /inquiries/:id']).toBe(1);
  expect(photos.oursRequests['GET /files/:verificationId/:file']).toBe(photos.photosPerInquiry);
  expect(photos.naiveRequests['GET /files/:verificationId/:file']).toBe(photos.photosPerInquiry);
  expect(photos.naiveRequests['GET /verifications/:id']).toBeGreaterThan(0);

  expect(results.poll.rows.map((row) => row.watched)).toEqual([0, 10, 100, 250, 1000, 50]);
  for (const row of results.poll.rows) {
    expect(row).toMatchObject({ requests: numeric, naive: row.watched });
    // The log and the cycle's own count must agree, or the figure is not what it says.
    expect(row.requests).toBe(row.reported);
  }
  // The libraries' share, from vite builds of each entry with each library external.
  const floor = results.bundleFloor;
  for (const bundle of [floor.popup, floor.background]) {
    expect(bundle.libraries.map((l) => l.library)).toEqual([
      'preact',
      'zod/mini',
      'webextension-polyfill',
    ]);
    for (const l of bundle.libraries) finite(l.gzipBytes);
    expect(bundle.ownJsGzipBytes).toBeGreaterThan(0);
  }
  expect(floor.popup.librariesGzipBytes).toBeGreaterThan(0);
  // The popup imports Preact and zod/mini; were one not reached, its share would silently read 0.
  // webextension-polyfill is reached by neither entry any more (src/shared/browser.ts).
  expect(floor.popup.libraries.map((l) => l.used)).toEqual([true, true, false]);
  // The worker reaches none: its checks are generated, Persona's bodies read by plain readers.
  expect(floor.background.libraries.map((l) => l.used)).toEqual([false, false, false]);
  expect(floor.background.librariesGzipBytes).toBe(0);

  // Status change → badge through the real alarm: every run saw both the badge and the
  // notification (a run that saw neither would be a broken watcher, not a slow one).
  const status = results.statusToBadge;
  expect(status).toMatchObject({ alarm: expect.any(String), periodSeconds: numeric, timedOut: 0 });
  expect(status.samples).toHaveLength(status.runs);
  for (const run of status.samples) {
    finite(run.badgeMs as number);
    finite(run.notificationMs as number);
  }
  for (const value of [status.maxMs, status.medianMs, status.budgetMs]) finite(value);

  finite(results.coldStart.coldMs);
  finite(results.coldStart.warmMs);
  // The minimal worker, measured in the same run, and the ratio the budget is about; like for
  // like, it is a classic script as the extension's worker is (scripts/lib/background-bundle.ts).
  expect(results.coldStart.minimalWorker).toBe('classic');
  finite(results.coldStart.minimalColdMs);
  expect(results.coldStart.samples.minimalColdMs).toHaveLength(results.coldStart.runs);
  finite(results.coldStart.ratio);
  finite(results.coldStart.medianRatio);
  // Whether a worker may load code on demand: asked of the minimal worker, answered either way.
  expect(results.coldStart.workerDynamicImport).not.toBe('not asked');
  // The floor worker listens to what the built worker listens to, read from its script.
  const floorWorker = results.coldStart.floor;
  expect(floorWorker.events).toEqual(
    expect.arrayContaining(['runtime.onMessage', 'alarms.onAlarm', 'notifications.onClicked']),
  );
  expect(results.coldStart.samples.floorColdMs).toHaveLength(results.coldStart.runs);
  for (const value of [floorWorker.coldMs, floorWorker.bestMs, floorWorker.ratio]) finite(value);
  // The parse floor carries the built worker script, byte for byte, inside an uncalled function.
  const parsed = results.coldStart.parsed;
  expect(parsed.scriptBytes).toBe(statSync(join(root, 'dist', 'background.js')).size);
  expect(results.coldStart.samples.parsedColdMs).toHaveLength(results.coldStart.runs);
  for (const value of [parsed.coldMs, parsed.bestMs, parsed.ratio]) finite(value);

  // Team scale on the simulated clock: every team polled through the extension's own cycle,
  // the sandbox's log agrees with the team's own count of 429s, and each change was seen.
  const team = results.teamScale.runs;
  expect(team.map((run) => run.reviewers)).toEqual([1, 10, 50]);
  for (const run of team) {
    expect(run.teamRequests).toBeGreaterThan(0);
    expect(run.logged429).toBe(run.team429);
    expect(run.changes).toBeGreaterThan(0);
    expect(run.unseen).toBe(0);
    for (const value of [run.teamShare, run.seenMedianPeriods, run.seenMaxPeriods]) finite(value);
  }
  // The quick team is small and quiet: one request per reviewer per period, nothing held.
  const fifty = team[2] as (typeof team)[number];
  expect(fifty.teamRequests).toBe(fifty.alarms);

  expect(results.machine).toMatchObject({ cpus: numeric, node: process.version });
  expect(stdout).toContain('popup first paint');
  expect(stdout).toContain('side panel first paint');
  expect(stdout).toContain('click → next view on screen');
  expect(stdout).toContain('status change → badge');
  expect(stdout).toContain('team of 50 × 100 watched');
  const markdown = readFileSync(join(out, 'benchmarks.md'), 'utf8');
  expect(markdown).toContain('## Budgets missed');
  expect(markdown).toMatch(/## (Why the bundle budgets are missed|What the bundles are made of)/);
  expect(markdown).toContain('## Team scale');
}, 150_000);
