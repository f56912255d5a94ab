// The serialisable error every message answer carries. Kinds from Persona's HTTP errors plus the
// extension's own failures; pages map a kind to what the reviewer should do next.
import { type MessageKey, t } from './i18n.ts';

export const errorKinds = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid',
  'rate_limited',
  /** A product quota (e.g. inquiries created per minute) is used up; not the rate limit. */
  'quota_exceeded',
  'server',
  'network',
  'timeout',
  'bad_response',
  'no_key',
  'refused',
  'bad_request',
  'internal',
  'startup_failed',
  /** A page's request got no answer: the background was stopped (or reloaded) meanwhile. */
  'disconnected',
] as const;

export type ErrorKind = (typeof errorKinds)[number];

export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
  /** Persona's `Request-Id` header, for support tickets. */
  requestId?: string;
  /** Persona's `source.pointer` on a 422, e.g. `/data/attributes/inquiry-template-id`. */
  pointer?: string;
  /** HTTP status when the error came from Persona. */
  status?: number;
  /** Persona's own `errors[0].title`, e.g. "Record not found". */
  title?: string;
  /** Persona's own `errors[0].details` (or JSON:API `detail`). */
  details?: string;
  /** On a 429: seconds until Persona's rate-limit window (or quota: `Quota-Reset`) resets. */
  retryAfterSeconds?: number;
  /**
   * Set by the page that ran the request (use-request.ts): how many runs of it in a row have
   * failed, so a second failure does not read as the first one still on screen.
   */
  tries?: number;
}

/** An error that carries an {@link ErrorInfo}; thrown by handlers and by `sendRequest`. */
export class DeskError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'DeskError';
    this.info = info;
  }
}

/**
 * A DeskError of `kind` saying the catalogue's `key` (its placeholders filled with `subs`). One
 * call instead of the object spelled out at each of some twenty-five throws: in the worker's
 * minified script every spelled-out `new DeskError({ kind, message: t(…) })` costs its bytes.
 */
export function deskError(
  kind: ErrorKind,
  key: MessageKey,
  ...subs: (string | number)[]
): DeskError {
  return new DeskError({ kind, message: t(key, ...subs) });
}

/**
 * What a log may say of an error: a DeskError's kind or an Error's name, never its message, which
 * may quote stored data (a pending create's form, or the key itself).
 */
export function errorLabel(error: unknown): string {
  if (error instanceof DeskError) return error.info.kind;
  return error instanceof Error ? error.name : 'unknown';
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof DeskError) return error.info;
  // Unknown failures are reported without their message: it may quote a request that held the key.
  return { kind: 'internal', message: t('errorInternal') };
}
