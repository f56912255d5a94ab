// Checks made before "Create" sends anything, so a typo costs no request and no inquiry.

import { formatNumber } from '../../shared/format.ts';
import { t } from '../../shared/i18n.ts';
import type { RequestOf } from '../../shared/messages.ts';
import { perPrefillField } from '../../shared/per-prefill-field.ts';
import { isTemplateId } from '../../shared/persona/template-id.ts';
import { type PrefillKey, prefillFields, prefillKeys } from '../../shared/prefill.ts';
import { templateIdHint } from '../../shared/settings.ts';
import { MAX_REFERENCE_ID, MAX_TEMPLATE_ID } from '../../shared/settings-values.ts';
import type { Draft } from '../../shared/storage-items.ts';

export type CreateField = 'templateId' | 'referenceId' | PrefillKey;
export type CreateErrors = Partial<Record<CreateField, string>>;

/**
 * The longest each field may be: the createInquiry request's limits (shared/messages.ts), said
 * at the field here rather than refused by the background as a malformed request.
 */
export const longestField: Record<CreateField, number> = {
  templateId: MAX_TEMPLATE_ID,
  referenceId: MAX_REFERENCE_ID,
  ...prefillFields,
};

// Digits, maybe grouped by spaces, dots, dashes or brackets, maybe after a +: at least four.
const PHONE = /^\+?[\d\s().-]+$/;

export function checkCreateForm(draft: Draft): CreateErrors {
  const errors: CreateErrors = {};
  const template = draft.templateId.trim();
  if (!template) errors.templateId = t('errTemplateMissing');
  else if (!isTemplateId(template)) {
    errors.templateId = templateIdHint();
  }
  const email = draft.emailAddress.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.emailAddress = t('errEmail');
  }
  const phone = draft.phoneNumber.trim();
  if (phone && !(PHONE.test(phone) && phone.replace(/\D/g, '').length >= 4)) {
    errors.phoneNumber = t('errPhone');
  }
  for (const [key, max] of Object.entries(longestField) as [CreateField, number][]) {
    const length = draft[key].trim().length;
    if (length > max) errors[key] = t('errTooLong', formatNumber(max), formatNumber(length));
  }
  return errors;
}

/** The request for one click on "Create": a fresh idempotency key each time, empty fields left out. */
export function buildCreateRequest(
  draft: Draft,
  idempotencyKey: string,
): RequestOf<'createInquiry'> {
  const prefill: NonNullable<RequestOf<'createInquiry'>['prefill']> = {};
  for (const key of prefillKeys) {
    const value = draft[key].trim();
    if (value) prefill[key] = value;
  }
  const referenceId = draft.referenceId.trim();
  return {
    type: 'createInquiry',
    idempotencyKey,
    templateId: draft.templateId.trim(),
    ...(referenceId ? { referenceId } : {}),
    ...(Object.keys(prefill).length > 0 ? { prefill } : {}),
  };
}

/**
 * What identifies a form as sent: its request without the key. A draft's pending create holds it,
 * so the same form is known again, and an edited one is not.
 */
export const formOf = (draft: Draft) => JSON.stringify(buildCreateRequest(draft, ''));

/**
 * The form's own fields after a successful create: empty, with the default template ready again.
 * Only those: the rest of the draft (the search box, confirmations) may have changed since, in
 * another page, and is not the create's to write back.
 */
export function clearedForm(defaultTemplateId: string): Partial<Draft> {
  return {
    templateId: defaultTemplateId,
    templateFromDefault: true,
    referenceId: '',
    ...perPrefillField(() => ''),
    pendingCreate: undefined,
  };
}
