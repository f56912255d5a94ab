// The typed protocol between extension pages and the background. Each request is a zod schema,
// validated in the background before anything runs; `Replies` gives the answer type of each one.
import * as z from 'zod/mini';
import type { ErrorInfo } from './errors.ts';
import { isInquiryId } from './persona/links.ts';
import type { EventView, InquiryView, ReportView } from './persona/view-model.ts';
import { type Settings, settingsSchema } from './settings.ts';
import type { KeyInfo } from './storage-items.ts';

const ping = z.object({ type: z.literal('ping') });

/** Saves settings, and the key when one was typed (an absent key keeps the stored one). */
const saveOptions = z.object({
  type: z.literal('saveOptions'),
  settings: settingsSchema,
  key: z.optional(z.string().check(z.maxLength(500))),
});
const clearKey = z.object({ type: z.literal('clearKey') });
const passphrase = z.string().check(z.maxLength(500));
/** Sets (or, unlocked, changes) the passphrase that seals the key. */
const setPassphrase = z.object({ type: z.literal('setPassphrase'), passphrase });
const unlock = z.object({ type: z.literal('unlock'), passphrase });
const lock = z.object({ type: z.literal('lock') });
/** Tests the stored key, or a typed one (with a typed base URL) before it is saved. */
const testConnection = z.object({
  type: z.literal('testConnection'),
  key: z.optional(z.string().check(z.maxLength(500))),
  baseUrl: z.optional(z.string().check(z.maxLength(500))),
});

export const MAX_MARK_SEEN = 500;

const inquiryId = z.string().check(z.minLength(1), z.maxLength(100));

/** One click on "Create": the popup makes the idempotency key, so a retry never creates twice. */
const createInquiry = z.object({
  type: z.literal('createInquiry'),
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(100)),
  templateId: z.string().check(z.maxLength(100)),
  referenceId: z.optional(z.string().check(z.maxLength(200))),
  prefill: z.optional(
    z.object({
      nameFirst: z.optional(z.string().check(z.maxLength(200))),
      nameLast: z.optional(z.string().check(z.maxLength(200))),
      emailAddress: z.optional(z.string().check(z.maxLength(200))),
      phoneNumber: z.optional(z.string().check(z.maxLength(50))),
    }),
  ),
});
/** The whole picture of one inquiry in one request; `refresh` skips the session cache. */
const getInquiry = z.object({
  type: z.literal('getInquiry'),
  id: inquiryId,
  refresh: z.optional(z.boolean()),
});
/** An `inq_…` id opens that inquiry; anything else is searched as a reference id. */
const findInquiries = z.object({
  type: z.literal('findInquiries'),
  query: z.string().check(z.maxLength(300)),
});
const listInquiries = z.object({
  type: z.literal('listInquiries'),
  statuses: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10)),
  pageSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
  /** The `next` cursor of the previous page (Persona's `links.next`). */
  next: z.optional(z.string().check(z.maxLength(2000))),
});
const inquiryAction = z.object({
  type: z.literal('inquiryAction'),
  id: inquiryId,
  action: z.enum(['approve', 'decline', 'markForReview', 'expire']),
  comment: z.optional(z.string().check(z.maxLength(2000))),
});
/** A fresh one-time link; an expired inquiry is resumed first. */
const newLink = z.object({ type: z.literal('newLink'), id: inquiryId });
/**
 * One tag added or removed (`add-tag` / `remove-tag`): never the whole list, which would drop a
 * tag a workflow added meanwhile.
 */
