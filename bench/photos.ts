// "Find inquiry" to every ID and selfie photo decoded on screen, with Persona 100 ms away
// (sandbox latency on the API; file downloads are not delayed), next to the naive way: the
// inquiry, then each verification, then each photo, one at a time. The reviewer is played by a
// hook that presses "Show photos" the moment it appears, so the figure is the extension's share.
import type { BenchEnv } from './bench-env.ts';
import { alternate, findInPopup, withRequests } from './popup-vs-naive.ts';
import { clearWatchState } from './seed-extension.ts';
import { median, ratio } from './stats.ts';

export interface PhotosShown {
  runs: number;
  latencyMs: number;
  photosPerInquiry: number;
  /** Medians. */
  oursMs: number;
  naiveMs: number;
  speedup: number;
  /** Most requests of one run, by route, counted in the sandbox's log (0.3 s after the photos). */
  oursRequests: Record<string, number>;
  naiveRequests: Record<string, number>;
  samples: { oursMs: number[]; naiveMs: number[] };
}

// Plain JavaScript (see first-paint.ts). From the search form's submit to the frame in which
// every photo of the Photos section has decoded.
const hooks = (photos: number) => `
  window.__photos = {};
  document.addEventListener('submit', () => { window.__photos.submitMs = performance.now(); }, true);
  const decoded = () => [...document.querySelectorAll('section.photos img')]
    .filter((img) => img.complete && img.naturalWidth > 0).length;
  const watch = () => {
    if (decoded() >= ${photos}) {
      requestAnimationFrame((time) => { window.__photos.shownMs = time; });
      return;
    }
    requestAnimationFrame(watch);
  };
  const observer = new MutationObserver(() => {
    const button = [...document.querySelectorAll('section.photos button')]
      .find((b) => b.textContent === 'Show photos' && !b.disabled);
    if (window.__photos.submitMs === undefined || !button) return;
    observer.disconnect();
    button.click();
    requestAnimationFrame(watch);
  });
  observer.observe(document.body, { childList: true, subtree: true });`;

const timing = (photos: number) => ({
  hooks: hooks(photos),
  elapsed:
    'window.__photos.shownMs === undefined ? undefined : window.__photos.shownMs - window.__photos.submitMs',
});

/** In the service worker, like the extension: the inquiry, each verification, each photo. */
async function showNaively(env: BenchEnv, id: string): Promise<number> {
  const worker = await env.worker();
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
      for (const v of related) {
        const body = await (await fetch(`${baseUrl}/verifications/${v.id}`, { headers })).json();
        const a = body.data.attributes as Record<string, unknown>;
        for (const key of [
          'front-photo-url',
          'back-photo-url',
          'center-photo-url',
          'left-photo-url',
          'right-photo-url',
        ]) {
          const url = a[key];
          if (typeof url === 'string') {
            const blob = await (await fetch(url, { cache: 'no-store' })).blob();
            await createImageBitmap(blob);
          }
        }
      }
      return performance.now() - started;
    },
    { baseUrl: env.sandbox.baseUrl, key: env.sandbox.key, id },
  );
}

function most(all: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const counts of all) {
    for (const [route, n] of Object.entries(counts)) out[route] = Math.max(out[route] ?? 0, n);
  }
  return out;
}

export async function measurePhotosShown(
  env: BenchEnv,
  options: { runs: number; latencyMs: number },
): Promise<PhotosShown> {
  await clearWatchState(await env.worker());
  // A new inquiry each run, each on its own account: the detail cache would answer at once.
  const ids = await env.controls.seed(options.runs, {
    statuses: ['needs_review'],
    referenceIdPrefix: `bench-photos-${Date.now()}-`,
  });
  const photosPerInquiry = 5; // ID front and back, selfie center, left and right (sandbox)
  const oursMs: number[] = [];
  const naiveMs: number[] = [];
  const oursCounts: Record<string, number>[] = [];
  const naiveCounts: Record<string, number>[] = [];
  const page = await env.ext.context.newPage();
  // Home each time: the toolbar's bare URL opens on the inquiry a run before it showed (app.tsx).
  const popupUrl = env.ext.extensionUrl('src/popup/index.html?home');
  await env.controls.setFaults({ latencyMs: options.latencyMs });
  try {
    for (const [i, id] of ids.entries()) {
      const { ours: o, naive: v } = await alternate(
        i,
        () => withRequests(env, () => findInPopup(page, popupUrl, id, timing(photosPerInquiry))),
        () => withRequests(env, () => showNaively(env, id)),
      );
      oursMs.push(o.ms);
      oursCounts.push(o.counts);
      naiveMs.push(v.ms);
      naiveCounts.push(v.counts);
    }
  } finally {
    await env.controls.clearFaults();
    await page.close();
  }
  const ours = median(oursMs);
  const naive = median(naiveMs);
  return {
    runs: options.runs,
    latencyMs: options.latencyMs,
    photosPerInquiry,
    oursMs: ours,
    naiveMs: naive,
    speedup: ratio(naive, ours),
    oursRequests: most(oursCounts),
    naiveRequests: most(naiveCounts),
    samples: { oursMs, naiveMs },
  };
}
