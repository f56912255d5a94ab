import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { SandboxEnv } from './env.ts';
import type { SandboxRuntime } from './runtime.ts';

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  /** Route pattern without the /api/v1 prefix, e.g. `GET /inquiries/:id`. */
  route: string;
  query: Record<string, string>;
  /** null when the sandbox dropped or hung the connection on purpose. */
  status: number | null;
  outcome: 'answered' | 'dropped' | 'hung';
  time: string;
  durationMs: number;
  requestId: string | null;
}

// Enough for a long load test; counts stay exact because entries are only ever appended.
const MAX_ENTRIES = 100_000;
const PREFIX = '/api/v1';

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  since(seq: number): LoggedRequest[] {
    const first = this.entries.findIndex((entry) => entry.seq > seq);
    return first === -1 ? [] : this.entries.slice(first);
  }

  lastSeq(): number {
    return this.seq;
  }

  /** Sequence numbers keep growing after a clear, so `since` cursors stay valid. */
  clear(): void {
    this.entries = [];
  }
}

export function countByRoute(entries: readonly LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.route] = (counts[entry.route] ?? 0) + 1;
  return counts;
}

function routePattern(path: string): string | null {
  // File downloads are logged too, under their own pattern, so image fetches can be counted.
  if (path.startsWith('/files/') && !path.endsWith('*')) return path;
  if (!path.startsWith(PREFIX) || path === `${PREFIX}/*`) return null;
  return path.slice(PREFIX.length) || '/';
}

/**
 * The request's route, e.g. `GET /inquiries/:id`: the handler's pattern, known as soon as the
 * request is routed, so middleware that runs before the handler can name it too. Middleware and
 * the not-found fallback have none; the path stands in for it then.
 */
export function routeOf(c: Context<SandboxEnv>): string {
  const handler = matchedRoutes(c)
    .filter((route) => route.method !== 'ALL')
    .map((route) => routePattern(route.path))
    .find((pattern) => pattern !== null);
  return `${c.req.method} ${handler ?? new URL(c.req.url).pathname.replace(PREFIX, '')}`;
}

export function logRequests(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const started = performance.now();
    const time = new Date(runtime.clock.now()).toISOString();
    try {
      await next();
    } finally {
      const url = new URL(c.req.url);
      const fault = c.get('fault');
      runtime.requestLog.add({
        method: c.req.method,
        path: url.pathname,
        route: routeOf(c),
        query: Object.fromEntries(url.searchParams),
        status: fault ? null : c.res.status,
        outcome: fault ?? 'answered',
        time,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        requestId: c.get('requestId') ?? null,
      });
    }
  };
}
