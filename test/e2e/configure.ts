import type { ExtensionHarness } from './harness.ts';
import { sandbox } from './sandbox.ts';

/** Connects the extension to the test sandbox the way the options page does (saveOptions). */
export async function connectToSandbox(
  ext: ExtensionHarness,
  settings: Record<string, unknown> = {},
): Promise<void> {
  const page = await ext.openOptions();
  const answer = await page.evaluate(
    ([key, baseUrl, extra]) =>
      chrome.runtime.sendMessage({
        type: 'saveOptions',
        key,
        settings: { baseUrl, defaultTemplateId: 'itmpl_E2eTemplate01', ...extra },
      }),
    [sandbox().key, sandbox().baseUrl, settings] as const,
  );
  await page.close();
  if (!answer?.ok) throw new Error(`saveOptions failed: ${JSON.stringify(answer)}`);
}
