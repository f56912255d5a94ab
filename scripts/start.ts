// `npm start`: build (when sources changed), start the local Persona sandbox with demo data kept
// in a file, and open Chromium with the extension connected to it and the popup in a tab.
// Ctrl-C stops everything it started. Options: `npm start -- --help` (lib/start-options.ts).
import { existsSync } from 'node:fs';
import { findChromium } from '../test/e2e/browser-path.ts';
import { buildIfStale } from '../test/e2e/build-if-stale.ts';
import { SEED_TEMPLATE_ID } from '../test/persona-sandbox/core/seed.ts';
import { type RunningSandbox, startSandbox } from '../test/persona-sandbox/index.ts';
import { connectToSandbox, waitForWatchlist, watchNewest } from './lib/connect-demo.ts';
import { hasDisplay, noDisplayHelp } from './lib/display.ts';
import { launchExtension } from './lib/launch-extension.ts';
import { repoRoot, shownPath } from './lib/paths.ts';
import { exitOnSignals, onShutdown, shutdown } from './lib/shutdown.ts';
import { parseStartOptions, START_USAGE, type StartOptions } from './lib/start-options.ts';

/** The popup shows the newest of these; 50 is what the first-paint budget is measured with. */
const MAX_WATCHED = 50;

function readOptions(): StartOptions {
  try {
    return parseStartOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${START_USAGE}`);
    process.exit(2);
  }
}

async function openSandbox(options: StartOptions): Promise<RunningSandbox> {
  try {
    return await startSandbox({
      port: options.port,
      dataFile: options.dataFile,
      seed: options.seed,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${options.port} is in use (another npm start or npm run sandbox?). ` +
          'Stop it, or pick another port: npm start -- --port 4020',
      );
    }
    if (existsSync(options.dataFile)) {
      // Most likely a file from an older sandbox; the demo data in it is disposable.
      throw new Error(
        `the sandbox could not load ${shownPath(options.dataFile)}. ` +
          'Delete it for fresh demo data, then npm start again.',
      );
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.help) {
    console.log(START_USAGE);
    return;
  }
  exitOnSignals();
  const withWindow = !options.headless;
  const display = !withWindow || hasDisplay();

  let chromiumPath: string | undefined;
  if (display) {
    try {
      chromiumPath = findChromium();
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }

  console.log('Checking dist/ (rebuilt when sources are newer)…');
  buildIfStale();

  const sandbox = await openSandbox(options);
  onShutdown(() => sandbox.close());
  console.log(`Sandbox: ${sandbox.baseUrl} (data: ${shownPath(options.dataFile)})`);

  if (!chromiumPath) {
    console.log(`\n${noDisplayHelp(sandbox)}`);
    if (options.exitWhenReady) {
      console.log('Ready: sandbox only (no display for Chromium)');
      await shutdown(0);
    }
    return; // the sandbox's server keeps the process alive until a signal
  }

  const ext = await launchExtension({
    chromiumPath,
    extensionDir: `${repoRoot}dist`,
    headless: options.headless,
    ownSignals: true,
  });
  onShutdown(() => ext.close());
  // The reviewer closing the window ends the session like Ctrl-C does.
  ext.context.on('close', () => void shutdown(0));

  const worker = await ext.serviceWorker();
  await connectToSandbox(worker, sandbox, SEED_TEMPLATE_ID);
  const watched = await watchNewest(worker, MAX_WATCHED);

  // The persistent context opens with one blank tab; the popup takes its place.
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(ext.extensionUrl('src/popup/index.html'));
  const shown = await waitForWatchlist(page, watched.length, 20_000);
  if (watched.length === 0 || shown < watched.length) {
    throw new Error(
      `The popup shows ${shown} of ${watched.length} watched demo inquiries after 20 s. ` +
        `Delete ${shownPath(options.dataFile)} for fresh demo data, and check the console.`,
    );
  }
  console.log(`Ready: popup shows ${shown} demo inquiries`);
  if (options.exitWhenReady) await shutdown(0);

  console.log(`
  Extension  chrome-extension://${ext.extensionId}/src/popup/index.html
  Sandbox    ${sandbox.baseUrl}  key ${sandbox.key}
  Dashboard  ${sandbox.origin}/dashboard  (play the end user of an inquiry there)
  Data       ${shownPath(options.dataFile)}  (delete it for fresh demo data)

Press Ctrl+C to stop Chromium and the sandbox.`);
}

main().catch(async (error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
