import type { ExtensionHarness } from './harness.ts';

/**
 * Lets the environment's window that a test's 429 spent run out, as the clock would: left in the
 * poll state, it would hold the next cases' cycles and requests.
 */
export async function forgetSpentWindow(ext: ExtensionHarness): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(async () => {
    const { pollState } = (await chrome.storage.local.get('pollState')) as {
      pollState?: Record<string, unknown>;
    };
    if (!pollState) return;
    const { holdUntil: _hold, rateLimit: _limit, ...rest } = pollState;
    await chrome.storage.local.set({ pollState: rest });
  });
}
