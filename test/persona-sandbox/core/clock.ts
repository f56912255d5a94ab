/**
 * The sandbox's notion of "now": real time plus an offset that tests move, so expiry, rate-limit
 * windows and link lifetimes can be exercised without waiting.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  set(epochMs: number): void {
    this.offsetMs = epochMs - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }

  describe(): { now: string; offsetSeconds: number } {
    return {
      now: new Date(this.now()).toISOString(),
      offsetSeconds: Math.round(this.offsetMs) / 1000,
    };
  }
}

export function iso(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}

export function isoRequired(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
