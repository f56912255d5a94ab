import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DAY } from '../core/clock.ts';
import type { SandboxEnv } from './env.ts';
import { conflict, PersonaError } from './errors.ts';
import type { SandboxRuntime } from './runtime.ts';

interface StoredAnswer {
  state: 'done';
  fingerprint: string;
  status: ContentfulStatusCode;
  body: string;
  contentType: string;
  at: number;
}
type Entry = StoredAnswer | { state: 'running'; fingerprint: string; at: number };

// Persona keeps keys at least 24 h (docs.withpersona.com/idempotence).
const RETENTION_MS = DAY;

/** Persona's documented body for a key reused with other parameters (docs.withpersona.com/idempotence). */
const idempotencyMismatch = (key: string) =>
  new PersonaError(400, [
    {
      title: 'Idempotency error',
      details: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    },
  ]);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries.map(([key, child]) => [key, canonical(child)]));
}

/** Same request means same path and same JSON body, whatever the key order or whitespace. */
function fingerprint(method: string, path: string, body: string): string {
  let normalised = body;
  try {
    normalised = JSON.stringify(canonical(JSON.parse(body)));
  } catch {
    // Not JSON: compare the raw text.
  }
  return `${method} ${path}\n${normalised}`;
}

export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  get(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.at > RETENTION_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.entries.set(key, entry);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * `Idempotency-Key` on POST (docs.withpersona.com/idempotence): the first answer, success or
 * failure, 5xx included (injected ones too), is replayed byte for byte (status and body;
 * Request-Id and rate-limit headers are fresh). The same key with another body or path is
 * refused with Persona's documented 400 "Idempotency error"; a key whose first request is still
 * running gets 409. 401 and 429 never reach this layer, so they are never stored, as on Persona.
 */
export function idempotency(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const header = c.req.header('Idempotency-Key');
    if (c.req.method !== 'POST' || !header) return next();
    const raw = await c.req.text();
    c.set('rawBody', raw);
    const key = `${c.get('apiKey')}\u0000${header}`;
    const print = fingerprint(c.req.method, new URL(c.req.url).pathname, raw);
    const now = runtime.clock.now();
    const previous = runtime.idempotency.get(key, now);
    if (previous) {
      if (previous.fingerprint !== print) {
        throw idempotencyMismatch(header);
      }
      if (previous.state === 'running') {
        throw conflict('A request with this Idempotency-Key is still being processed');
      }
      return c.body(previous.body, previous.status, { 'Content-Type': previous.contentType });
    }
    runtime.idempotency.set(key, { state: 'running', fingerprint: print, at: now });
    try {
      await next();
    } finally {
      const res = c.res;
      if (res.status === 401 || res.status === 429 || c.get('fault')) {
        runtime.idempotency.delete(key);
      } else {
        runtime.idempotency.set(key, {
          state: 'done',
          fingerprint: print,
          status: res.status as ContentfulStatusCode,
          body: await res.clone().text(),
          contentType: res.headers.get('Content-Type') ?? 'application/json',
          at: now,
        });
      }
    }
  };
}
