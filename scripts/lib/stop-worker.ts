// Stops the extension's service worker through DevTools and resolves once it reports stopped.
// Playwright has no event for a stopped worker (docs/architecture.md#testing); used by the e2e
// harness and the bench's cold-start figure. `cdp` must come from an extension page with
// ServiceWorker enabled.
import type { CDPSession } from 'playwright-core';

interface VersionsUpdate {
  versions: { scriptURL: string; runningStatus: string }[];
}

export async function stopWorker(cdp: CDPSession, scope: string): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    const onUpdate = ({ versions }: VersionsUpdate) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith(scope));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
        resolve();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
