import { t } from '../../shared/i18n.ts';
import type { NamedTemplate } from '../../shared/settings.ts';

/**
 * "Template KYC (itmpl_…)" for a template the settings name, else "Template itmpl_…": which flow
 * the customer was sent through, as the reviewer knows it.
 */
export function templateLabel(id: string, templates: readonly NamedTemplate[] = []): string {
  const name = templates.find((template) => template.id === id)?.name;
  return t('inquiryTemplate', name ? `${name} (${id})` : id);
}
