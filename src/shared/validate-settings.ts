// The settings' checks the schema cannot express, in words a person can act on. Each problem is
// reported with a `pointer` naming its field. The background, which stores the settings, throws at
// the first one (an `invalid` DeskError); the options page runs the same checks before it sends,
// with the schema's ranges in words (options/settings-ranges.ts), and collects every problem so
// each field says its own at once.

import { DeskError } from './errors.ts';
import { t } from './i18n.ts';
import { checkBaseUrl } from './persona/base-url.ts';
import { isTemplateId } from './persona/template-id.ts';
import type { Settings } from './settings.ts';
import { templateIdHint } from './settings-values.ts';

export function invalid(pointer: string, message: string): never {
  throw new DeskError({ kind: 'invalid', message, pointer });
}

/** Where a check says a problem: {@link invalid} throws it; a page may collect them instead. */
export type Report = (pointer: string, message: string) => void;

/**
 * Returns the settings normalised (trimmed, default base URL filled in), or throws at the first
 * problem. With a `report` that returns, every problem is reported and the result is meaningless
 * unless none was.
 */
export function validateSettings(settings: Settings, report: Report = invalid): Settings {
  const base = checkBaseUrl(settings.baseUrl);
  if (!base.ok) report('baseUrl', base.reason);
  const defaultTemplateId = settings.defaultTemplateId.trim();
  if (defaultTemplateId && !isTemplateId(defaultTemplateId)) {
    report('defaultTemplateId', templateIdHint());
  }
  // Each problem names its row as the page numbers it, empty rows included; those are dropped.
  const templates: Settings['templates'] = [];
  settings.templates.forEach((entry, i) => {
    const name = entry.name.trim();
    const id = entry.id.trim();
    if (!name && !id) return;
    if (!name) report(`templates.${i}.name`, t('templateNeedsName', i + 1));
    else if (!isTemplateId(id))
      report(`templates.${i}.id`, t('templateNamedShape', name, templateIdHint()));
    templates.push({ name, id });
  });
  if (!settings.chatTemplate.includes('{link}')) {
    report('chatTemplate', t('chatNeedsLink'));
  }
  return {
    ...settings,
    baseUrl: (base as { baseUrl: string }).baseUrl,
    defaultTemplateId,
    templates,
  };
}
