// Reviewer settings: what the options page edits. Non-secret; stored in storage.local by the
// background, which validates every write (the base URL decides where the key may travel). The
// schema is here; its bounds and wording, which the background needs without zod, are in
// settings-values.ts.
import * as z from 'zod/mini';
import { defaultsOf } from './define-item.ts';
import { lazy } from './lazy.ts';
import { withDefault } from './named-default.ts';
import { DEFAULT_BASE_URL } from './persona/api-origin.ts';
import {
  defaultChatTemplate,
  MAX_AUTO_LOCK_MINUTES,
  MAX_CHAT_TEMPLATE,
  MAX_FORGET_HOURS,
  MAX_LINK_EXPIRY_HOURS,
  MAX_POLL_SECONDS,
  MAX_TEMPLATE_NAME,
  MIN_POLL_SECONDS,
} from './settings-values.ts';

export {
  defaultChatTemplate,
  linkExpiryProblem,
  MAX_LINK_EXPIRY_HOURS,
  MAX_POLL_SECONDS,
  MIN_POLL_SECONDS,
  templateIdHint,
} from './settings-values.ts';

// Built on first use (lazy.ts), not when the worker's script runs.
export const namedTemplateSchema = lazy(() =>
  z.object({
    name: z.string().check(z.minLength(1), z.maxLength(MAX_TEMPLATE_NAME)),
    id: z.string(),
  }),
);
export type NamedTemplate = z.infer<ReturnType<typeof namedTemplateSchema>>;

export const settingsSchema = lazy(buildSettingsSchema);

// Each default with `withDefault` (named-default.ts), so the generated checks can copy it.
function buildSettingsSchema() {
  return z.object({
    baseUrl: withDefault(z.string(), DEFAULT_BASE_URL),
    allowProduction: withDefault(z.boolean(), false),
    defaultTemplateId: withDefault(z.string(), ''),
    templates: withDefault(z.array(namedTemplateSchema()), []),
    pollSeconds: withDefault(
      z.number().check(z.int(), z.gte(MIN_POLL_SECONDS), z.lte(MAX_POLL_SECONDS)),
      60,
    ),
    notifications: withDefault(z.boolean(), true),
    /**
     * Notifications name an inquiry by its reference ID (and its id's end) instead of its id:
     * off until the reviewer turns it on, since a reference ID can be an email address, and the
     * system may keep notifications after they close.
     */
    notifyReference: withDefault(z.boolean(), false),
    chatTemplate: withDefault(
      z.string().check(z.maxLength(MAX_CHAT_TEMPLATE)),
      defaultChatTemplate,
    ),
    /**
     * How long a one-time link works, sent as `one-time-link-expiration-seconds` on create and
     * `expires-in-seconds` on a new link (Persona's default is 24 hours or the template's setting).
     */
    linkExpiryHours: withDefault(
      z.number().check(z.int(), z.gte(1), z.lte(MAX_LINK_EXPIRY_HOURS)),
      24,
    ),
    /** Hours a decided inquiry stays on the watchlist before it leaves by itself. */
    forgetDecidedAfterHours: withDefault(z.number().check(z.gte(1), z.lte(MAX_FORGET_HOURS)), 24),
    /** With a passphrase: lock after this many minutes without use. */
    autoLockMinutes: withDefault(
      z.number().check(z.int(), z.gte(1), z.lte(MAX_AUTO_LOCK_MINUTES)),
      15,
    ),
    /** Lookups with the `kyc` address-bar keyword and from the context menu (policy may turn off). */
    addressBarLookup: withDefault(z.boolean(), true),
    contextMenuLookup: withDefault(z.boolean(), true),
  });
}
export type Settings = z.infer<ReturnType<typeof settingsSchema>>;

/** The reviewer's own settings under an organisation's policy (storage-items.ts). */
export interface SettingsUnderPolicy {
  own: Settings;
  /** The settings the policy sets, whose own values are in `own`. */
  held: string[];
}

/** Every setting at its default: the schema's answer for `{}`. */
export const defaultSettings: () => Settings = defaultsOf(settingsSchema);
