// One local sandbox per test file, started on a free loopback port, with its faults, data and
// request log cleared before each test, so every integration test starts from the same state.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { saveOptions } from '../../src/background/handlers/options.ts';
import { defaultSettings } from '../../src/shared/settings.ts';
import { type SandboxControls, sandboxControls } from '../persona-sandbox/controls.ts';
import { type RunningSandbox, startSandbox } from '../persona-sandbox/index.ts';

export interface SandboxFixture {
  sandbox: RunningSandbox;
  controls: SandboxControls;
}

/**
 * Call at the top of a test file; the fields are set once `beforeAll` has run. `connectDesk`: the
 * background's settings hold the sandbox's key and base URL before each test, as after Save.
 */
export function useSandbox(options: { connectDesk?: boolean } = {}): SandboxFixture {
  const fixture = {} as SandboxFixture;
  beforeAll(async () => {
    fixture.sandbox = await startSandbox({ port: 0 });
    fixture.controls = sandboxControls(fixture.sandbox.origin);
  });
  afterAll(async () => {
    await fixture.sandbox?.close();
  });
  beforeEach(async () => {
    await fixture.controls.clearFaults();
    await fixture.controls.reset();
    await fixture.controls.clearRequests();
    if (!options.connectDesk) return;
    await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), baseUrl: fixture.sandbox.baseUrl },
      key: fixture.sandbox.key,
    });
  });
  return fixture;
}
