// Every stored item, declared once: area, key, schema, default, and (in the comment) its writer.
// Personal data never goes to storage.local (docs/architecture.md#storage). Each schema is built
// on first use (lazy.ts). Pages read these; the background and the popup's first screen read the
// same items through checks generated from these schemas (src/shared/generated/, `npm run
// gen:checks`), and load no zod. A function a schema refines with must be named in
// check-registry.ts, and a default made with `withDefault`, or the generator refuses the schema.
import * as z from 'zod/mini';
import { looksLikeInquiryView } from './cached-view-check.ts';
import { defineItem, defineListItem, defineRecordItem, salvageWith } from './define-item.ts';
import { lazy } from './lazy.ts';
import { perPrefillField } from './per-prefill-field.ts';
import { isPersonaOrLoopbackLink } from './persona/trusted-link.ts';
import type { InquiryView } from './persona/view-model.ts';
import { salvageFields } from './salvage.ts';
import {
  defaultSettings,
  type Settings,
  type SettingsUnderPolicy,
  settingsSchema,
} from './settings.ts';

/** Writer: background (migrations.ts). The layout version of everything stored; 0 = never set. */
export const storageVersionItem = defineItem<number>(
  'local',
  'storageVersion',
  () => z.number().check(z.int(), z.gte(0)),
  () => 0,
);

/** Writer: background (validated `saveOptions`). */
export const settingsItem = defineItem<Settings>(
  'local',
  'settings',
  settingsSchema,
  defaultSettings,
  // One out-of-range setting falls back alone; the others stay as the reviewer set them.
  salvageWith(salvageFields<Settings>, () => settingsSchema().def.shape),
);

/**
 * Writer: background (policy-enforce.ts). The settings the organisation's policy sets (`held`), and
 * the reviewer's own values for them (in `own`, the reviewer's settings as they were when the
 * policy took each one): a field the policy no longer sets gets the reviewer's value back, not the
 * organisation's left behind. Null while the policy sets nothing.
 */
export const settingsUnderPolicyItem = defineItem<SettingsUnderPolicy | null>(
  'local',
  'settingsUnderPolicy',
  () => z.nullable(z.object({ own: settingsSchema(), held: z.array(z.string()) })),
  () => null,
);

/** Writer: background only. Pages never read it; they see {@link keyInfoItem}. */
export const apiKeyItem = defineItem<string | null>(
  'local',
  'apiKey',
  () => z.nullable(z.string()),
  () => null,
);

export const keyInfoSchema = lazy(() =>
  z.object({
    masked: z.string(),
    environment: z.enum(['sandbox', 'production']),
    savedAt: z.number(),
  }),
);
export type KeyInfo = z.infer<ReturnType<typeof keyInfoSchema>>;

/** Writer: background. What pages may know about the key: its masked form and environment. */
export const keyInfoItem = defineItem<KeyInfo | null>(
  'local',
  'keyInfo',
  () => z.nullable(keyInfoSchema()),
  () => null,
);

export const watchEntrySchema = lazy(() =>
  z.object({
    id: z.string(),
    referenceId: z.optional(z.string()),
    status: z.string(),
    /** Persona's `updated-at`, compared with the status to find changes. */
    updatedAt: z.optional(z.string()),
    addedAt: z.number(),
    /** When the extension last saw the status change (ms). */
    changedAt: z.number(),
    /** False until the reviewer has looked at the latest change. */
    seen: z.boolean(),
    /** Redacted at Persona: like a decision, it ends the watch. */
    redacted: z.optional(z.boolean()),
    /**
     * Left out of Persona's answers to a poll that asked for it, with Persona answering "not
     * found" for the first id so left out, asked by id (watch/cycle.ts): kept from another key's
     * environment, or gone. Asked about slowly, not counted on the badge, until an answer has it
     * again.
     */
    unlisted: z.optional(z.boolean()),
  }),
);
export type WatchEntry = z.infer<ReturnType<typeof watchEntrySchema>>;

/** Writer: background. No personal data: ids, reference ids, statuses, times. */
export const watchlistItem = defineListItem<WatchEntry>('local', 'watchlist', watchEntrySchema);

export const pollStateSchema = lazy(() =>
  z.object({
    lastAttemptAt: z.optional(z.number()),
    lastSuccessAt: z.optional(z.number()),
    /** Consecutive failed cycles (5xx, offline); drives the exponential back-off. */
    failures: z.number(),
    /** No cycle before this time (ms): rate-limit manners or back-off. */
    holdUntil: z.optional(z.number()),
    /** The last failure as the watchlist says it: its kind and message (no page shows more). */
    lastError: z.optional(z.object({ kind: z.string(), message: z.string() })),
    /** When expired inquiries were last asked about (they are polled less often: planner.ts). */
    slowPolledAt: z.optional(z.number()),
    /** Latest RateLimit-* seen, for the 15 % rule. */
    rateLimit: z.optional(
      z.object({ limit: z.number(), remaining: z.number(), resetAt: z.number() }),
    ),
  }),
);
export type PollState = z.infer<ReturnType<typeof pollStateSchema>>;

