// Reading personal data wherever the API version put it. From 2025-10-27 it lives only in
// `attributes.fields` as `{type, value}` pairs whose keys keep the template's casing; up to
// 2023-01-05 it is also at the top level of `attributes`
// (https://docs.withpersona.com/changelog/2025/10/27, docs/persona.md#fields).

import { type MessageKey, t } from '../i18n.ts';
import { isRecord, keyVariants, toKebab } from './key-inflection.ts';
import { humanise } from './labels.ts';
import type { FieldView } from './view-model.ts';

/** The standard inquiry fields in the order a reviewer reads them. */
export const inquiryFieldLabels: Record<string, MessageKey> = {
  'name-first': 'fieldNameFirst',
  'name-middle': 'fieldNameMiddle',
  'name-last': 'fieldNameLast',
  'name-suffix': 'fieldNameSuffix',
  birthdate: 'fieldBirthdate',
  'address-street-1': 'fieldStreet',
  'address-street-2': 'fieldStreet2',
  'address-city': 'fieldCity',
  'address-subdivision': 'fieldSubdivision',
  'address-postal-code': 'fieldPostalCode',
  'address-country-code': 'fieldCountry',
  'email-address': 'fieldEmail',
  'phone-number': 'fieldPhone',
  'identification-number': 'fieldIdNumber',
  'social-security-number': 'fieldSsn',
  'document-number': 'fieldDocumentNumber',
};

/** Labels of other fields verifications extract (government ID, document). */
const otherFieldLabels: Record<string, MessageKey> = {
  'id-class': 'fieldIdClass',
  'issuing-authority': 'fieldIssuingAuthority',
  'issuing-subdivision': 'fieldIssuingSubdivision',
  'issue-date': 'fieldIssueDate',
  'expiration-date': 'fieldExpirationDate',
  'capture-method': 'fieldCaptureMethod',
  'document-type': 'fieldDocumentType',
};

function fieldLabel(name: string): string {
  const key = inquiryFieldLabels[name] ?? otherFieldLabels[name];
  return key ? t(key) : humanise(name);
}

// Identity numbers and birthdates are masked until revealed (docs/architecture.md#read-results).
const sensitive =
  /(^|-)(birthdate|birth-date|date-of-birth|dob|ssn|tin)$|identification-number|document-number|social-security|passport-number|license-number|national-id|tax-id|id-number/;

export function isSensitiveField(name: string): boolean {
  return sensitive.test(toKebab(name));
}

/** A field's value and declared type: `{type, value}` is unwrapped, a plain value kept. */
export function unwrapField(raw: unknown): { value: unknown; type?: string } {
  if (isRecord(raw) && 'value' in raw) {
    return typeof raw.type === 'string'
      ? { value: raw.value, type: raw.type }
      : { value: raw.value };
  }
  return { value: raw };
}

/**
 * A field by its kebab, snake or camel name: first from `attributes.fields`, then from the
 * legacy top level. Returns `undefined` when neither has a non-null value.
 */
export function readField(attributes: Record<string, unknown> | undefined, name: string): unknown {
  const found = findField(attributes, name);
  return found && unwrapField(found.raw).value;
}

/** Like {@link readField}, but also says under which key the field was found. */
export function findField(
  attributes: Record<string, unknown> | undefined,
  name: string,
): { key: string; raw: unknown } | undefined {
  if (!attributes) return undefined;
  const variants = keyVariants(name);
  const fields = attributes.fields;
  if (isRecord(fields)) {
    for (const key of variants) {
      if (hasValue(unwrapField(fields[key]).value)) return { key, raw: fields[key] };
    }
  }
  for (const key of variants) {
    if (hasValue(attributes[key])) return { key, raw: attributes[key] };
  }
  return undefined;
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The value as text, or `undefined` when there is nothing to show. */
export function displayValue(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(displayValue).filter((item) => item !== undefined);
    return items.length > 0 ? items.join(', ') : undefined;
  }
  return JSON.stringify(value);
}

export function toFieldView(key: string, raw: unknown, label?: string): FieldView | undefined {
  const { value, type } = unwrapField(raw);
  const text = displayValue(value);
  if (text === undefined) return undefined;
  const name = toKebab(key);
  const view: FieldView = {
    key,
    name,
    label: label ?? fieldLabel(name),
    value: text,
    sensitive: isSensitiveField(name),
  };
  if (type !== undefined) view.type = type;
  return view;
}

/**
 * The inquiry's fields: the standard ones first (from `fields` or the legacy top level), then
 * every other field of the template in Persona's order, whatever its casing.
 */
export function collectInquiryFields(attributes: Record<string, unknown>): FieldView[] {
  const views: FieldView[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(inquiryFieldLabels)) {
    seen.add(name);
    const found = findField(attributes, name);
    const view = found && toFieldView(found.key, found.raw);
    if (view) views.push(view);
  }
  const fields = attributes.fields;
  if (isRecord(fields)) {
    for (const [key, raw] of Object.entries(fields)) {
      const name = toKebab(key);
      if (seen.has(name)) continue;
      seen.add(name);
      const view = toFieldView(key, raw);
      if (view) views.push(view);
    }
  }
  return views;
}