const changeTag = z.object({
  type: z.literal('changeTag'),
  id: inquiryId,
  change: z.enum(['add', 'remove']),
  tag: z.string().check(z.minLength(1), z.maxLength(100)),
});
/** Only `inq_…` ids: the id goes into a URL path, and `..` would reach another endpoint. */
const watchedId = z.string().check(z.maxLength(100), z.refine(isInquiryId));
const watch = z.object({ type: z.literal('watch'), id: watchedId });
const unwatch = z.object({ type: z.literal('unwatch'), id: inquiryId });
/** Bounded: the popup marks at most what it shows. */
const markSeen = z.object({
  type: z.literal('markSeen'),
  ids: z.array(watchedId).check(z.maxLength(MAX_MARK_SEEN)),
});
/** For the audit trail: the reviewer revealed masked fields, or opened the photos, of an inquiry. */
const recordReveal = z.object({ type: z.literal('recordReveal'), id: watchedId });
/** The options page exported the activity log (its time is shown there). */
const auditExported = z.object({ type: z.literal('auditExported') });
/** The popup opened: poll now unless a cycle ran moments ago (debounced in the background). */
const refreshWatchlist = z.object({ type: z.literal('refreshWatchlist') });
/** "Show photos": every photo of the inquiry, downloaded by the background; logged. */
const showPhotos = z.object({ type: z.literal('showPhotos'), id: inquiryId });
/** A report with its matches, read when the reviewer opens it. */
const getReport = z.object({
  type: z.literal('getReport'),
  reportId: z.string().check(z.minLength(1), z.maxLength(100)),
});
/** The inquiry's events (`GET /events?filter[object-id]=…`). */
const listEvents = z.object({ type: z.literal('listEvents'), id: inquiryId });
/** The same account's (or else the same reference ID's) other inquiries. */
const earlierInquiries = z.object({
  type: z.literal('earlierInquiries'),
  id: inquiryId,
  accountId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  referenceId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
/** Persona's PDF of the inquiry; logged. */
const printInquiry = z.object({ type: z.literal('printInquiry'), id: inquiryId });

export const requestSchema = z.discriminatedUnion('type', [
  ping,
  saveOptions,
  clearKey,
  setPassphrase,
  unlock,
  lock,
  testConnection,
  createInquiry,
  getInquiry,
  findInquiries,
  listInquiries,
  inquiryAction,
  newLink,
  changeTag,
  watch,
  unwatch,
  markSeen,
  refreshWatchlist,
  showPhotos,
  getReport,
  listEvents,
  earlierInquiries,
  printInquiry,
  recordReveal,
  auditExported,
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface ConnectionReport {
  environment: 'sandbox' | 'production';
  baseUrl: string;
  environmentId?: string;
  organizationId?: string;
  requestId?: string;
  rateLimit?: { limit: number; remaining: number; resetSeconds?: number };
  /**
   * Whether the key's permissions could be read. `/api-keys/permissions` is not in Persona's
   * published API, so this is best effort; false means the report fell back to `/rate-limits`.
   */
  permissionsRead: boolean;
  /** Only when Persona's key-introspection endpoint answered. */
  keyName?: string;
  permissions?: string[];
  keyExpiresAt?: string;
}

/** A one-time link: single use, expires; kept in storage.session only. */
export interface OneTimeLink {
  url: string;
  shortUrl?: string;
  /** ISO time the link stops working, when known. */
  expiresAt?: string;
  createdAt: number;
}

/** One row of a list (watchlist, search results, review queue): no personal data. */
export interface InquirySummary {
  id: string;
  status: string;
  /** Persona removed its personal data (`redacted-at`): nothing about it changes any more. */
  redacted?: boolean;
  referenceId?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface InquiryReply {
  inquiry: InquiryView;
  /** When Persona answered (ms since epoch); older means a cached copy. */
  fetchedAt: number;
  /** Set when Persona could not be reached and a cached copy is shown instead. */
  stale?: ErrorInfo;
}

/** One photo as the background downloaded it: base64 (messages carry JSON), or why not. */
export interface PhotoReply {
  label: string;
  verificationId: string;
  type?: string;
  base64?: string;
  error?: ErrorInfo;
}

export interface Replies {
  ping: { version: string; startedAt: number };
  saveOptions: { settings: Settings; keyInfo: KeyInfo | null };
  clearKey: { keyInfo: null };
  setPassphrase: { locked: false };
  unlock: { locked: false };
  lock: { locked: true };
  testConnection: ConnectionReport;
  createInquiry: InquiryReply & {
    link: OneTimeLink | null;
    /**
     * Set when the first try got a 5xx answer: `adopted` when the inquiry it made was found by
     * its reference ID, `retried` when it was created again under a new Idempotency-Key.
     */
    recovery?: 'adopted' | 'retried';
  };
  getInquiry: InquiryReply;
  findInquiries:
    | ({ kind: 'inquiry' } & InquiryReply)
    | { kind: 'matches'; query: string; items: InquirySummary[] };
  listInquiries: { items: InquirySummary[]; next: string | null };
  inquiryAction: InquiryReply;
  newLink: InquiryReply & { link: OneTimeLink };
  changeTag: InquiryReply;
  watch: { watching: true };
  unwatch: { watching: false };
  markSeen: { seen: number };
  refreshWatchlist: { polled: boolean };
  showPhotos: { photos: PhotoReply[] };
  getReport: { report: ReportView };
  listEvents: { events: EventView[] };
  earlierInquiries: { items: InquirySummary[]; by: 'account' | 'reference' | 'none' };
  printInquiry: { filename: string; base64: string };
  recordReveal: { recorded: true };
  auditExported: { exportedAt: number };
}

// A request without a reply type (or the reverse) is a compile error here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const everyRequestHasAReply: Exact<RequestType, keyof Replies> = true;

export type Reply<T extends RequestType> = Replies[T];

export type Answer<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
