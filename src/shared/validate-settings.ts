// The settings' checks, in words a person can act on. The first problem becomes an `invalid`
// DeskError whose `pointer` names the field, so the options page can mark it. The page runs these
// before it sends (a value out of the schema's range would otherwise only come back as a
// malformed request); the background runs them again, as the one that stores the settings.

import { DeskError } from './errors.ts';
import { t } from './i18n.ts';
import { checkBaseUrl } from './persona/base-url.ts';
import { isTemplateId } from './persona/links.ts';
import type { Settings } from './settings.ts';
import {
  linkExpiryProblem,
  MAX_AUTO_LOCK_MINUTES,
  MAX_FORGET_HOURS,
  MAX_TEMPLATE_NAME,
  MIN_POLL_SECONDS,
  templateIdHint,
} from './settings-values.ts';

function invalid(pointer: string, message: string): never {
  throw new DeskError({ kind: 'invalid', message, pointer });
}

/** Returns the settings normalised (trimmed, default base URL filled in) or throws. */
export function validateSettings(settings: Settings): Settings {
  const base = checkBaseUrl(settings.baseUrl);
  if (!base.ok) invalid('baseUrl', base.reason);
  const defaultTemplateId = settings.defaultTemplateId.trim();
  if (defaultTemplateId && !isTemplateId(defaultTemplateId)) {
    invalid('defaultTemplateId', templateIdHint());
  }
  const templates = settings.templates
    .map((entry) => ({ name: entry.name.trim(), id: entry.id.trim() }))
    .filter((entry) => entry.name || entry.id);
  templates.forEach((entry, i) => {
    if (!entry.name) invalid(`templates.${i}.name`, t('templateNeedsName', i + 1));
    if (entry.name.length > MAX_TEMPLATE_NAME) {
      invalid(`templates.${i}.name`, t('templateNameLong', entry.name, MAX_TEMPLATE_NAME));
    }
    if (!isTemplateId(entry.id))
      invalid(`templates.${i}.id`, t('templateNamedShape', entry.name, templateIdHint()));
  });
  if (!settings.chatTemplate.includes('{link}')) {
    invalid('chatTemplate', t('chatNeedsLink'));
  }
  const expiry = linkExpiryProblem(settings.linkExpiryHours);
  if (expiry) invalid('linkExpiryHours', expiry);
  if (!Number.isInteger(settings.pollSeconds) || settings.pollSeconds < MIN_POLL_SECONDS) {
    invalid('pollSeconds', t('pollRange', MIN_POLL_SECONDS));
  }
  if (!inRange(settings.forgetDecidedAfterHours, 1, MAX_FORGET_HOURS)) {
    invalid('forgetDecidedAfterHours', t('forgetRange', MAX_FORGET_HOURS));
  }
  const lock = settings.autoLockMinutes;
  if (!Number.isInteger(lock) || !inRange(lock, 1, MAX_AUTO_LOCK_MINUTES)) {
    invalid('autoLockMinutes', t('autoLockRange', MAX_AUTO_LOCK_MINUTES));
  }
  return { ...settings, baseUrl: base.baseUrl, defaultTemplateId, templates };
}

/** False for NaN (an emptied or half-typed field) as for a number out of range. */
function inRange(value: number, min: number, max: number): boolean {
  return value >= min && value <= max;
}
