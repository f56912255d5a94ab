// Verifications: shared attributes plus what each common type adds
// (docs/persona.md#verifications-and-checks; OAS
// 2025-12-08/components/schemas/verification-*.yaml). The type list is open
// (https://docs.withpersona.com/versioning): an unknown `verification/…` is read with the shared
// attributes and keeps all its other attributes as they are. Built on first use (lazy.ts), not
// while the worker's script runs.
import * as z from 'zod/mini';
import { lazy } from '../lazy.ts';
import {
  count,
  listOf,
  type ResourceRef,
  record,
  resource,
  strings,
  text,
} from './schema-parts.ts';
import type { AnyResource } from './schemas.ts';

export const check = lazy(() =>
  z.looseObject({
    name: text(),
    status: text(),
    reasons: strings(),
    requirement: text(),
    // `{}` in the OAS, `[]` in real snake-case payloads.
    metadata: record(),
  }),
);

const shared = () => ({
  status: text(),
  'created-at': text(),
  'submitted-at': text(),
  'completed-at': text(),
  'redacted-at': text(),
  'country-code': text(),
  tags: strings(),
  checks: listOf(check()),
});

const person = () => ({
  'name-first': text(),
  'name-middle': text(),
  'name-last': text(),
  birthdate: text(),
  'address-street-1': text(),
  'address-street-2': text(),
  'address-city': text(),
  'address-subdivision': text(),
  'address-postal-code': text(),
  'identification-number': text(),
  'document-number': text(),
});

export const genericVerificationAttributes = lazy(() => z.looseObject(shared()));
type GenericAttributes = ReturnType<typeof genericVerificationAttributes>;

export const verificationAttributes = lazy(
  (): Record<string, GenericAttributes> => ({
    'verification/government-id': z.looseObject({
      ...shared(),
      ...person(),
      'id-class': text(),
      'name-suffix': text(),
      'issuing-authority': text(),
      'issuing-subdivision': text(),
      nationality: text(),
      'issue-date': text(),
      'expiration-date': text(),
      sex: text(),
      'capture-method': text(),
      'entity-confidence-score': count(),
    }),
    'verification/selfie': z.looseObject({
      ...shared(),
      'capture-method': text(),
      'document-similarity-score': count(),
    }),
    'verification/database': z.looseObject({
      ...shared(),
      ...person(),
      'phone-number': text(),
      'email-address': text(),
    }),
    'verification/document': z.looseObject({
      ...shared(),
      'document-type': text(),
      fields: record(),
    }),
    'verification/phone-number': z.looseObject({ ...shared(), 'phone-number': text() }),
    'verification/email-address': z.looseObject({ ...shared(), 'email-address': text() }),
  }),
);

export type VerificationAttributes = z.output<GenericAttributes>;
export interface VerificationResource {
  type: string;
  id: string;
  attributes: VerificationAttributes;
  relationships: Record<string, ResourceRef[]>;
}

const generic = lazy(() => resource(genericVerificationAttributes()));

/** Reads an (already kebab-keyed) resource with the schema of its verification type. */
export function parseVerification(item: AnyResource): VerificationResource {
  const attributes = verificationAttributes()[item.type] ?? genericVerificationAttributes();
  const parsed = attributes.safeParse(item.attributes);
  const { type, id, relationships } = item;
  if (parsed.success) return { type, id, relationships, attributes: parsed.data };
  return generic().parse({ type, id });
}
