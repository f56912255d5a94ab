// What the settings need besides their schema (settings.ts), without zod: the bounds, the default
// chat message and the wording of their checks. The background reads these, and loads no zod.
import { t } from './i18n.ts';

export const MIN_POLL_SECONDS = 30; // Chrome's floor for chrome.alarms in published extensions.

/** An hour: watching slower than that is not watching (a typo of 6000 for 600 would be). */
export const MAX_POLL_SECONDS = 60 * 60;

/** The chat message is pasted into a support chat: a paragraph, not a page. */
export const MAX_CHAT_TEMPLATE = 1000;

/** A month: a link meant for a chat is used within days; longer is a forgotten secret. */
export const MAX_LINK_EXPIRY_HOURS = 24 * 30;

/** A month: how long a decided inquiry may stay on the watchlist. */
export const MAX_FORGET_HOURS = 24 * 30;

/** A day: the longest the desk may stay unlocked without use. */
export const MAX_AUTO_LOCK_MINUTES = 24 * 60;

/** The longest template id a create request carries (shared/messages.ts `createInquiry`). */
export const MAX_TEMPLATE_ID = 100;

/** The longest reference id a create request carries. */
export const MAX_REFERENCE_ID = 200;

/** A named template's name is a label on a button in the create form. */
export const MAX_TEMPLATE_NAME = 60;

/** The chat message a reviewer starts with, in the browser's language; theirs once saved. */
export function defaultChatTemplate(): string {
  return t('chatTemplateDefault');
}

/** Why `hours` cannot be the link expiry, or `undefined` when it can (checked before saving). */
export function linkExpiryProblem(hours: number): string | undefined {
  if (Number.isInteger(hours) && hours >= 1 && hours <= MAX_LINK_EXPIRY_HOURS) return undefined;
  return t('linkLifetimeRange', MAX_LINK_EXPIRY_HOURS);
}

/**
 * How a template ID looks and where to find one: the one wording the settings check, the create
 * form and the background all use (the shape itself is persona/template-id.ts `isTemplateId`).
 */
export function templateIdHint(): string {
  return t('errTemplateShape');
}
