import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './env.ts';
import { injectedError, rateLimited } from './errors.ts';
import { setRateLimitHeaders } from './rate-limit.ts';
import type { SandboxRuntime } from './runtime.ts';

export interface FaultSettings {
  latencyMs: number;
  /** Share (0–1) of requests answered with one of `errorStatuses`. */
  errorRate: number;
  errorStatuses: number[];
  next429: number;
  dropNext: number;
  hangNext: number;
}

const NONE: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  errorStatuses: [500, 502, 503, 504],
  next429: 0,
  dropNext: 0,
  hangNext: 0,
};

/** Injected trouble for /api/v1 only: latency, dropped or hung connections, error statuses, 429s. */
export class FaultInjector {
  settings: FaultSettings = { ...NONE };
  private readonly hung = new Set<() => void>();

  update(changes: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...changes };
    return this.settings;
  }

  /** Clears every fault and lets go of hung connections (they are closed, never answered). */
  clear(): FaultSettings {
    this.settings = { ...NONE };
    for (const release of this.hung) release();
    this.hung.clear();
    return this.settings;
  }

  hold(release: () => void): () => void {
    this.hung.add(release);
    return () => this.hung.delete(release);
  }
}

function take(runtime: SandboxRuntime, key: 'next429' | 'dropNext' | 'hangNext'): boolean {
  const settings = runtime.faults.settings;
  if (settings[key] <= 0) return false;
  settings[key] -= 1;
  return true;
}

/** Before authentication: what a network or load balancer does to a request. */
export function networkFaults(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const { latencyMs } = runtime.faults.settings;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const socket = c.env.incoming.socket;
    if (take(runtime, 'dropNext')) {
      c.set('fault', 'dropped');
      socket.destroy();
      return c.body(null, 500);
    }
    if (take(runtime, 'hangNext')) {
      c.set('fault', 'hung');
      await new Promise<void>((resolve) => {
        const forget = runtime.faults.hold(resolve);
        socket.once('close', () => {
          forget();
          resolve();
        });
      });
      socket.destroy();
      return c.body(null, 500);
    }
    await next();
  };
}

/** After authentication, so injected errors carry the usual Persona headers. */
export function injectedErrors(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (take(runtime, 'next429')) {
      const state = runtime.rateLimiter.peek(runtime.clock.now());
      setRateLimitHeaders(c, { ...state, remaining: 0 });
      throw rateLimited(state.limit);
    }
    const { errorRate, errorStatuses } = runtime.faults.settings;
    if (errorRate > 0 && errorStatuses.length > 0 && Math.random() < errorRate) {
      const status = errorStatuses[Math.floor(Math.random() * errorStatuses.length)] ?? 500;
      throw injectedError(status);
    }
    await next();
  };
}
