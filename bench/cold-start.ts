// Service worker cold start to the first answered message: stop the worker through DevTools (as
// the e2e harness does; Chrome stops idle workers after 30 s), then time a ping from an
// extension page, which makes Chrome start the worker again to deliver it.
import type { Page } from 'playwright-core';
import { stopWorker } from '../scripts/lib/stop-worker.ts';
import type { BenchEnv } from './bench-env.ts';
import { BLANK_PAGE } from './bench-env.ts';
import { median, round1 } from './stats.ts';

export interface ColdStart {
  runs: number;
  /** Medians, ms from sendMessage to the answer. */
  coldMs: number;
  warmMs: number;
  samples: { coldMs: number[]; warmMs: number[] };
}

async function ping(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const started = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'ping' });
    if (!answer?.ok) throw new Error(`ping failed: ${JSON.stringify(answer)}`);
    return performance.now() - started;
  });
}

export async function measureColdStart(
  env: BenchEnv,
  options: { runs: number },
): Promise<ColdStart> {
  // The blank page sends nothing by itself, so only the measured ping wakes the worker.
  for (const open of env.ext.context.pages()) await open.close();
  const page = await env.ext.context.newPage();
  await page.goto(env.ext.extensionUrl(BLANK_PAGE));
  // One DevTools session for every stop: Playwright has no event for a stopped worker.
  const cdp = await env.ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const samples = { coldMs: [] as number[], warmMs: [] as number[] };
  try {
    await ping(page);
    for (let run = 0; run < options.runs; run++) {
      samples.warmMs.push(round1(await ping(page)));
      await stopWorker(cdp, env.ext.extensionUrl(''));
      samples.coldMs.push(round1(await ping(page)));
    }
  } finally {
    await cdp.detach();
    await page.close();
  }
  return {
    runs: options.runs,
    coldMs: median(samples.coldMs),
    warmMs: median(samples.warmMs),
    samples,
  };
}
