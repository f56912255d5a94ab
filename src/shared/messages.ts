// The typed protocol between extension pages and the background, one entry per request in
// `requests` below: the fields it carries (a zod shape, validated in the background before any
// handler runs) and the type of its reply. The union of requests, `RequestOf`, `Reply`,
// `parseRequest` and the background's handler table (`Handlers`) are all derived from that one
// list, so a new request is one entry here and one handler in src/background/handlers/.
// Each shape is written as a function and built when a request of its type first comes. The
// background does not parse with these: it parses with checks generated from them (`npm run
// gen:checks`, src/shared/generated/request-checks.ts), and loads no zod.
import * as z from 'zod/mini';
import type { ErrorInfo } from './errors.ts';
import { lazy } from './lazy.ts';
import { perPrefillField } from './per-prefill-field.ts';
import { isInquiryId } from './persona/inquiry-id.ts';
import type { EventView, InquiryView, ReportView } from './persona/view-model.ts';
import { prefillFields } from './prefill.ts';
import { type Settings, settingsSchema } from './settings.ts';
import { MAX_REFERENCE_ID, MAX_TEMPLATE_ID } from './settings-values.ts';
import type { KeyInfo } from './storage-items.ts';

/**
 * One request: its fields besides `type` (a function building the zod shape) and, as a type only,
 * what it answers.
 */
interface RequestDefinition<Shape extends z.core.$ZodLooseShape, R> {
  shape: () => Shape;
  /** Never set: carries the reply type. */
  reply?: R;
}

/** `answers<Reply>()(() => ({ ...fields }))`: the reply type is named, the fields' inferred. */
function answers<R>() {
  return <Shape extends z.core.$ZodLooseShape = Record<never, never>>(
    shape?: () => Shape,
  ): RequestDefinition<Shape, R> => ({ shape: shape ?? (() => ({}) as Shape) });
}

// Built on first use (lazy.ts), like the shapes.
const passphrase = lazy(() => z.string().check(z.maxLength(500)));
const inquiryId = lazy(() => z.string().check(z.minLength(1), z.maxLength(100)));
/** Only `inq_…` ids: the id goes into a URL path, and `..` would reach another endpoint. */
const watchedId = lazy(() => z.string().check(z.maxLength(100), z.refine(isInquiryId)));

export const MAX_MARK_SEEN = 500;
/** What a reviewer can decide on an inquiry from the desk. */
export const inquiryActions = ['approve', 'decline', 'markForReview'] as const;

