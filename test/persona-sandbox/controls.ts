// Typed client for the sandbox's /__sandbox test controls, for unit, integration and e2e tests.
import type { NetworkProfile } from './core/session-network.ts';
import type { FinishOutcome, InquiryStatus } from './core/types.ts';
import type { FaultSettings, HeldRequest } from './http/faults.ts';
import type { LoggedRequest } from './http/request-log.ts';

export type {
  FaultSettings,
  FinishOutcome,
  HeldRequest,
  InquiryStatus,
  LoggedRequest,
  NetworkProfile,
};

export interface SeedOptions {
  /** Statuses to cycle through; default all eight. */
  statuses?: InquiryStatus[];
  /** Reference ids become `<prefix><n>`; default `demo-`. */
  referenceIdPrefix?: string;
  /** One reference id for all of them (a customer who tried many times), instead of a prefix. */
  referenceId?: string;
  /** Every seeded session on this network; by default they cycle through all five. */
  network?: NetworkProfile;
  /** All seeded inquiries on one account; by default three inquiries to an account. */
  accountReferenceId?: string;
}

export interface RequestLogPage {
  requests: LoggedRequest[];
  /** Requests per route pattern (e.g. `GET /inquiries/:id`) among `requests`. */
  counts: Record<string, number>;
  /** Pass to `requests(since)` later to see only what came after. */
  lastSeq: number;
}

export interface ClockState {
  now: string;
  offsetSeconds: number;
}

export interface SandboxControls {
  reset(): Promise<void>;
  seed(count: number, options?: SeedOptions): Promise<string[]>;
  requests(since?: number): Promise<RequestLogPage>;
  clearRequests(): Promise<void>;
  clock(): Promise<ClockState>;
  advanceClock(seconds: number): Promise<ClockState>;
  setClock(now: Date | string): Promise<ClockState>;
  setFaults(faults: Partial<FaultSettings>): Promise<FaultSettings>;
  clearFaults(): Promise<void>;
  /** How many requests the latency holds now (on their way, not answered yet). */
  heldRequests(): Promise<number>;
  /**
   * What the latency holds now (route, path and query of each), in the order they came: a test
   * waits for its own requests, which a count of every held request cannot tell apart from a poll.
   */
  heldRequestList(): Promise<HeldRequest[]>;
  /**
   * Lets the held requests go on at once and slows no more, keeping the other faults: a held
   * request then still meets its `errorNext`, which `clearFaults` would have reset.
   */
  releaseSlowed(): Promise<void>;
  setRateLimit(perMinute: number): Promise<void>;
  /** Inquiry creations per minute (Persona's product quota); starts a new window. */
  setInquiryQuota(perMinute: number): Promise<void>;
  /** Same effect as the hosted flow's "Finish as …" buttons. */
  finish(inquiryId: string, outcome: FinishOutcome): Promise<void>;
  /**
   * An answer Persona's spec does not promise: attributes written over the inquiry's or a
   * verification's own, and a verification's type. Keys in any casing (sent as kebab).
   */
  override(inquiryId: string, changes: InquiryOverride): Promise<void>;
}

export interface InquiryOverride {
  attributes?: Record<string, unknown>;
  verifications?: { id: string; type?: string; attributes?: Record<string, unknown> }[];
}

export function sandboxControls(origin: string, fetchImpl: typeof fetch = fetch): SandboxControls {
  const base = `${origin.replace(/\/+$/, '')}/__sandbox`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetchImpl(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`sandbox control ${method} ${path} failed: ${response.status} ${text}`);
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
  return {
    reset: () => call<void>('POST', '/reset').then(() => undefined),
    seed: (count, options = {}) =>
      call<{ ids: string[] }>('POST', '/seed', { count, ...options }).then((r) => r.ids),
    requests: (since) => call<RequestLogPage>('GET', `/requests${since ? `?since=${since}` : ''}`),
    clearRequests: () => call<void>('DELETE', '/requests').then(() => undefined),
    clock: () => call<ClockState>('GET', '/clock'),
    advanceClock: (seconds) => call<ClockState>('POST', '/clock', { advanceSeconds: seconds }),
    setClock: (now) =>
      call<ClockState>('POST', '/clock', { now: now instanceof Date ? now.toISOString() : now }),
    setFaults: (faults) => call<FaultSettings>('POST', '/faults', faults),
    clearFaults: () => call<void>('DELETE', '/faults').then(() => undefined),
    heldRequests: () => call<{ held: number }>('GET', '/faults/held').then((r) => r.held),
    heldRequestList: () =>
      call<{ requests: HeldRequest[] }>('GET', '/faults/held').then((r) => r.requests),
    releaseSlowed: () => call<void>('POST', '/faults/release').then(() => undefined),
    setRateLimit: (perMinute) =>
      call<void>('POST', '/rate-limit', { perMinute }).then(() => undefined),
    setInquiryQuota: (perMinute) =>
      call<void>('POST', '/quota', { perMinute }).then(() => undefined),
    finish: (inquiryId, outcome) =>
      call<void>('POST', `/inquiries/${encodeURIComponent(inquiryId)}/finish`, { outcome }).then(
        () => undefined,
      ),
    override: (inquiryId, changes) =>
      call<void>('POST', `/inquiries/${encodeURIComponent(inquiryId)}/override`, changes).then(
        () => undefined,
      ),
  };
}
