// One local sandbox per test file, started on a free loopback port, with its faults, data and
// request log cleared before each test, so every integration test starts from the same state.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type SandboxControls, sandboxControls } from '../persona-sandbox/controls.ts';
import { type RunningSandbox, startSandbox } from '../persona-sandbox/index.ts';

export interface SandboxFixture {
  sandbox: RunningSandbox;
  controls: SandboxControls;
}

/** Call at the top of a test file; the fields are set once `beforeAll` has run. */
export function useSandbox(): SandboxFixture {
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
  });
  return fixture;
}
