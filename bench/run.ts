// `npm run bench`: every budget in docs/architecture.md#budgets the issue lists, measured on this
// machine against the local sandbox (loopback only), printed as one table and written to
// bench/results.json; a full run also rewrites docs/benchmarks.md.
//   --quick    fewer runs: what CI runs so the bench cannot rot (about a minute on a 2-core machine)
//   --out DIR  write results.json (and benchmarks.md) into DIR instead
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, shownPath } from '../scripts/lib/paths.ts';
import { findChromium } from '../test/e2e/browser-path.ts';
import { buildIfStale } from '../test/e2e/build-if-stale.ts';
import { openBenchEnv } from './bench-env.ts';
import { measureBundleFloor } from './bundle-floor.ts';
import { measureBundleSizes } from './bundle-sizes.ts';
import { measureColdStart } from './cold-start.ts';
import { measureFirstPaint } from './first-paint.ts';
import { measureLookup } from './lookup.ts';
import { describeMachine } from './machine.ts';
import { renderMarkdown } from './markdown.ts';
import { measureNextView } from './next-view.ts';
import { measurePhotosShown } from './photos.ts';
import { measurePollRequests } from './poll-requests.ts';
import { misses, renderTable, reportRows } from './report.ts';
import type { BenchResults } from './results.ts';
import { measureSidePanelContainer } from './side-panel-container.ts';
import { measureStatusToBadge } from './status-to-badge.ts';
import { measureTeamScale } from './team-scale.ts';
import { measureToolbarPopup } from './toolbar-popup.ts';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } },
});
const quick = values.quick ?? false;
const plan = {
  // The quick run only keeps each stage working (its figures are not the report's): fewest runs.
  runs: quick ? 2 : 10,
  // First paint: each page's samples fall on a 4 ms grid and a load either makes a frame or waits
  // a whole one, so the median of ten moves a step between runs; twenty hold it better.
  paintRuns: quick ? 3 : 20,
  // The same pages as the toolbar popup: each opening takes about a second with its pause, so
  // the quick run, which only keeps the stage working, opens each once after its warm-up.
  toolbarRuns: quick ? 1 : 12,
  // The same for the side panel in its own container, opened on a click.
  panelRuns: quick ? 1 : 12,
  // Between two openings of either: the full run's pause keeps one opening's teardown out of the
  // next one's load (toolbar-popup.ts); the quick run's figures are not the report's.
  openingPauseMs: quick ? 100 : undefined,
  inquiries: 50,
  // Cached views fetched through the background; the rest of the 50 reuse them (see
  // seed-extension.ts). Fetching all 50 takes the background some seconds on a small machine.
  distinctViews: quick ? 10 : 50,
  latencyMs: 100,
  watched: [0, 10, 100, 250, 1000],
  decided: 50,
  // Status change → badge through the real alarm, re-armed a whole period before each change.
  // Quick mode uses a shorter period: the figure under test is the extension's share after the
  // alarm, which does not depend on the period, and each run waits one period.
  statusRuns: quick ? 1 : 3,
  periodSeconds: quick ? 3 : 6,
  // Alternating cold starts of the extension and of a minimal worker; each takes well under a
  // second, and the fastest of many is what the ratio compares.
  coldRuns: quick ? 3 : 20,
  // Team scale on the sandbox's simulated clock: K reviewers × 100 watched. Quick mode stops at
  // K = 50 (the budgeted team) and simulates five minutes, five poll periods: the fewest that
  // leave the changes a window after the first period and three periods before the end
  // (team-scale/simulate.ts); six took the stage a fifth longer. A full run adds K = 100 and,
  // past the goals, K = 200, where the stretch has work to do.
  teamReviewers: quick ? [1, 10, 50] : [1, 10, 50, 100, 200],
  teamMinutes: quick ? 5 : 15,
  // Hard stops, so a hung browser fails the run instead of CI's whole job.
  limitSeconds: quick ? 90 : 400,
};

async function stage<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  process.stderr.write(`· ${name} … `);
  const result = await work();
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