/** Writer: background (poller). */
export const pollStateItem = defineItem<PollState>('local', 'pollState', pollStateSchema, () => ({
  failures: 0,
}));

/**
 * Writer: background. Recent lookups, newest first: inquiry ids, and reference ids Persona found.
 * In storage.session: a looked-up text may be a name or a birthdate, and must never reach disk.
 */
export const recentLookupsItem = defineListItem<string>('session', 'recentLookups', () =>
  z.string().check(z.maxLength(200)),
);

// ---- storage.session: memory only, gone when the browser closes ----

/** How many inquiries' confirmations the draft keeps, the newest: more than a day's worth open. */
export const MAX_DECISION_DRAFTS = 20;

// The view is built by our own normaliser and never leaves the extension; a shallow check keeps the
// read of a cached view cheap when a detail opens (a full schema would double its parse cost).
const inquiryViewShape = () => z.custom<InquiryView>(looksLikeInquiryView);

/**
 * Writer: background. One inquiry's full view (personal data) and when it was fetched, each under
 * a key of its own (`inquiry:<id>`, see `keyedItem`): opening a detail reads that one view. As one
 * item of fifty views (some 500 KB), the read alone took 80 to 115 ms (docs/benchmarks.md). This
 * is the template the per-inquiry items are made from; its own key is never written.
 */
export const cachedInquiryItem = defineItem(
  'session',
  'inquiry',
  () => z.nullable(z.object({ inquiry: inquiryViewShape(), fetchedAt: z.number() })),
  () => null,
);

/** Writer: background. When each cached view was fetched, by inquiry id: the cache's index. */
export const inquiryCacheIndexItem = defineRecordItem('session', 'inquiryCacheIndex', () =>
  z.number(),
);

/** Writer: background. The latest one-time link per inquiry (single-use secrets: memory only). */
export const linksItem = defineRecordItem('session', 'links', () =>
  z.object({
    // Checked again on every read: a stored link that is not Persona's is never shown.
    url: z.string().check(z.refine(isPersonaOrLoopbackLink)),
    shortUrl: z.optional(z.string().check(z.refine(isPersonaOrLoopbackLink))),
    expiresAt: z.optional(z.string()),
    createdAt: z.number(),
  }),
);

export const draftSchema = lazy(() =>
  z.object({
    templateId: z.string(),
    /**
     * The template ID is the settings' default, put there by the form, not typed or picked by
     * the reviewer: it follows a default saved since.
     */
    templateFromDefault: z.optional(z.boolean()),
    referenceId: z.string(),
    ...perPrefillField(() => z.string()),
    search: z.string(),
    /** Home's tab last chosen: a popup opened again opens on it. */
    homeTab: z.optional(z.enum(['watchlist', 'review'])),
    /** Needs review's order; oldest change first when not chosen. */
    queueOrder: z.optional(z.enum(['oldest', 'newest'])),
    /**
     * The inquiry the toolbar popup showed last, when it opened it and the masked key it was read
     * with: the popup closes at each click into the chat, and home offers it again to the next
     * one. Gone once the reviewer leaves it for another view there. With the reference id its row
     * showed, which the offer names, and, opened from Needs review, the rows after it there, so
     * Next to review is still there.
     */
    lastInquiry: z.optional(
      z.object({
        id: z.string().check(z.maxLength(100)),
        at: z.number(),
        key: z.string().check(z.maxLength(100)),
        referenceId: z.optional(z.string()),
        // Its writer keeps the first QUEUE_KEPT (router.ts). No length check: one would take the
        // first screen's reader of stored items a kind further (stored-check-more.ts, 600 B).
        queue: z.optional(
          z.array(
            z.object({
              id: z.string().check(z.maxLength(100)),
              referenceId: z.optional(z.string()),
            }),
          ),
        ),
      }),
    ),
    /**
     * The Idempotency-Key of a create sent and not answered yet, or answered with no answer (lost,
     * timed out), with the form it was for and when it was sent: a retry of the same form, even
     * from a popup opened again, reuses it, so a create Persona did apply is not doubled. A popup
     * closed before the answer came finds it on opening the form, and asks for that answer.
     * `unanswered`: the page saw it fail with no answer and said so; the reviewer decides whether
     * to send it again (with the same key), so opening the form does not.
     */
    pendingCreate: z.optional(
      z.object({
        key: z.string(),
        form: z.string(),
        at: z.optional(z.number()),
        unanswered: z.optional(z.boolean()),
        /** The link's lifetime it was sent with, sent again with its key (messages.ts). */
        linkSeconds: z.optional(z.number()),
      }),
    ),
    /**
     * The approves and declines being confirmed, by inquiry id, each with its comment: the popup
     * closes whenever the reviewer clicks into the chat, and the next one reopens the confirmation
     * as it was left. One per inquiry, so a confirmation opened on another inquiry (a duplicate
     * under Other inquiries) leaves this one's comment alone; the newest last, at most
     * MAX_DECISION_DRAFTS (its only writer keeps to it: a length check here would cost the first
     * screen the larger checker, stored-check-more.ts).
     */
    decisions: z.optional(
      z.array(
        z.object({
          inquiryId: z.string().check(z.maxLength(100)),
          action: z.enum(['approve', 'decline']),
          comment: z.string().check(z.maxLength(2000)),
          /**
           * The comment typed for the other decision of the inquiry, which the reviewer switched
           * away from (a reason for Decline, then a look at Approve): kept with this one, so a
           * popup closing meanwhile loses neither.
           */
          other: z.optional(z.string().check(z.maxLength(2000))),
          /**
           * Confirmed and sent, and no refusal came back to this page: a popup that closed
           * before the answer leaves it, and the next one reads the answer in the activity log
           * (ui/views/use-sent-answer.ts).
           */
          sent: z.optional(z.boolean()),
          /**
           * When it was sent (this computer's clock, as the activity log's): the next page finds
           * its answer there, made or refused, among entries no older than this.
           */
          sentAt: z.optional(z.number()),
          /**
           * Closed with Escape or Cancel, its comment kept: the page opens without the form, and
           * the same decision opened again, in a popup opened since too, has the comment back
           * (UX review s71b M3: it was gone once the popup closed).
           */
          closed: z.optional(z.boolean()),
        }),
      ),
    ),
  }),
);
export type Draft = z.infer<ReturnType<typeof draftSchema>>;
export type DecisionDraft = NonNullable<Draft['decisions']>[number];

