// Each end-to-end file talks to a sandbox of its own, started before its first test by
// setup-sandbox.ts: files run three at a time (vitest.e2e.config.ts), and a sandbox's faults,
// clock, rate limit and request log belong to the whole server, so one file's 429 storm or request
// count must not reach another's.
import { randomUUID } from 'node:crypto';
import { READ_ONLY_KEY_PREFIX } from '../persona-sandbox/http/auth.ts';
import { type RunningSandbox, startSandbox } from '../persona-sandbox/index.ts';

export interface FileSandbox {
  origin: string;
  baseUrl: string;
  /** The key this sandbox accepts with every permission: other sandbox keys get a 401. */
  key: string;
  /** A key it accepts with read permissions only (the sandbox's `readonly_` prefix). */
  readOnlyKey: string;
}

let running: { server: RunningSandbox; keys: FileSandbox } | null = null;

export async function startFileSandbox(): Promise<void> {
  const key = `persona_sandbox_${randomUUID()}`;
  const readOnlyKey = `${READ_ONLY_KEY_PREFIX}${randomUUID()}`;
  const server = await startSandbox({ port: 0, keys: [key, readOnlyKey] });
  running = {
    server,
    keys: { origin: server.origin, baseUrl: server.baseUrl, key, readOnlyKey },
  };
}

export async function stopFileSandbox(): Promise<void> {
  await running?.server.close();
  running = null;
}

/** This file's sandbox: read at a module's top level, after setup-sandbox.ts has started it. */
export function sandbox(): FileSandbox {
  if (!running) throw new Error('No sandbox: test/e2e/setup-sandbox.ts starts one for each file');
  return running.keys;
}
