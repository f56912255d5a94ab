// Checks made before "Create" sends anything, so a typo costs no request and no inquiry.

import { t } from '../../shared/i18n.ts';
import type { RequestOf } from '../../shared/messages.ts';
import { isTemplateId } from '../../shared/persona/links.ts';
import { perPrefillField, prefillKeys } from '../../shared/prefill.ts';
import { templateIdHint } from '../../shared/settings.ts';
import type { Draft } from '../../shared/storage-items.ts';

export type CreateErrors = Partial<Record<'templateId' | 'emailAddress', string>>;

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

/** What the form holds after a successful create: empty, with the default template ready again. */
export function clearedDraft(draft: Draft, defaultTemplateId: string): Draft {
  return {
    ...draft,
    templateId: defaultTemplateId,
    referenceId: '',
    ...perPrefillField(() => ''),
    pendingCreate: undefined,
  };
}
