// Semantic checks the schema cannot express. The first problem becomes an `invalid` DeskError
// whose `pointer` names the field, so the options page can mark it.

import { DeskError } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';
import { checkBaseUrl } from '../shared/persona/base-url.ts';
import { isTemplateId } from '../shared/persona/links.ts';
import type { Settings } from '../shared/settings.ts';
import { templateIdHint } from '../shared/settings-values.ts';

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
    if (!isTemplateId(entry.id))
      invalid(`templates.${i}.id`, t('templateNamedShape', entry.name, templateIdHint()));
  });
  if (!settings.chatTemplate.includes('{link}')) {
    invalid('chatTemplate', t('chatNeedsLink'));
  }
  return { ...settings, baseUrl: base.baseUrl, defaultTemplateId, templates };
}
