import { randomBytes } from 'node:crypto';
import { SandboxClock } from '../core/clock.ts';
import { expireDue } from '../core/expiry.ts';
import { stableId } from '../core/ids.ts';
import { StatePersistence } from '../core/persistence.ts';
import { SandboxStore } from '../core/store.ts';
import { FlowSessions } from '../pages/flow-sessions.ts';
import { FaultInjector } from './faults.ts';
import { IdempotencyCache } from './idempotency.ts';
import { DEFAULT_INQUIRY_QUOTA } from './quota.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.ts';
import { RequestLog } from './request-log.ts';

export interface RuntimeOptions {
  keys?: readonly string[];
  rateLimitPerMinute?: number;
  inquiryQuotaPerMinute?: number;
  dataFile?: string;
}

/** Everything one running sandbox holds; routes and middleware receive it explicitly. */
export class SandboxRuntime {
  readonly store = new SandboxStore();
  readonly clock = new SandboxClock();
  /** Signs session tokens and file URLs; new per process, like rotating signing keys. */
  readonly secret = randomBytes(32);
  // Stable across restarts so the extension's "connected to env_…" does not change.
  readonly environmentId = stableId('env_', 'inquiry-desk-persona-sandbox');
  readonly organizationId = stableId('org_', 'inquiry-desk-persona-sandbox-organization');
  readonly keys: readonly string[] | null;
  readonly defaultRateLimit: number;
  readonly rateLimiter: RateLimiter;
  readonly defaultInquiryQuota: number;
  /** Inquiry creations per minute (Persona's product quota), a window like the rate limit's. */
  readonly inquiryQuota: RateLimiter;
  readonly idempotency = new IdempotencyCache();
  readonly faults = new FaultInjector();
  readonly requestLog = new RequestLog();
  readonly flows = new FlowSessions();
  readonly persistence: StatePersistence | null;

  constructor(options: RuntimeOptions = {}) {
    this.keys = options.keys && options.keys.length > 0 ? [...options.keys] : null;
    this.defaultRateLimit = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT;
    this.rateLimiter = new RateLimiter(this.defaultRateLimit);
    this.defaultInquiryQuota = options.inquiryQuotaPerMinute ?? DEFAULT_INQUIRY_QUOTA;
    this.inquiryQuota = new RateLimiter(this.defaultInquiryQuota);
    this.persistence = options.dataFile ? new StatePersistence(options.dataFile, this.store) : null;
    if (this.persistence) {
      this.persistence.load();
      const persistence = this.persistence;
      this.store.onChange = () => persistence.schedule();
    }
  }

  /** The sandbox clock's now, after lazily expiring whatever has run out by then. */
  now(): number {
    const now = this.clock.now();
    expireDue(this.store, now);
    return now;
  }

  /** Back to a fresh start: no data, no faults, no log, real time, the configured limits. */
  reset(): void {
    this.store.clear();
    this.clock.reset();
    this.faults.clear();
    this.requestLog.clear();
    this.idempotency.clear();
    this.flows.clear();
    this.rateLimiter.setLimit(this.defaultRateLimit);
    this.inquiryQuota.setLimit(this.defaultInquiryQuota);
  }
}
