// Inquiry views and a stubbed background for popup tests.
import { cleanup } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, vi } from 'vitest';
import { DeskError, type ErrorInfo } from '../../../src/shared/errors.ts';
import type {
  InquiryReply,
  Reply,
  Request,
  RequestOf,
  RequestType,
} from '../../../src/shared/messages.ts';
import type { InquiryView, ReportView } from '../../../src/shared/persona/view-model.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { NEWS_DELAY_MS } from '../../../src/ui/components/announce.tsx';

// Testing Library unmounts by itself only when test globals are on; they are off here. And
// `restoreMocks` leaves a vi.fn()'s recorded calls alone, so each test starts from a clean stub.
// The desk shows an inquiry only while a key is saved (desk-shell.tsx); tests start with one.
beforeEach(async () => {
  await fakeBrowser.storage.local.set({
    keyInfo: { masked: 'persona_sandbox_…1a2b', environment: 'sandbox', savedAt: 1 },
  });
});

afterEach(() => {
  cleanup();
  vi.mocked(sendRequest).mockReset();
  vi.useRealTimers();
});

/**
 * Fakes the clock's timeouts and Date, still running on by itself: a test skips a wait (the
 * hold's 3 s, the second news waits) with vi.advanceTimersByTimeAsync, and testing-library's own
 * waits still end. Real again after each test (above).
 */
export function runningFakeClock(): void {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** Past the second news waits before it is said (announce.tsx), with as much to spare. */
export const passNewsDelay = () => vi.advanceTimersByTimeAsync(2 * NEWS_DELAY_MS);

/** A watchlist report Persona says matched: a sanctions hit, as the detail lists it. */
export const watchlistMatch: ReportView = {
  id: 'rep_Watch0000001',
  type: 'report/watchlist',
  status: 'ready',
  hasMatch: true,
  loaded: true,
};

export function inquiryView(status: string, extra: Partial<InquiryView> = {}): InquiryView {
  return {
    id: 'inq_TestInquiry0001',
    status,
    referenceId: 'customer-42',
    templateId: 'itmpl_Template01',
    tags: [],
    timestamps: { createdAt: '2025-06-01T10:00:00.000Z' },
    redacted: false,
    verifications: [],
    reports: [],
    fields: [],
    ...extra,
  };
}

export function inquiryReply(status: string, extra: Partial<InquiryView> = {}): InquiryReply {
  return { inquiry: inquiryView(status, extra), fetchedAt: Date.now() };
}

type Handler = {
  [T in RequestType]?: (request: RequestOf<T>) => Reply<T> | ErrorInfo | Promise<Reply<T>>;
};

/**
 * Makes the mocked `sendRequest` answer like the background would: a handler's value is the reply
 * (or its promise, for one that comes later), an {@link ErrorInfo} (has `kind`) is thrown as a
 * DeskError, a missing handler never answers.
 */
export function stubBackground(handlers: Handler) {
  const mock = vi.mocked(sendRequest);
  mock.mockImplementation(((request: { type: RequestType }) => {
    const handler = handlers[request.type] as ((r: unknown) => unknown) | undefined;
    if (!handler) return new Promise(() => {});
    const result = handler(request);
    if (result && typeof result === 'object' && 'kind' in result && 'message' in result) {
      return Promise.reject(new DeskError(result as ErrorInfo));
    }
    return Promise.resolve(result);
  }) as typeof sendRequest);
  return mock;
}

/** The requests of one type sent so far. */
export function sent<T extends RequestType>(type: T): RequestOf<T>[] {
  return vi
    .mocked(sendRequest)
    .mock.calls.map(([request]) => request as Request)
    .filter((request) => request.type === type) as RequestOf<T>[];
}

const REVIEWER = 'persona_sandbox_…1a2b';

/**
 * The reviewer's decisions the background is sending, as its marks in storage say (background
 * audit/pending.ts), each sent at `at`.
 */
export async function decisionsOnTheirWay(
  decisions: { action: 'approve' | 'decline'; inquiryId: string | undefined }[],
  at: number,
): Promise<void> {
  const mark = { reviewer: REVIEWER, outcome: 'error', errorKind: 'interrupted' };
  await fakeBrowser.storage.local.set({
    auditPending: Object.fromEntries(
      decisions.map((decision, n) => [`life-1 ${n + 1}`, { ...mark, at, ...decision }]),
    ),
  });
}

/**
 * Their answers, as the background gives them: each logged in the audit trail, then the marks
 * gone. `outcome`: the entry's, `{ outcome: 'ok' }` for a decision made.
 */
export async function decisionsAnswered(
  answers: { action: 'approve' | 'decline'; inquiryId: string | undefined; outcome: object }[],
  sentAt: number,
): Promise<void> {
  await fakeBrowser.storage.local.set({
    auditTrail: {
      entries: answers.map(({ action, inquiryId, outcome }, n) => ({
        seq: n + 1,
        at: sentAt + 10,
        reviewer: REVIEWER,
        action,
        inquiryId,
        ...outcome,
        prevHash: '0'.repeat(64),
        hash: String(n + 1).repeat(64),
      })),
    },
  });
  await fakeBrowser.storage.local.set({ auditPending: {} });
}
