// Semantic checks the schema cannot express. The first problem becomes an `invalid` DeskError
// whose `pointer` names the field, so the options page can mark it.

import { DeskError } from '../shared/errors.ts';
import { checkBaseUrl } from '../shared/persona/base-url.ts';
import { isTemplateId } from '../shared/persona/links.ts';
import type { Settings } from '../shared/settings.ts';
import { TEMPLATE_ID_HINT } from '../shared/settings.ts';

function invalid(pointer: string, message: string): never {
  throw new DeskError({ kind: 'invalid', message, pointer });
}

/** Returns the settings normalised (trimmed, default base URL filled in) or throws. */
export function validateSettings(settings: Settings): Settings {
  const base = checkBaseUrl(settings.baseUrl);
  if (!base.ok) invalid('baseUrl', base.reason);
  const defaultTemplateId = settings.defaultTemplateId.trim();
  if (defaultTemplateId && !isTemplateId(defaultTemplateId)) {
    invalid('defaultTemplateId', TEMPLATE_ID_HINT);
  }
  const templates = settings.templates
    .map((t) => ({ name: t.name.trim(), id: t.id.trim() }))
    .filter((t) => t.name || t.id);
  templates.forEach((t, i) => {
    if (!t.name) invalid(`templates.${i}.name`, `Give template ${i + 1} a name.`);
    if (!isTemplateId(t.id))
      invalid(`templates.${i}.id`, `Template “${t.name}”: ${TEMPLATE_ID_HINT}`);
  });
  if (!settings.chatTemplate.includes('{link}')) {
    invalid('chatTemplate', 'The chat message must contain {link}, where the link goes.');
  }
  return { ...settings, baseUrl: base.baseUrl, defaultTemplateId, templates };
}
