import type { MiddlewareHandler } from 'hono';
import { MINUTE } from '../core/clock.ts';
import type { SandboxEnv } from './env.ts';
import { rateLimited } from './errors.ts';
import type { SandboxRuntime } from './runtime.ts';

export const DEFAULT_RATE_LIMIT = 300;

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Persona's limit: N requests per minute per environment, counted across keys, in a window that
 * starts with the first request and resets a minute later (docs.withpersona.com/rate-limiting).
 * The window runs on the sandbox clock, so advancing the clock also opens a new window.
 */
export class RateLimiter {
  private windowStart: number | null = null;
  private used = 0;

  constructor(public perMinute: number) {}

  setLimit(perMinute: number): void {
    this.perMinute = perMinute;
    this.windowStart = null;
    this.used = 0;
  }

  private roll(now: number): void {
    if (this.windowStart === null || now >= this.windowStart + MINUTE || now < this.windowStart) {
      this.windowStart = now;
      this.used = 0;
    }
  }

  /** Counts one request; `allowed` is false once the window's budget is spent. */
  hit(now: number): RateLimitState & { allowed: boolean } {
    this.roll(now);
    const allowed = this.used < this.perMinute;
    if (allowed) this.used += 1;
    return { allowed, ...this.peek(now) };
  }

  peek(now: number): RateLimitState {
    const start = this.windowStart ?? now;
    return {
      limit: this.perMinute,
      remaining: Math.max(0, this.perMinute - this.used),
      resetSeconds: Math.max(1, Math.ceil((start + MINUTE - now) / 1000)),
    };
  }
}

export function setRateLimitHeaders(
  c: { header: (name: string, value: string) => void },
  state: RateLimitState,
): void {
  c.header('RateLimit-Limit', String(state.limit));
  c.header('RateLimit-Remaining', String(state.remaining));
  c.header('RateLimit-Reset', String(state.resetSeconds));
}

export function rateLimit(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const state = runtime.rateLimiter.hit(runtime.clock.now());
    setRateLimitHeaders(c, state);
    if (!state.allowed) throw rateLimited(state.limit);
    await next();
  };
}
