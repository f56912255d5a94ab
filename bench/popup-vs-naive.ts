// What the lookup and photo figures share: "Find inquiry" typed into the popup and timed by a
// page-side hook, the sandbox's request log around one run, and runs of the two ways alternated.
import type { Page } from 'playwright-core';
import type { LoggedRequest } from '../test/persona-sandbox/controls.ts';
import type { BenchEnv } from './bench-env.ts';
import { pollPage } from './page-poll.ts';
import { round1 } from './stats.ts';

/**
 * Opens the popup at `url`, installs `hooks` (plain JavaScript that times the view), looks up `id`
 * and waits for `elapsed` (an expression: the hook's ms from submit to shown, undefined before).
 */
export async function findInPopup(
  page: Page,
  url: string,
  id: string,
  timing: { hooks: string; elapsed: string },
): Promise<number> {
  await page.goto(url);
  const search = page.getByRole('searchbox', { name: 'Find inquiry' });
  await search.fill(id); // waits until the popup has loaded its draft and enabled the box
  await page.evaluate(timing.hooks);
  await search.press('Enter');
  return pollPage<number>(page, timing.elapsed, 20_000);
}

/** `run`'s time, and the requests the sandbox logged for it (0.3 s after it ended). */
export async function withRequests(
  env: BenchEnv,
  run: () => Promise<number>,
): Promise<{ ms: number; requests: LoggedRequest[]; counts: Record<string, number> }> {
  const { lastSeq } = await env.controls.requests();
  const ms = await run();
  // Requests still in flight (a refresh after render) land in the log when they finish.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { requests, counts } = await env.controls.requests(lastSeq);
  return { ms: round1(ms), requests, counts };
}

/** Both ways, the first going first on even runs: neither always meets a warmer browser. */
export async function alternate<T>(
  run: number,
  ours: () => Promise<T>,
  naive: () => Promise<T>,
): Promise<{ ours: T; naive: T }> {
  if (run % 2 === 0) {
    const o = await ours();
    return { ours: o, naive: await naive() };
  }
  const v = await naive();
  return { ours: await ours(), naive: v };
}
