import { emptyStandardFields } from './identity.ts';
import { newId, stableId } from './ids.ts';
import { toKebab } from './inflection.ts';
import { DEFAULT_EXPIRY_MS } from './lifecycle.ts';
import type { SandboxStore } from './store.ts';
import type { AccountRecord, FieldValue, InquiryRecord } from './types.ts';

export interface NewInquiry {
  templateId: string | null;
  templateVersionId: string | null;
  legacyTemplateId: string | null;
  referenceId: string | null;
  accountId: string | null;
  creator: string;
  note: string | null;
  tags: string[];
  fields: Record<string, unknown>;
  redirectUri: string | null;
  autoCreateAccount: boolean;
  accountReferenceId: string | null;
  expiryAfterCreateSeconds: number | null;
  expiryAfterStartSeconds: number | null;
  expiryAfterResumeSeconds: number | null;
  oneTimeLinkSeconds: number | null;
}

const STANDARD_KEYS = new Set(Object.keys(emptyStandardFields()));

function fieldType(key: string, value: unknown): string {
  if (key === 'birthdate') return 'date';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'hash';
  return 'string';
}

/**
 * Plain request values to Persona's `{type, value}` entries. The sandbox's template declares the
 * standard fields in kebab case, so `name_first` or `nameFirst` land on `name-first`; other keys
 * are custom fields and keep the caller's casing, as Persona keeps the template's.
 */
export function applyFieldValues(
  fields: Record<string, FieldValue>,
  values: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(values)) {
    const kebab = toKebab(key);
    const target = STANDARD_KEYS.has(kebab) ? kebab : key;
    fields[target] = { type: fields[target]?.type ?? fieldType(target, value), value };
  }
}

export function standardFieldKey(key: string): string | null {
  const kebab = toKebab(key);
  return STANDARD_KEYS.has(kebab) ? kebab : null;
}

function resolveAccount(store: SandboxStore, input: NewInquiry, now: number): string | null {
  if (input.accountId !== null) return input.accountId;
  if (!input.autoCreateAccount) return null;
  const reference = input.accountReferenceId ?? input.referenceId;
  const existing = reference === null ? undefined : store.accountByReference(reference);
  if (existing) return existing.id;
  const account: AccountRecord = {
    id: newId('act_'),
    referenceId: reference,
    createdAt: now,
    updatedAt: now,
    fields: {},
  };
  store.addAccount(account);
  return account.id;
}

export function createInquiry(store: SandboxStore, input: NewInquiry, now: number): InquiryRecord {
  const fields = emptyStandardFields();
  applyFieldValues(fields, input.fields);
  const templateId =
    input.templateId ??
    (input.templateVersionId ? stableId('itmpl_', input.templateVersionId) : null);
  const templateVersionId =
    input.templateVersionId ?? (templateId ? stableId('itmplv_', templateId) : null);
  const createSeconds = input.expiryAfterCreateSeconds;
  const inquiry: InquiryRecord = {
    id: newId('inq_'),
    seq: store.nextSeq(),
    status: 'created',
    templateId,
    templateVersionId,
    legacyTemplateId: input.legacyTemplateId,
    accountId: resolveAccount(store, input, now),
    referenceId: input.referenceId ?? input.accountReferenceId,
    note: input.note,
    tags: [...new Set(input.tags)],
    creator: input.creator,
    reviewerComment: null,
    reviewer: null,
    redirectUri: input.redirectUri,
    behaviors: {},
    fields,
    previousStepName: null,
    nextStepName: 'start',
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    expiresAt: now + (createSeconds === null ? DEFAULT_EXPIRY_MS : createSeconds * 1000),
    completedAt: null,
    failedAt: null,
    markedForReviewAt: null,
    decisionedAt: null,
    expiredAt: null,
    redactedAt: null,
    expiryAfterStartSeconds: input.expiryAfterStartSeconds,
    expiryAfterResumeSeconds: input.expiryAfterResumeSeconds,
    oneTimeLinkSeconds: input.oneTimeLinkSeconds,
    verificationIds: [],
    reportIds: [],
    sessionIds: [],
  };
  store.addInquiry(inquiry);
  return inquiry;
}