/** Writer: popup. What the reviewer is typing, so a popup that closes loses nothing. */
export const draftItem = defineItem<Draft>('session', 'draft', draftSchema, () => ({
  templateId: '',
  referenceId: '',
  ...perPrefillField(() => ''),
  search: '',
}));

export const panelRouteSchema = lazy(() =>
  z.object({
    inquiry: z.optional(z.string()),
    search: z.optional(z.string()),
    /**
     * When the route was asked for; a panel already open follows newer routes only. A route with
     * neither an inquiry nor a search is a lookup made while the desk was locked: its text was not
     * kept (a locked desk keeps no personal data in memory), and the unlock form says so.
     */
    at: z.number(),
  }),
);
export type PanelRoute = z.infer<ReturnType<typeof panelRouteSchema>>;

/**
 * Writers: background (context menu, omnibox, a notification's click) and the desk's Open in side
 * panel (side-panel-button.tsx). Where the side panel should go next.
 */
export const panelRouteItem = defineItem<PanelRoute | null>(
  'session',
  'panelRoute',
  () => z.nullable(panelRouteSchema()),
  () => null,
);

// ---- creates under way: the record in storage.local, its prefill in storage.session ----

export const pendingCreateSchema = lazy(() =>
  z.object({
    /** The Idempotency-Key the create is sent with now (a new one after a 5xx answer). */
    key: z.string(),
    /** The key the reviewer's click was made with, so a repeated click joins this create. */
    clickKey: z.string(),
    templateId: z.string(),
    referenceId: z.optional(z.string()),
    /** Sent with a prefill, which only storage.session holds (pendingPrefillItem). */
    prefilled: z.optional(z.boolean()),
    /** When the first attempt started (ms): the window a 5xx recovery looks in. */
    startedAt: z.number(),
    /** The link's lifetime the click was made with (seconds), for every send under its keys. */
    linkSeconds: z.optional(z.number()),
  }),
);
type StoredPending = z.infer<ReturnType<typeof pendingCreateSchema>>;

/**
 * A create under way as the background handles it: what is stored, with its prefill joined back.
 * `lost`: it was sent with a prefill that storage.session no longer holds (the browser closed
 * meanwhile), so it cannot be sent again as it was.
 */
export type PendingCreate = Omit<StoredPending, 'prefilled'> & {
  prefill?: Record<string, string>;
  lost?: true;
};

/**
 * Writer: background. Creates under way, by click key, without their prefill. In storage.local, so
 * neither a stopped worker nor a closed browser loses one: the next worker finishes it with the
 * same key (Persona replays its answer, and the inquiry is adopted and watched once), or, its
 * prefill gone with the browser's session, looks for it by reference ID
 * (background/create/create-inquiry.ts).
 */
export const pendingCreatesItem = defineItem<Record<string, StoredPending>>(
  'local',
  'pendingCreates',
  () => z.record(z.string(), pendingCreateSchema()),
  () => ({}),
);

/** Writer: background. The prefill of each create under way, by click key: personal data. */
export const pendingPrefillItem = defineRecordItem('session', 'pendingPrefill', () =>
  z.record(z.string(), z.string()),
);
