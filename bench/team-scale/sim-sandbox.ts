// The sandbox for the team-scale simulation: the same app, routes and rate limiter as
// `startSandbox`, served over loopback HTTP, but built here so the simulation owns its clock. The
// sandbox clock (core/clock.ts) normally keeps ticking in real time from wherever a test moved it;
// here it reads the simulated time and stands still between events, so an hour of team polling
// runs in seconds and a request's own few milliseconds never move the rate-limit window.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type SandboxControls, sandboxControls } from '../../test/persona-sandbox/controls.ts';
import { createApp } from '../../test/persona-sandbox/http/app.ts';
import { SandboxRuntime } from '../../test/persona-sandbox/http/runtime.ts';

export interface SimSandbox {
  baseUrl: string;
  controls: SandboxControls;
  /** The sandbox's "now" (ms since the epoch) until the next call. */
  setNow(epochMs: number): void;
  /**
   * One request of the customer's backend, counted by the sandbox's rate limiter (the one its
   * HTTP middleware consults) without the HTTP round trip, which would triple the run's time;
   * false where Persona would answer 429.
   */
  backendRequest(): boolean;
  close(): Promise<void>;
}

export async function startSimSandbox(rateLimitPerMinute: number, startMs: number) {
  const runtime = new SandboxRuntime({ rateLimitPerMinute });
  let now = startMs;
  runtime.clock.now = () => now;
  const server = createAdaptorServer({ fetch: createApp(runtime).fetch, hostname: '127.0.0.1' });
  const http = server as Server;
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sandbox: SimSandbox = {
    baseUrl: `${origin}/api/v1`,
    controls: sandboxControls(origin),
    setNow(epochMs) {
      now = epochMs;
    },
    backendRequest: () => runtime.rateLimiter.hit(now).allowed,
    async close() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
  return sandbox;
}
