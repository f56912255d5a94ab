// Reading personal data wherever the API version put it. From 2025-10-27 it lives only in
// `attributes.fields` as `{type, value}` pairs whose keys keep the template's casing; up to
// 2023-01-05 it is also at the top level of `attributes`
// (https://docs.withpersona.com/changelog/2025/10/27, docs/persona.md#fields).

import type { MessageKey } from '../i18n.ts';
import { isRecord } from '../is-record.ts';
import { keyVariants, toKebab } from './key-inflection.ts';
import { humanise } from './labels.ts';
import type { FieldView } from './view-model.ts';

/** The standard inquiry fields in the order a reviewer reads them. */
export const inquiryFields = [
  'name-first',
  'name-middle',
  'name-last',
  'name-suffix',
  'birthdate',
  'address-street-1',
  'address-street-2',
  'address-city',
  'address-subdivision',
  'address-postal-code',
  'address-country-code',
  'email-address',
  'phone-number',
  'identification-number',
  'social-security-number',
  'document-number',
] as const;

/**
 * Their words (the pages' labels, src/ui/components/view-labels.ts). The background uses the order
 * alone ({@link inquiryFields}), so it bundles none of these.
 */
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
} satisfies Record<(typeof inquiryFields)[number], MessageKey>;

// Identity numbers and birthdates are masked until revealed (docs/architecture.md#read-results).
// Custom fields keep each template's own names, so the rule goes by the words such a name is made
// of, as whole segments (not `valid-number`, `national-id-type`, `passport-number-country`):
// a number by its own name, written with `-number`, `-no`, `-nr`, `-num` or nothing after it
// (`passport-no`, `driver-license`, `cpf`); a word that names one only with such an ending
// (`tax-number`, `bank-account-number`, not `tax` or `account`); and a part of one, masked like
// all of it (`ssn-last4`, `SSN4`, `ssn_4`, `itin-last-four`, `ssn-last-4-digits`; not `tin-can`,
// `ssn-verified-at`). Masking a field that did not need it costs a click; missing one shows an
// identity number to whoever can see the screen, so the lists lean wide.
const named = [
  // A date of birth, or part of one, also written as one word (`dateofbirth`, `birthyear`) and in
  // the languages of the templates QA met (German, Spanish, French, Italian, Portuguese, Dutch).
  // Not where one was born (`birthplace`, `birth-country`).
  'birth-?(date|day|month|year)',
  'date-?of-?birth',
  'dob(-?(day|month|year))?',
  'geburts-?(datum|tag|jahr)',
  'fecha-?(de-?)?nacimiento',
  'date-?(de-?)?naissance',
  '(data|anno)-?(di|de)?-?(nascita|nascimento)',
  'geboorte-?datum',
  'i?ssn',
  'i?tin',
  'sin',
  'nin',
  'social-(security|insurance)',
  '(national|tax|taxpayer|steuer|personal|government|state|voter|citizen)-id',
  'national-identity',
  'id-card',
  'identity-card',
  'passport',
  '(drivers?-)?licen[cs]e',
  'residence-permit',
  'tax-file',
  'document-id',
  'doc-id',
  'numero-(de-)?(documento|identidad|identificacion)',
  'cedula',
  'credit-card',
  'ein',
  // National numbers known by their own names: Brazil, Mexico, Singapore, India (three
  // spellings), the Netherlands, Spain (three), Sweden, Italy, Mexico's and Chile's and
  // Argentina's tax numbers, Poland, Indonesia; and a bank account's IBAN.
  'cpf',
  'curp',
  'nric',
  'aadh?aa?r',
  'pan',
  'bsn',
  'dni',
  'nie',
  'nif',
  'personnummer',
  'codice-fiscale',
  'rfc',
  'rut',
  'cuit',
  'pesel',
  'nik',
  'iban',
];
const numbered = [
  'identification',
  'identity',
  'id',
  'insurance',
  'tax',
  'document',
  'doc',
  'ni',
  'card',
  'account',
  'personal',
  // A driver's licence (`dl-number`), Australia's Medicare card, a visa.
  'dl',
  'medicare',
  'visa',
];
// Also in the plural: a hash field's list of them (`identification_numbers`).
const NUMBER = '-?(number|no|nr|num)s?';
// Built on first use, not when the module loads: the background's script, which never masks,
// then carries none of it.
let sensitive: RegExp | undefined;

export function isSensitiveField(name: string): boolean {
  sensitive ??= new RegExp(
    `(^|-)((${named.join('|')})(${NUMBER})?|(${numbered.join('|')})${NUMBER})(-(full|fin))?(-?last)?(-?(\\d+|four))?(-digits?)?$`,
  );
  // Lower case: a name with `_` or `-` keeps its capitals through toKebab (`Passport_Number`).
  return sensitive.test(toKebab(name).toLowerCase());
}

