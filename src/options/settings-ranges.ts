// The settings' ranges in words, checked by the options page before it sends: out of its schema's
// range, a value would come back from the background only as "The request was malformed.", with
// no field marked. The background holds the same ranges through the schema (settings.ts), so
// these stay out of its script. One check is the page's alone: a chat template's `{expires:…}`
// tags (the page that fills them in writes one it cannot as `{expires}`).
import { formatNumber } from '../shared/format.ts';
import { t } from '../shared/i18n.ts';
import { isLoopbackHost } from '../shared/persona/api-origin.ts';

import type { Settings } from '../shared/settings.ts';
import {
  linkExpiryProblem,
  MAX_AUTO_LOCK_MINUTES,
  MAX_CHAT_TEMPLATE,
  MAX_FORGET_HOURS,
  MAX_POLL_SECONDS,
  MAX_TEMPLATE_ID,
  MAX_TEMPLATE_NAME,
  MIN_POLL_SECONDS,
} from '../shared/settings-values.ts';
import { STORE_BUILD } from '../shared/store-build.ts';
import { codePoints } from '../shared/stored-check.ts';
import { invalid, type Report } from '../shared/validate-settings.ts';
import { unknownExpiryTags } from '../ui/components/chat-message.ts';

// The local sandbox serves the API where Persona does (test/persona-sandbox).
const SANDBOX_API_PATH = '/api/v1';

/**
 * Returns `settings` when every number and name is in range, or throws at the first field out;
 * with a `report` that returns, reports every field out.
 */
export function checkRanges(settings: Settings, report: Report = invalid): Settings {
  // A template id longer than a create request may carry would make every create malformed.
  // A named template's problem is said below all rows: it names its row.
  const tooLong = (field: string, id: string, row?: number) => {
    const length = id.trim().length;
    if (length <= MAX_TEMPLATE_ID) return;
    const [max, count] = [formatNumber(MAX_TEMPLATE_ID), formatNumber(length)];
    report(
      field,
      row === undefined ? t('errTooLong', max, count) : t('templateIdTooLong', row, max, count),
    );
  };
  tooLong('defaultTemplateId', settings.defaultTemplateId);
  // Loopback is the local sandbox, whose API is where Persona's is: at another path every
  // request would come back "not found", which reads as a missing inquiry, not a wrong address.
  const sandboxPath = loopbackPathProblem(settings.baseUrl);
  if (sandboxPath) report('baseUrl', sandboxPath);
  // A name is a chip in the create form: two chips of one name cannot be told apart. Nor can two
  // names for one template: the form shows its choice by the id, so both chips read as chosen.
  const names = new Set<string>();
  const named = new Map<string, string>();
  settings.templates.forEach((entry, i) => {
    tooLong(`templates.${i}.id`, entry.id, i + 1);
    const name = entry.name.trim();
    const id = entry.id.trim();
    if (name.length > MAX_TEMPLATE_NAME) {
      report(`templates.${i}.name`, t('templateNameLong', name, MAX_TEMPLATE_NAME));
    } else if (name && names.has(name)) report(`templates.${i}.name`, t('templateNameTwice', name));
    else if (id && named.has(id)) {
      report(`templates.${i}.id`, t('templateIdTwice', name, named.get(id) ?? ''));
    }
    names.add(name);
    if (!named.has(id)) named.set(id, name);
  });
  const expiry = linkExpiryProblem(settings.linkExpiryHours);
  if (expiry) report('linkExpiryHours', expiry);
  const poll = settings.pollSeconds;
  if (!Number.isInteger(poll) || !inRange(poll, MIN_POLL_SECONDS, MAX_POLL_SECONDS)) {
    report('pollSeconds', t('pollRange', MIN_POLL_SECONDS, MAX_POLL_SECONDS));
  }
  // An unknown tag would write that expiry in this browser's language, which the tag was there to
  // avoid; the reviewer finds out here, not from a customer.
  const [unknownTag] = unknownExpiryTags(settings.chatTemplate);
  if (unknownTag !== undefined) report('chatTemplate', t('chatExpiresUnknownTag', unknownTag));
  // Counted as the schema counts it: in code points.
  if (codePoints(settings.chatTemplate) > MAX_CHAT_TEMPLATE) {
    report('chatTemplate', t('chatTemplateLong', MAX_CHAT_TEMPLATE));
  }
  if (!inRange(settings.forgetDecidedAfterHours, 1, MAX_FORGET_HOURS)) {
    report('forgetDecidedAfterHours', t('forgetRange', MAX_FORGET_HOURS));
  }
  const lock = settings.autoLockMinutes;
  if (!Number.isInteger(lock) || !inRange(lock, 1, MAX_AUTO_LOCK_MINUTES)) {
    report('autoLockMinutes', t('autoLockRange', MAX_AUTO_LOCK_MINUTES));
  }
  return settings;
}

/** False for NaN (an emptied or half-typed field) as for a number out of range. */
function inRange(value: number, min: number, max: number): boolean {
  return value >= min && value <= max;
}

/**
 * A loopback base URL's origin and path (no trailing slash), or `undefined` for any other. Always
 * `undefined` in the store's build, which calls no local sandbox (src/shared/store-build.ts): a
 * local address is neither completed nor told its sandbox path there, only refused (base-url.ts).
 */
function loopbackParts(baseUrl: string): { origin: string; path: string } | undefined {
  if (STORE_BUILD) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return undefined;
  }
  if (!isLoopbackHost(url.hostname)) return undefined;
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

/** Why a loopback base URL cannot be the local sandbox's API, or `undefined` (also not loopback). */
function loopbackPathProblem(baseUrl: string): string | undefined {
  const loopback = loopbackParts(baseUrl);
  // A bare origin is completed with the path before it is saved (withSandboxApiPath).
  if (!loopback || loopback.path === '' || loopback.path === SANDBOX_API_PATH) return undefined;
  return t('urlSandboxPath', loopback.origin + SANDBOX_API_PATH);
}

/**
 * A loopback base URL typed as a bare origin (`http://127.0.0.1:4010`) means the local sandbox's
 * API, as a bare Persona host means Persona's: the path is added, as the background adds it there.
 */
export function withSandboxApiPath(settings: Settings): Settings {
  const loopback = loopbackParts(settings.baseUrl);
  if (loopback?.path !== '') return settings;
  return { ...settings, baseUrl: loopback.origin + SANDBOX_API_PATH };
}
