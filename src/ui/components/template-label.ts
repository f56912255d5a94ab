import { t } from '../../shared/i18n.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import type { NamedTemplate } from '../../shared/settings.ts';

type Made = Pick<InquiryView, 'templateId' | 'templateVersionId'>;

/**
 * "Template KYC (itmpl_…)" for a template the settings name, else "Template itmpl_…": which flow
 * the customer was sent through, as the reviewer knows it. A name given to one version
 * (`itmplv_…`) names the inquiries made from that version; Persona names both on each inquiry.
 */
export function templateLabel(
  { templateId = '', templateVersionId }: Made,
  templates: readonly NamedTemplate[] = [],
): string {
  // The version's own name first: it says more than its template's.
  const named =
    templates.find((template) => template.id === templateVersionId) ??
    templates.find((template) => template.id === templateId);
  return t('inquiryTemplate', named ? `${named.name} (${named.id})` : templateId);
}
