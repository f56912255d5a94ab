// The zod/mini schemas that read Persona's bodies until they were replaced by the zod-free readers
// of src/shared/persona (tolerant.ts), copied as they were (schema-parts.ts, schemas.ts,
// verification-schemas.ts and the events list of inquiry-reads.ts), less the attributes the
// readers later stopped naming because nothing reads them (an inquiry's creator and step names,
// a report's and a verification's times, tags and flags, a check's metadata, a create's session
// token): unnamed, they are kept as they come, here as there. Test-only: tolerant.test.ts holds
// the readers to this oracle's answers, value for value and key for key.
import * as z from 'zod/mini';
import { isRecord } from '../../../../src/shared/is-record.ts';
import { normaliseKeys } from '../../../../src/shared/persona/key-inflection.ts';

/** src/shared/lazy.ts as it was, kept here so the oracle depends on nothing that may change. */
function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

// ---- schema-parts.ts
/** A value read by `pick`; an absent key stays absent (zod needs `optional` for that). */
function maybe<T>(pick: (value: unknown) => T | undefined) {
  return z.optional(z.pipe(z.unknown(), z.transform(pick)));
}

/** A value that is always there: `read` turns absence (given as null) into a fresh default. */
export function always<T>(read: (value: unknown) => T) {
  return z.prefault(z.pipe(z.unknown(), z.transform(read)), null);
}

/** A string, or `undefined` for absent, null or not-a-string. */
export const text = lazy(() => maybe((value) => (typeof value === 'string' ? value : undefined)));

/** A string, or a finite number as its digits (schema-parts.ts `label`). */
export const label = lazy(() =>
  maybe((value) =>
    typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : typeof value === 'string'
        ? value
        : undefined,
  ),
);

export const flag = lazy(() => maybe((value) => (typeof value === 'boolean' ? value : undefined)));

export const count = lazy(() =>
  maybe((value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)),
);

/** The strings of a list; anything else in it (or a list that is not one) is dropped. */
export const strings = lazy(() =>
  always((value) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [],
  ),
);

/** Any object; `[]`, null or absent become `{}` (check `metadata` arrives as either). */
export const record = lazy(() =>
  always((value): Record<string, unknown> => (isRecord(value) ? value : {})),
);

/** The items of a list that match `schema`; the others are skipped rather than failing. */
export function listOf<S extends z.ZodMiniType>(schema: S) {
  return always((value) => readList(value, schema));
}

export function readList<S extends z.ZodMiniType>(value: unknown, schema: S): z.output<S>[] {
  const items: z.output<S>[] = [];
  if (!Array.isArray(value)) return items;
  for (const item of value) {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
  }
  return items;
}

export interface ResourceRef {
  type: string;
  id: string;
}

/** Relationship `data` may be null, `{}`, one object or a list; the OAS examples show all four. */
export function toRefs(data: unknown): ResourceRef[] {
  const items = Array.isArray(data) ? data : [data];
  const refs: ResourceRef[] = [];
  for (const item of items) {
    if (!isRecord(item) || typeof item.id !== 'string' || item.id === '') continue;
    refs.push({ type: typeof item.type === 'string' ? item.type : '', id: item.id });
  }
  return refs;
}

/** `relationships` as a map of name → references (empty list for "no relation"). */
export const relationships = lazy(() =>
  always((value) => {
    const out: Record<string, ResourceRef[]> = {};
    if (!isRecord(value)) return out;
    for (const [name, relation] of Object.entries(value)) {
      out[name] = toRefs(isRecord(relation) ? relation.data : undefined);
    }
    return out;
  }),
);

/** A JSON:API resource object whose `attributes` follow `attributes` (missing → `{}`). */
export function resource<A extends z.ZodMiniType>(attributes: A) {
  return z.looseObject({
    // Not z.catch: it pulls zod's error formatting into the bundle (~3 KB gzip) for nothing here.
    type: always((value) => (typeof value === 'string' ? value : '')),
    id: always((value) => (typeof value === 'string' ? value : '')),
    // Attribute schemas accept any object, so parse() cannot throw here.
    attributes: always((value): z.output<A> => attributes.parse(isRecord(value) ? value : {})),
    relationships: relationships(),
  });
}

// ---- schemas.ts
export const inquiryAttributes = lazy(() =>
  z.looseObject({
    status: text(),
    'reference-id': label(),
    note: text(),
    tags: strings(),
    'reviewer-comment': text(),
    'created-at': text(),
    'started-at': text(),
    'completed-at': text(),
    'failed-at': text(),
    'expired-at': text(),
    'marked-for-review-at': text(),
    'decisioned-at': text(),
    'expires-at': text(),
    'updated-at': text(),
    'redacted-at': text(),
    // Keys inside keep the template's casing; values are `{type, value}` or plain (fields.ts).
    fields: record(),
  }),
);