/** Masked until the reviewer reveals it: a sensitive field with a value (a dash hides nothing). */
export function isMaskedField(field: FieldView | undefined): boolean {
  return field !== undefined && field.value !== NO_VALUE && isSensitiveField(field.name);
}

/**
 * A field's value: `{type, value}` is unwrapped, a plain value kept. The spec does not require
 * `value` in a field object (OAS 2025-12-08, inquiry `fields`), so `{type}` alone is a field
 * without a value, not a value. The declared type is not kept: no page shows it.
 */
export function unwrapField(raw: unknown): unknown {
  return isRecord(raw) && ('value' in raw || isFieldType(raw)) ? raw.value : raw;
}

/** `{type: "string"}` and nothing else but perhaps a `value`: a field object, not data. */
function isFieldType(raw: Record<string, unknown>): boolean {
  return (
    typeof raw.type === 'string' && Object.keys(raw).every((k) => k === 'type' || k === 'value')
  );
}

/** Shown for a field the template has but the inquiry has no value for yet. */
export const NO_VALUE = '—';

/**
 * A field by its kebab, snake or camel name: first from `attributes.fields`, then from the
 * legacy top level. Returns `undefined` when neither has a non-null value.
 */
export function readField(attributes: Record<string, unknown> | undefined, name: string): unknown {
  const found = findField(attributes, name);
  return found && unwrapField(found.raw);
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
      if (hasValue(unwrapField(fields[key]))) return { key, raw: fields[key] };
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

/**
 * The value as text, or `undefined` when there is nothing to show. Objects (custom selfie, file
 * or document fields: `{id: "self_…", type: "Selfie::ProfileAndCenter"}`) show by their type and
 * id; other objects by their entries, a list or object among them in brackets: never as raw JSON.
 */
export function displayValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  // Blank is no value: shown as a dash, not as an empty row.
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    // A list field's items are `{type, value}` pairs themselves: each shows by its value.
    const items = value.map(part).filter((item) => item !== undefined);
    return items.length > 0 ? items.join(', ') : undefined;
  }
  if (isRecord(value)) return displayObject(value);
  return undefined;
}

/**
 * An item of a list or an entry of an object. A hash field's entries are field objects
 * themselves (`{type: "string", value: "Jane"}`), each shown by its value. A list or an object
 * inside shows in brackets, so its commas are not read as the outer ones: left out, as they were,
 * a value Persona sent was hidden with no sign.
 */
function part(raw: unknown): string | undefined {
  const v = unwrapField(raw);
  const text = displayValue(v);
  return text !== undefined && typeof v === 'object' ? `(${text})` : text;
}

function displayObject(value: Record<string, unknown>): string | undefined {
  const type = typeof value.type === 'string' ? value.type : undefined;
  const id = typeof value.id === 'string' ? value.id : undefined;
  if (type || id) return [type, id].filter(Boolean).join(' ');
  const entries = Object.entries(value)
    .map(([k, raw]) => {
      const text = part(raw);
      return text === undefined ? undefined : `${humanise(toKebab(k))}: ${text}`;
    })
    .filter((entry) => entry !== undefined);
  return entries.length > 0 ? entries.join(', ') : undefined;
}

/**
 * A field as the reviewer sees it. An empty value is left out, or shown as a dash when
 * `emptyAsDash` (the inquiry's template fields: the reviewer sees the field is there but empty).
 */
export function toFieldView(key: string, raw: unknown, emptyAsDash = false): FieldView | undefined {
  const text = displayValue(unwrapField(raw));
  if (text === undefined && !emptyAsDash) return undefined;
  return { key, name: toKebab(key), value: text ?? NO_VALUE };
}

/**
 * The inquiry's fields: the standard ones first (from `fields` or the legacy top level), then
 * every other field of the template in Persona's order, whatever its casing.
 */
export function collectInquiryFields(attributes: Record<string, unknown>): FieldView[] {
  const views: FieldView[] = [];
  // A standard field the template has (its object is there) but the person has not filled.
  const templateFieldWithoutValue = (name: string) => {
    const fields = attributes.fields;
    if (!isRecord(fields)) return undefined;
    const key = keyVariants(name).find((k) => k in fields);
    return key === undefined ? undefined : toFieldView(key, fields[key], true);
  };
  const seen = new Set<string>();
  for (const name of inquiryFields) {
    seen.add(name);
    const found = findField(attributes, name);
    // Found but blank (`""`): the template's field without a value, as a null one is.
    const view = (found && toFieldView(found.key, found.raw)) ?? templateFieldWithoutValue(name);
    if (view) views.push(view);
  }
  const fields = attributes.fields;
  if (isRecord(fields)) {
    for (const [key, raw] of Object.entries(fields)) {
      const name = toKebab(key);
      if (seen.has(name)) continue;
      seen.add(name);
      const view = toFieldView(key, raw, true);
      if (view) views.push(view);
    }
  }
  return views;
}
