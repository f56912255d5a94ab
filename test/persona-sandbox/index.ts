import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { seedInquiries } from './core/seed.ts';
import { createApp } from './http/app.ts';
import { SandboxRuntime } from './http/runtime.ts';

export interface SandboxOptions {
  /** 0 = a random free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep state in this JSON file between runs; otherwise memory only. */
  dataFile?: string;
  /** Accept only these keys; by default any `persona_sandbox_…` key works. */
  keys?: string[];
  /** Requests per minute for the environment; default 300, Persona's production default. */
  rateLimitPerMinute?: number;
  /** Inquiry creations per minute (Persona's product quota); default 1000. */
  inquiryQuotaPerMinute?: number;
  /** Demo inquiries to create at start (only when the store is empty). */
  seed?: number;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  /** origin + '/api/v1' */
  baseUrl: string;
  /** A working persona_sandbox_… key. */
  key: string;
  close(): Promise<void>;
}

/** Shaped like a real key (persona_sandbox_ + a UUID) so clients that check the format accept it. */
export const DEFAULT_SANDBOX_KEY = 'persona_sandbox_5b1f7c2e-8d4a-4e6b-9c3f-0a2d4e6f8b1c';

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const runtime = new SandboxRuntime({
    keys: options.keys,
    rateLimitPerMinute: options.rateLimitPerMinute,
    inquiryQuotaPerMinute: options.inquiryQuotaPerMinute,
    dataFile: options.dataFile,
  });
  if (options.seed && runtime.store.inquiries.size === 0) {
    seedInquiries(runtime.store, { count: options.seed }, runtime.clock.now());
  }
  const app = createApp(runtime);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  // Outlast clients' idle keep-alive (undici: the server's hint minus 1 s) so a request never
  // lands on a socket the server is closing, which clients see as ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostForUrl(host)}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    origin,
    baseUrl: `${origin}/api/v1`,
    key: options.keys?.[0] ?? DEFAULT_SANDBOX_KEY,
    close() {
      closing ??= (async () => {
        runtime.faults.clear();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await runtime.persistence?.flush();
      })();
      return closing;
    },
  };
}