export const reportAttributes = lazy(() =>
  z.looseObject({
    status: text(),
    'has-match': flag(),
  }),
);

export const inquiryResource = lazy(() => resource(inquiryAttributes()));
export const reportResource = lazy(() => resource(reportAttributes()));
/** Any resource in `included`; typed later by its `type`. */
export const anyResource = lazy(() => resource(record()));

/** `meta` of create, resume and generate-one-time-link answers. */
export const documentMeta = lazy(() =>
  z.pipe(
    record(),
    z.looseObject({
      'one-time-link': text(),
      'one-time-link-short': text(),
    }),
  ),
);

const pageLinks = lazy(() => z.pipe(record(), z.looseObject({ prev: text(), next: text() })));

export const inquiryDocument = lazy(() =>
  z.looseObject({
    data: inquiryResource(),
    included: listOf(anyResource()),
    meta: documentMeta(),
  }),
);

export const inquiryListDocument = lazy(() =>
  z.looseObject({
    data: z.pipe(
      z.array(z.unknown()),
      z.transform((items) => readList(items, inquiryResource())),
    ),
    links: pageLinks(),
  }),
);

export const resourceDocument = lazy(() =>
  z.looseObject({ data: anyResource(), included: listOf(anyResource()) }),
);

/** `{errors: [{title, details, source: {pointer}, meta}]}`; JSON:API's `detail` also read. */
export const errorBody = lazy(() =>
  z.looseObject({
    errors: listOf(
      z.looseObject({
        title: text(),
        details: text(),
        detail: text(),
        source: z.pipe(record(), z.looseObject({ pointer: text(), parameter: text() })),
      }),
    ),
  }),
);

export const rateLimitsDocument = lazy(() =>
  z.looseObject({
    data: listOf(
      resource(z.looseObject({ limit: count(), remaining: count(), 'seconds-to-reset': count() })),
    ),
  }),
);

/** Undocumented `GET /api-keys/permissions` (docs/persona.md#key-checks). */
export const keyPermissionsDocument = lazy(() =>
  z.looseObject({
    data: resource(z.looseObject({ name: text(), permissions: strings(), 'expires-at': text() })),
  }),
);

export type InquiryDocument = z.output<ReturnType<typeof inquiryDocument>>;
export type AnyResource = z.output<ReturnType<typeof anyResource>>;

/** Keys to kebab, then `schema`; `undefined` when the body does not have the required shape. */
export function parseBody<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
): z.output<S> | undefined {
  const parsed = schema.safeParse(normaliseKeys(body));
  return parsed.success ? parsed.data : undefined;
}

// ---- verification-schemas.ts
export const check = lazy(() =>
  z.looseObject({
    name: text(),
    status: text(),
    reasons: strings(),
    requirement: text(),
  }),
);

const shared = () => ({
  status: text(),
  checks: listOf(check()),
});

const person = () => ({
  'name-first': label(),
  'name-middle': label(),
  'name-last': label(),
  birthdate: label(),
  'address-street-1': label(),
  'address-street-2': label(),
  'address-city': label(),
  'address-subdivision': label(),
  'address-postal-code': label(),
  'identification-number': label(),
  'document-number': label(),
});

export const genericVerificationAttributes = lazy(() => z.looseObject(shared()));
type GenericAttributes = ReturnType<typeof genericVerificationAttributes>;

export const verificationAttributes = lazy(
  (): Record<string, GenericAttributes> => ({
    'verification/government-id': z.looseObject({
      ...shared(),
      ...person(),
      'id-class': label(),
      'name-suffix': label(),
      'issuing-authority': label(),
      'issuing-subdivision': label(),
      nationality: label(),
      'issue-date': label(),
      'expiration-date': label(),
      sex: label(),
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
      'phone-number': label(),
      'email-address': label(),
    }),
    'verification/document': z.looseObject({
      ...shared(),
      'document-type': text(),
      fields: record(),
    }),
    'verification/phone-number': z.looseObject({ ...shared(), 'phone-number': label() }),
    'verification/email-address': z.looseObject({ ...shared(), 'email-address': label() }),
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

// ---- inquiry-reads.ts
export const eventList = lazy(() => z.looseObject({ data: listOf(anyResource()) }));