export const requests = {
  ping: answers<{ version: string; startedAt: number }>()(),
  /** Saves settings, and the key when one was typed (an absent key keeps the stored one). */
  saveOptions: answers<{ settings: Settings; keyInfo: KeyInfo | null }>()(() => ({
    settings: settingsSchema(),
    key: z.optional(z.string().check(z.maxLength(500))),
  })),
  clearKey: answers<{ keyInfo: null }>()(),
  /** Sets or changes the passphrase that seals the key; a change gives the `current` one. */
  setPassphrase: answers<{ locked: false }>()(() => ({
    passphrase: passphrase(),
    current: z.optional(passphrase()),
  })),
  unlock: answers<{ locked: false }>()(() => ({ passphrase: passphrase() })),
  lock: answers<{ locked: true }>()(),
  /**
   * Tests the stored key, or a typed one (with the typed base URL and the ticked "Allow
   * production keys") before it is saved.
   */
  testConnection: answers<ConnectionReport>()(() => ({
    key: z.optional(z.string().check(z.maxLength(500))),
    baseUrl: z.optional(z.string().check(z.maxLength(500))),
    allowProduction: z.optional(z.boolean()),
  })),
  /** One click on "Create": the popup makes the idempotency key, so a retry never creates twice. */
  createInquiry: answers<
    InquiryReply & {
      link: OneTimeLink | null;
      /**
       * Set when the first try got a 5xx answer: `adopted` when the inquiry it made was found by
       * its reference ID, `retried` when it was created again under a new Idempotency-Key.
       */
      recovery?: 'adopted' | 'retried';
      /** Made, but not watched: the watchlist is full (watchlist-logic.ts). */
      unwatched?: true;
    }
  >()(() => ({
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(100)),
    templateId: z.string().check(z.maxLength(MAX_TEMPLATE_ID)),
    referenceId: z.optional(z.string().check(z.maxLength(MAX_REFERENCE_ID))),
    prefill: z.optional(
      z.object(
        perPrefillField((key) => z.optional(z.string().check(z.maxLength(prefillFields[key])))),
      ),
    ),
    /**
     * When the reviewer pressed Create (ms): a create asked again later (a closed popup's, on
     * opening the form) is logged at that click, and after a 5xx looked for from then.
     */
    clickedAt: z.optional(z.number()),
    /**
     * The one-time link's lifetime (seconds) as the settings said at that click: a create asked
     * again under its key is the same request, though the settings changed meanwhile (Persona
     * refuses a key reused with other parameters). None: the settings' lifetime now.
     */
    linkSeconds: z.optional(z.number()),
  })),
  /** The whole picture of one inquiry in one request; `refresh` skips the session cache. */
  getInquiry: answers<InquiryReply>()(() => ({
    id: inquiryId(),
    refresh: z.optional(z.boolean()),
  })),
  /** An `inq_…` id opens that inquiry; anything else is searched as a reference id. */
  findInquiries: answers<
    | ({ kind: 'inquiry' } & InquiryReply)
    /** `next`: Persona's cursor for more, as `listInquiries` takes it; null when that was all. */
    | { kind: 'matches'; items: InquirySummary[]; next: string | null }
  >()(() => ({ query: z.string().check(z.maxLength(300)) })),
  listInquiries: answers<{ items: InquirySummary[]; next: string | null }>()(() => ({
    statuses: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10)),
    pageSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
    /** The `next` cursor of the previous page (Persona's `links.next`). */
    next: z.optional(z.string().check(z.maxLength(2000))),
    /** Only those with this reference ID (`filter[reference-id]`). */
    referenceId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    /** Asked without the reviewer asking (a note): a 429 is said at once, not waited out. */
    quiet: z.optional(z.boolean()),
  })),
  inquiryAction: answers<InquiryReply>()(() => ({
    id: inquiryId(),
    action: z.enum(inquiryActions),
    comment: z.optional(z.string().check(z.maxLength(2000))),
  })),
  /** A fresh one-time link; an expired inquiry is resumed first. */
  newLink: answers<InquiryReply & { link: OneTimeLink }>()(() => ({ id: inquiryId() })),
  /**
   * One tag added or removed (`add-tag` / `remove-tag`): never the whole list, which would drop a
   * tag a workflow added meanwhile.
   */
  changeTag: answers<InquiryReply>()(() => ({
    id: inquiryId(),
    change: z.enum(['add', 'remove']),
    tag: z.string().check(z.minLength(1), z.maxLength(100)),
  })),
  watch: answers<{ watching: true }>()(() => ({ id: watchedId() })),
  unwatch: answers<{ watching: false }>()(() => ({ id: inquiryId() })),
  /** Bounded: the popup marks at most what it shows. */
  markSeen: answers<{ seen: number }>()(() => ({
    ids: z.array(watchedId()).check(z.maxLength(MAX_MARK_SEEN)),
  })),
  /**
   * The popup opened: poll now unless a cycle ran moments ago (debounced in the background).
   * `asked`: the reviewer's Check now, debounced over a shorter time (next-hold.ts).
   */
  refreshWatchlist: answers<{ polled: boolean }>()(() => ({ asked: z.optional(z.literal(true)) })),
  /** "Show photos": every photo of the inquiry, downloaded by the background; logged. */
  showPhotos: answers<{ photos: PhotoReply[] }>()(() => ({ id: inquiryId() })),
  /** A report with its matches, read when the reviewer opens it. */
  getReport: answers<{ report: ReportView }>()(() => ({
    reportId: z.string().check(z.minLength(1), z.maxLength(100)),
  })),
  /** The inquiry's events (`GET /events?filter[object-id]=…`). */
  listEvents: answers<{ events: EventView[] }>()(() => ({ id: inquiryId() })),
  /** The same account's (or else the same reference ID's) other inquiries (earlier-inquiries.ts). */
  earlierInquiries: answers<{
    items: InquirySummary[];
    by: 'account' | 'reference' | 'none';
  }>()(() => ({
    id: inquiryId(),
    accountId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    referenceId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  })),
  /** Persona's PDF of the inquiry; logged. */
  printInquiry: answers<{ filename: string; base64: string }>()(() => ({ id: inquiryId() })),
  /**
   * For the audit trail: the reviewer revealed a masked field of an inquiry, named as the trail
   * keeps it (chain.ts `AuditEntry.details`: `inquiry:birthdate`, or `all`), never its value.
   */
  recordReveal: answers<{ recorded: true }>()(() => ({
    id: watchedId(),
    // A name's characters only (revealedField writes any other as `_`): no sentence, no value
    // with spaces, goes into the trail, which cannot be edited.
    field: z.string().check(z.regex(/^[\w.:-]{1,100}$/)),
  })),
  /** The options page exported the activity log (its time is shown there). */
  auditExported: answers<{ exportedAt: number }>()(),
};

type Definitions = typeof requests;
export type RequestType = keyof Definitions;
type Flat<T> = { [K in keyof T]: T[K] };
type FieldsOf<T extends RequestType> =
  Definitions[T] extends RequestDefinition<infer Shape, unknown>
    ? [keyof Shape] extends [never]
      ? unknown
      : z.output<z.ZodMiniObject<Shape>>
    : never;
export type RequestOf<T extends RequestType> = Flat<{ type: T } & FieldsOf<T>>;
export type Request = { [T in RequestType]: RequestOf<T> }[RequestType];
export type Reply<T extends RequestType> = NonNullable<Definitions[T]['reply']>;
export type Replies = { [T in RequestType]: Reply<T> };

const requestSchemas = new Map<RequestType, z.ZodMiniType<Request>>();

/** The schema of one request: its fields from `requests` and its `type`; built once, on first use. */
export function requestSchema(type: RequestType): z.ZodMiniType<Request> {
  let schema = requestSchemas.get(type);
  if (!schema) {
    const fields: z.core.$ZodLooseShape = requests[type].shape();
    schema = z.object({ ...fields, type: z.literal(type) }) as unknown as z.ZodMiniType<Request>;
    requestSchemas.set(type, schema);
  }
  return schema;
}

const isRequestType = (type: unknown): type is RequestType =>
  typeof type === 'string' && Object.hasOwn(requests, type);

/**
 * A message as the request its `type` names, parsed with that request's schema; undefined when it
 * names no request or does not fit it. The same as a union of every request told apart by `type`.
 * The background parses with the same answer without zod: src/shared/generated/request-checks.ts,
 * generated from these schemas.
 */
export function parseRequest(message: unknown): Request | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type } = message as { type?: unknown };
  if (!isRequestType(type)) return undefined;
  const parsed = requestSchema(type).safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

export interface ConnectionReport {
  environment: 'sandbox' | 'production';
  baseUrl: string;
  environmentId?: string;
  organizationId?: string;
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
  /** PhotoView's `name` and `page`: the page puts them in words. */
  name: string;
  page?: string | number;
  verificationId: string;
  type?: string;
  base64?: string;
  error?: ErrorInfo;
}

export type Answer<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
