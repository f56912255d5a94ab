// Verifications: shared attributes plus what each common type adds
// (docs/persona.md#verifications-and-checks; OAS
// 2025-12-08/components/schemas/verification-*.yaml). The type list is open
// (https://docs.withpersona.com/versioning): an unknown `verification/…` is read with the shared
// attributes and keeps all its other attributes as they are.
import { isRecord } from '../is-record.ts';
import {
  count,
  label,
  listOf,
  type ResourceRef,
  record,
  resource,
  section,
  strings,
  text,
} from './schema-parts.ts';
import type { AnyResource } from './schemas.ts';
import { type AlwaysField, type ObjectOf, objectReader } from './tolerant.ts';

export const check = objectReader({
  name: text,
  status: text,
  reasons: strings,
  requirement: text,
});

// What every verification has that the desk reads; its times, country and tags are kept as they
// come (schemas.ts), and no card shows them (normalise-verification.ts `notShown`).
const shared = {
  status: text,
  checks: listOf(check),
};

// What a document or a database says of the person: a number sent where Persona's spec has a
// string (a first name, an ID number) is shown as its digits, as the inquiry's own fields are,
// not dropped from the card without a trace.
const person = {
  'name-first': label,
  'name-middle': label,
  'name-last': label,
  birthdate: label,
  'address-street-1': label,
  'address-street-2': label,
  'address-city': label,
  'address-subdivision': label,
  'address-postal-code': label,
  'identification-number': label,
  'document-number': label,
};

export type VerificationAttributes = ObjectOf<typeof shared>;
type Attributes = AlwaysField<VerificationAttributes>;

export const genericVerificationAttributes: Attributes = section(shared);

const governmentId = section({
  ...shared,
  ...person,
  'id-class': label,
  'name-suffix': label,
  'issuing-authority': label,
  'issuing-subdivision': label,
  nationality: label,
  'issue-date': label,
  'expiration-date': label,
  sex: label,
  'capture-method': text,
  'entity-confidence-score': count,
});
const selfie = section({
  ...shared,
  'capture-method': text,
  'document-similarity-score': count,
});
const database = section({
  ...shared,
  ...person,
  'phone-number': label,
  'email-address': label,
});
const document = section({ ...shared, 'document-type': text, fields: record });
const phoneNumber = section({ ...shared, 'phone-number': label });
const emailAddress = section({ ...shared, 'email-address': label });

/** Each common type's attributes; a type not named here is read with the shared ones. */
export const verificationAttributes: Readonly<Record<string, Attributes>> = {
  'verification/government-id': governmentId,
  'verification/selfie': selfie,
  'verification/database': database,
  'verification/document': document,
  'verification/phone-number': phoneNumber,
  'verification/email-address': emailAddress,
};

export interface VerificationResource {
  type: string;
  id: string;
  attributes: VerificationAttributes;
  relationships: Record<string, ResourceRef[]>;
}

const generic = resource(genericVerificationAttributes);

/** Reads an (already kebab-keyed) resource with the schema of its verification type. */
export function parseVerification(item: AnyResource): VerificationResource {
  const { type, id, relationships } = item;
  // Own keys only: a type such as `constructor` names no entry here.
  const attributes = Object.hasOwn(verificationAttributes, type)
    ? verificationAttributes[type]
    : undefined;
  if (isRecord(item.attributes)) {
    return {
      type,
      id,
      relationships,
      attributes: (attributes ?? genericVerificationAttributes).read(item.attributes),
    };
  }
  // Not read by anyResource (its attributes are always an object): read afresh, type and id only.
  return generic({ type, id }) as VerificationResource;
}
