import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './env.ts';
import { injectedError, rateLimited } from './errors.ts';
import { setRateLimitHeaders } from './rate-limit.ts';
import { routeOf } from './request-log.ts';
import type { SandboxRuntime } from './runtime.ts';

/**
 * When an injected error status happens: `before` the request runs (nothing changes, as when a
 * load balancer fails), or `after` it ran (a create made its inquiry, an approve decided) with
 * the error replacing the real answer. Persona says to "treat the result of a server error as
 * indeterminate" (docs.withpersona.com/errors), so both can happen there.
 */
export type ErrorTiming = 'before' | 'after';

export interface FaultSettings {
  latencyMs: number;
  /** Limits `latencyMs` to one route, e.g. `POST /inquiries`: a slow create beside quick reads. */
  latencyRoute: string | null;
  /** Share (0–1) of requests answered with one of `errorStatuses`. */
  errorRate: number;
  /** The next N requests (of `errorRoute`, if set) are answered with one of `errorStatuses`. */
  errorNext: number;
  errorStatuses: number[];
  errorTiming: ErrorTiming;
  /** Limits `errorRate` and `errorNext` to one route, e.g. `POST /inquiries` or `POST /inquiries/:id/approve`. */
  errorRoute: string | null;
  next429: number;
  /**
   * Limits `next429` to one route, as `errorRoute` does `errorNext`: a test's 429 for its own
   * request, not for a poll or a read of the page's that comes first.
   */
  next429Route: string | null;
  /** The next N `POST /inquiries` get the quota's 429 "Quota exceeded" (see quota.ts). */
  nextQuota429: number;
  dropNext: number;
  hangNext: number;
}

const NONE: FaultSettings = {
  latencyMs: 0,
  latencyRoute: null,
  errorRate: 0,
  errorNext: 0,
  errorStatuses: [500, 502, 503, 504],
  errorTiming: 'before',
  errorRoute: null,
  next429: 0,
  next429Route: null,
  nextQuota429: 0,
  dropNext: 0,
  hangNext: 0,
};

/**
 * A request the latency holds, named as the request log names it: a test waits for its own
 * requests to be held, not for a count that a poll or a straggler from an earlier step could make.
 */
export interface HeldRequest {
  method: string;
  /** Route pattern without the /api/v1 prefix, e.g. `GET /inquiries/:id`. */
  route: string;
  path: string;
  query: Record<string, string>;
}

/** `METHOD /path` with `:name` segments, relative to /api/v1. */
export const ROUTE_PATTERN = /^(GET|POST|PATCH|DELETE) \/[^\s?]*$/;

function routeMatches(route: string | null, method: string, path: string): boolean {
  if (route === null) return true;
  const [wantedMethod, wantedPath = ''] = route.split(' ');
  if (wantedMethod !== method) return false;
  const wanted = wantedPath.split('/');
  const actual = path.replace(/^\/api\/v1/, '').split('/');
  return (
    wanted.length === actual.length &&
    wanted.every((segment, i) => segment.startsWith(':') || segment === actual[i])
  );
}

/** Injected trouble for /api/v1 only: latency, dropped or hung connections, error statuses, 429s. */
export class FaultInjector {
  settings: FaultSettings = { ...NONE };
  private readonly hung = new Set<() => void>();
  /** Each slowed request's way on, with what the request is. */
  private readonly slowed = new Map<() => void, HeldRequest>();

  update(changes: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...changes };
    return this.settings;
  }

  /**
   * Clears every fault and lets go of hung connections (they are closed, never answered) and of
   * slowed requests (they go on at once, and are answered): a test holds a request for as long as
   * its steps take, however slow the machine, rather than for a guess at it.
   */
  clear(): FaultSettings {
    this.settings = { ...NONE };
    for (const release of this.hung) release();
    this.hung.clear();
    for (const go of [...this.slowed.keys()]) go();
    return this.settings;
  }

  /**
   * Lets slowed requests go on at once, as `clear` does, but keeps every other fault: a request
   * held while a test looked at it still meets the `errorNext` set for it. Later requests are not
   * slowed (`latencyMs` becomes 0). Returns how many were let go.
   */
  releaseSlowed(): number {
    this.settings = { ...this.settings, latencyMs: 0 };
    const slowed = [...this.slowed.keys()];
    for (const go of slowed) go();
    return slowed.length;
  }

  /** How many requests the latency holds now: a test waits for its requests to be out. */
  get held(): number {
    return this.slowed.size;
  }

  /** The requests the latency holds now, in the order they came. */
  get heldRequests(): HeldRequest[] {
    return [...this.slowed.values()];
  }

  /**
   * The latency: `ms`, or until the faults are cleared or the slowed requests released.
   * `request` says what is held, for `heldRequests`.
   */
  slow(ms: number, request: HeldRequest): Promise<void> {
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        this.slowed.delete(go);
        resolve();
      };
      const timer = setTimeout(go, ms);
      this.slowed.set(go, request);
    });
  }

  hold(release: () => void): () => void {
    this.hung.add(release);
    return () => this.hung.delete(release);
  }
}

function take(
  runtime: SandboxRuntime,
  key: 'next429' | 'dropNext' | 'hangNext' | 'errorNext',
): boolean {
  const settings = runtime.faults.settings;
  if (settings[key] <= 0) return false;
  settings[key] -= 1;
  return true;
}

/** Before authentication: what a network or load balancer does to a request. */
export function networkFaults(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const { latencyMs, latencyRoute } = runtime.faults.settings;
    const slowed = routeMatches(latencyRoute, c.req.method, new URL(c.req.url).pathname);
    if (latencyMs > 0 && slowed) {
      const url = new URL(c.req.url);
      await runtime.faults.slow(latencyMs, {
        method: c.req.method,
        route: routeOf(c),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
      });
    }
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

/** After authentication and the rate limit, before idempotency: a 429 is never stored for replay. */
export function injected429(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const { next429Route } = runtime.faults.settings;
    const matches = routeMatches(next429Route, c.req.method, new URL(c.req.url).pathname);
    if (matches && take(runtime, 'next429')) {
      const state = runtime.rateLimiter.peek(runtime.clock.now());
      setRateLimitHeaders(c, { ...state, remaining: 0 });
      throw rateLimited(state.limit);
    }
    await next();
  };
}

/**
 * Injected error statuses, inside the idempotency layer: like Persona's own 5xx answers, they
 * are stored under the request's Idempotency-Key and replayed (docs.withpersona.com/idempotence).
 * They carry the usual Persona headers because authentication has already run.
 */
export function injectedErrors(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const { errorRate, errorStatuses, errorRoute, errorTiming } = runtime.faults.settings;
    const matches = routeMatches(errorRoute, c.req.method, new URL(c.req.url).pathname);
    const hit =
      matches &&
      errorStatuses.length > 0 &&
      (take(runtime, 'errorNext') || (errorRate > 0 && Math.random() < errorRate));
    if (!hit) return next();
    const status = errorStatuses[Math.floor(Math.random() * errorStatuses.length)] ?? 500;
    if (errorTiming === 'after') await next();
    throw injectedError(status);
  };
}
