// "Find inquiry" to a rendered detail with its verifications, with Persona 100 ms away (sandbox
// latency), next to the naive approach: the inquiry, then each verification, one at a time.
// docs/architecture.md#budgets allows one request for the whole picture; the time ratio shows why.
import type { LoggedRequest } from '../test/persona-sandbox/controls.ts';
import type { BenchEnv } from './bench-env.ts';
import { alternate, findInPopup, withRequests } from './popup-vs-naive.ts';
import { clearWatchState } from './seed-extension.ts';
import { median, ratio } from './stats.ts';

export interface Lookup {
  runs: number;
  latencyMs: number;
  verificationsPerInquiry: number;
  /** Medians. */
  oursMs: number;
  naiveMs: number;
  /** naiveMs / oursMs: how many times faster ours is. */
  speedup: number;
  /** Most requests one lookup caused, counted in the sandbox's log (0.3 s after it rendered). */
  oursRequests: number;
  naiveRequests: number;
  samples: { oursMs: number[]; naiveMs: number[]; oursRequests: number[]; naiveRequests: number[] };
}

// Plain JavaScript (see first-paint.ts). Times from the search form's submit to the frame that
// shows every verification card with its checks.
const hooks = (verifications: number) => `
  window.__lookup = {};
  document.addEventListener('submit', () => { window.__lookup.submitMs = performance.now(); }, true);
  const observer = new MutationObserver(() => {
    const cards = document.querySelectorAll('section.verification').length;
    const checks = document.querySelector('section.verification .check-row') !== null;
    if (window.__lookup.submitMs === undefined || cards < ${verifications} || !checks) return;
    observer.disconnect();
    requestAnimationFrame((time) => { window.__lookup.renderedMs = time; });
  });
  observer.observe(document.body, { childList: true, subtree: true });`;

const timing = (verifications: number) => ({
  hooks: hooks(verifications),
  elapsed:
    'window.__lookup.renderedMs === undefined ? undefined : window.__lookup.renderedMs - window.__lookup.submitMs',
});

/** From the service worker, so both approaches share the browser's network stack and CORS. */
async function lookUpNaively(env: BenchEnv, id: string): Promise<number> {
  const worker = await env.worker();
  const { baseUrl } = env.sandbox;
  return worker.evaluate(
    async ({ baseUrl, key, id }) => {
      const headers = {
        Authorization: `Bearer ${key}`,
        'Persona-Version': '2025-12-08',
        'Key-Inflection': 'kebab',
      };
      const started = performance.now();
      const inquiry = await (await fetch(`${baseUrl}/inquiries/${id}`, { headers })).json();
      const related = inquiry.data.relationships.verifications.data as { id: string }[];
      for (const v of related)
        await (await fetch(`${baseUrl}/verifications/${v.id}`, { headers })).json();
      return performance.now() - started;
    },
    { baseUrl, key: env.sandbox.key, id },
  );
}

async function verificationCounts(env: BenchEnv, ids: string[]): Promise<number[]> {
  const headers = { Authorization: `Bearer ${env.sandbox.key}`, 'Key-Inflection': 'kebab' };
  return Promise.all(
    ids.map(async (id) => {
      const body = await (
        await fetch(`${env.sandbox.baseUrl}/inquiries/${id}`, { headers })
      ).json();
      return (body.data.relationships.verifications.data as unknown[]).length;
    }),
  );
}

/** Requests that showed the inquiry: the detail asks for the person's earlier inquiries once it is
 * on screen, evidence rather than part of showing it (photos.ts counts it, by route). */
function shownRequests(requests: LoggedRequest[]): number {
  return requests.filter(
    (r) => !('filter[account-id]' in r.query || 'filter[reference-id]' in r.query),
  ).length;
}

export async function measureLookup(
  env: BenchEnv,
  options: { runs: number; latencyMs: number },
): Promise<Lookup> {
  await clearWatchState(await env.worker()); // nothing to poll when the popup opens
  // A new inquiry each run: a looked-up inquiry is cached, and the cache would answer at once.
  const ids = await env.controls.seed(options.runs, {
    statuses: ['completed'],
    referenceIdPrefix: 'bench-lookup-',
  });
  const counts = await verificationCounts(env, ids);
  const samples = {
    oursMs: [] as number[],
    naiveMs: [] as number[],
    oursRequests: [] as number[],
    naiveRequests: [] as number[],
  };
  const page = await env.ext.context.newPage();
  // Home each time: the toolbar's bare URL opens on the inquiry a run before it showed (app.tsx).
  const popupUrl = env.ext.extensionUrl('src/popup/index.html?home');
  await env.controls.setFaults({ latencyMs: options.latencyMs });
  try {
    for (const [i, id] of ids.entries()) {
      const n = counts[i] as number;
      const { ours: o, naive: v } = await alternate(
        i,
        () => withRequests(env, () => findInPopup(page, popupUrl, id, timing(n))),
        () => withRequests(env, () => lookUpNaively(env, id)),
      );
      samples.oursMs.push(o.ms);
      samples.oursRequests.push(shownRequests(o.requests));
      samples.naiveMs.push(v.ms);
      samples.naiveRequests.push(shownRequests(v.requests));
    }
  } finally {
    await env.controls.clearFaults();
    await page.close();
  }
  const oursMs = median(samples.oursMs);
  const naiveMs = median(samples.naiveMs);
  return {
    runs: options.runs,
    latencyMs: options.latencyMs,
    verificationsPerInquiry: median(counts),
    oursMs,
    naiveMs,
    speedup: ratio(naiveMs, oursMs),
    oursRequests: Math.max(...samples.oursRequests),
    naiveRequests: Math.max(...samples.naiveRequests),
    samples,
  };
}
