// The settings' checks the schema cannot express, in words a person can act on. The first problem
// becomes an `invalid` DeskError whose `pointer` names the field, so the options page can mark it.
// The background runs these as the one that stores the settings; the options page runs them too,
// with the schema's ranges in words (options/settings-ranges.ts), before it sends.

import { DeskError } from './errors.ts';
import { t } from './i18n.ts';
import { checkBaseUrl } from './persona/base-url.ts';
import { isTemplateId } from './persona/links.ts';
import type { Settings } from './settings.ts';
import { templateIdHint } from './settings-values.ts';

export function invalid(pointer: string, message: string): never {
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
  // Each problem names its row as the page numbers it, empty rows included; those are dropped.
  const templates: Settings['templates'] = [];
  settings.templates.forEach((entry, i) => {
    const name = entry.name.trim();
    const id = entry.id.trim();
    if (!name && !id) return;
    if (!name) invalid(`templates.${i}.name`, t('templateNeedsName', i + 1));
    if (!isTemplateId(id))
      invalid(`templates.${i}.id`, t('templateNamedShape', name, templateIdHint()));
    templates.push({ name, id });
  });
  if (!settings.chatTemplate.includes('{link}')) {
    invalid('chatTemplate', t('chatNeedsLink'));
  }
  return { ...settings, baseUrl: base.baseUrl, defaultTemplateId, templates };
}
