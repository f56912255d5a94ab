// Ctrl-C (SIGINT), SIGTERM and a closed browser window all end `npm start` the same way: undo
// what was started, newest first, then exit. A second Ctrl-C exits at once.

type Undo = () => Promise<unknown>;

const undos: Undo[] = [];
let stopping: Promise<never> | undefined;

/** Registers something to stop on exit (Chromium, the sandbox). */
export function onShutdown(undo: Undo): void {
  undos.push(undo);
}

export function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    for (const undo of undos.reverse()) {
      // One stuck step must not keep the others (or the exit) from happening.
      await Promise.race([undo().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
    }
    process.exit(code);
  })();
  return stopping;
}

export function exitOnSignals(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    console.log(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping Chromium and the sandbox…`);
    void shutdown(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}