async function main(): Promise<void> {
  const started = performance.now();
  setTimeout(() => {
    console.error(`\nThe bench took longer than ${plan.limitSeconds} s; stopped.`);
    process.exit(1);
  }, plan.limitSeconds * 1000).unref();

  const chromiumPath = findChromium();
  const dist = await stage('build (if stale)', () => buildIfStale());
  const machine = describeMachine(chromiumPath);
  // The two stages that time nothing on the wall clock (a build's sizes, the team on the
  // sandbox's simulated clock) run while Chromium starts, not after it: the timed stages that
  // follow still have the machine to themselves.
  const [opened, floor, team] = await stage(
    'Chromium + sandbox, with the bundle floor (vite build) and team scale (simulated clock)',
    () =>
      Promise.allSettled([
        openBenchEnv(dist, chromiumPath),
        measureBundleFloor(),
        measureTeamScale({ reviewers: plan.teamReviewers, minutes: plan.teamMinutes }),
      ]),
  );
  // One of the three failed: the browser and sandbox the others started are closed, not left.
  if (opened.status === 'rejected' || floor.status === 'rejected' || team.status === 'rejected') {
    if (opened.status === 'fulfilled') await opened.value.close();
    throw [opened, floor, team].find((r) => r.status === 'rejected')?.reason;
  }
  const [env, bundleFloor, teamScale] = [opened.value, floor.value, team.value];
  let results: BenchResults;
  try {
    const bundles = await stage('bundle sizes', () => measureBundleSizes(env.extensionDir));
    const firstPaint = await stage('popup and side panel first paint', () =>
      measureFirstPaint(env, { ...plan, runs: plan.paintRuns }),
    );
    const toolbarPopup = await stage('first paint in the toolbar popup', () =>
      measureToolbarPopup(env, {
        runs: plan.toolbarRuns,
        pauseMs: plan.openingPauseMs,
        rows: firstPaint.cachedInquiries.watched,
      }),
    );
    const sidePanelContainer = await stage('first paint in the side panel itself', () =>
      measureSidePanelContainer(env, {
        runs: plan.panelRuns,
        pauseMs: plan.openingPauseMs,
        rows: firstPaint.cachedInquiries.watched,
      }),
    );
    const nextView = await stage('click → next view', () => measureNextView(env, plan));
    const lookup = await stage('lookup', () => measureLookup(env, plan));
    const photos = await stage('find → photos shown', () => measurePhotosShown(env, plan));
    const poll = await stage('poll requests', () => measurePollRequests(env, plan));
    const statusToBadge = await stage('status change → badge (alarm)', () =>
      measureStatusToBadge(env, { runs: plan.statusRuns, periodSeconds: plan.periodSeconds }),
    );
    const coldStart = await stage('cold start, and a minimal worker', () =>
      measureColdStart(env, { runs: plan.coldRuns, chromiumPath }),
    );
    results = {
      mode: quick ? 'quick' : 'full',
      machine,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      bundles,
      bundleFloor,
      firstPaint,
      toolbarPopup,
      sidePanelContainer,
      nextView,
      lookup,
      photos,
      poll,
      statusToBadge,
      coldStart,
      teamScale,
    };
  } finally {
    await env.close();
  }

  const rows = reportRows(results);
  console.log(`\nInquiry Desk benchmarks (${results.mode}, ${results.seconds} s)`);
  console.log(
    `${machine.cpus} × ${machine.cpuModel} · ${machine.chromium} · Node ${machine.node}\n`,
  );
  console.log(renderTable(rows));
  const missed = misses(rows);
  if (missed.length > 0) console.log(`\n${missed.length} budget(s) missed: see MISS above.`);

  const outDir = values.out ? resolve(values.out) : join(repoRoot, 'bench');
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, 'results.json');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${shownPath(json)}`);
  // Only a full run speaks for the committed report; a quick one writes it only where told to.
  const markdown = values.out
    ? join(outDir, 'benchmarks.md')
    : quick
      ? null
      : join(repoRoot, 'docs', 'benchmarks.md');
  if (markdown) {
    mkdirSync(dirname(markdown), { recursive: true });
    writeFileSync(markdown, renderMarkdown(results, rows));
    console.log(`Wrote ${shownPath(markdown)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`\nnpm run bench failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
