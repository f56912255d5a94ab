// Reviewer settings: what the options page edits. Non-secret; stored in storage.local by the
// background, which validates every write (the base URL decides where the key may travel).
import * as z from 'zod/mini';
import { t } from './i18n.ts';
import { lazy } from './lazy.ts';
import { DEFAULT_BASE_URL } from './persona/base-url.ts';

export const MIN_POLL_SECONDS = 30; // Chrome's floor for chrome.alarms in published extensions.

/** A month: a link meant for a chat is used within days; longer is a forgotten secret. */
export const MAX_LINK_EXPIRY_HOURS = 24 * 30;

/** The chat message a reviewer starts with, in the browser's language; theirs once saved. */
export function defaultChatTemplate(): string {
  return t('chatTemplateDefault');
}

// Built on first use (lazy.ts), not when the worker's script runs.
export const namedTemplateSchema = lazy(() =>
  z.object({
    name: z.string().check(z.minLength(1), z.maxLength(60)),
    id: z.string(),
  }),
);
export type NamedTemplate = z.infer<ReturnType<typeof namedTemplateSchema>>;

export const settingsSchema = lazy(buildSettingsSchema);

function buildSettingsSchema() {
  return z.object({
    baseUrl: z._default(z.string(), DEFAULT_BASE_URL),
    allowProduction: z._default(z.boolean(), false),
    defaultTemplateId: z._default(z.string(), ''),
    templates: z._default(z.array(namedTemplateSchema()), []),
    pollSeconds: z._default(z.number().check(z.int(), z.gte(MIN_POLL_SECONDS)), 60),
    notifications: z._default(z.boolean(), true),
    chatTemplate: z._default(z.string().check(z.maxLength(1000)), defaultChatTemplate),
    /**
     * How long a one-time link works, sent as `one-time-link-expiration-seconds` on create and
     * `expires-in-seconds` on a new link (Persona's default is 24 hours or the template's setting).
     */
    linkExpiryHours: z._default(
      z.number().check(z.int(), z.gte(1), z.lte(MAX_LINK_EXPIRY_HOURS)),
      24,
    ),
    /** Hours a decided inquiry stays on the watchlist before it leaves by itself. */
    forgetDecidedAfterHours: z._default(z.number().check(z.gte(1), z.lte(24 * 30)), 24),
    /** With a passphrase: lock after this many minutes without use. */
    autoLockMinutes: z._default(z.number().check(z.int(), z.gte(1), z.lte(24 * 60)), 15),
    /** Lookups with the `kyc` address-bar keyword and from the context menu (policy may turn off). */
    addressBarLookup: z._default(z.boolean(), true),
    contextMenuLookup: z._default(z.boolean(), true),
  });
}
export type Settings = z.infer<ReturnType<typeof settingsSchema>>;

/** Why `hours` cannot be the link expiry, or `undefined` when it can (checked before saving). */
export function linkExpiryProblem(hours: number): string | undefined {
  if (Number.isInteger(hours) && hours >= 1 && hours <= MAX_LINK_EXPIRY_HOURS) return undefined;
  return t('linkLifetimeRange', MAX_LINK_EXPIRY_HOURS);
}

export function defaultSettings(): Settings {
  return settingsSchema().parse({});
}

/**
 * How a template ID looks and where to find one: the one wording the settings check, the create
 * form and the background all use (the shape itself is persona/links.ts `isTemplateId`).
 */
export function templateIdHint(): string {
  return t('errTemplateShape');
}
