// Tolerant schemas for the Persona bodies the client reads (API version 2025-12-08, with the
// 2023-01-05 shape accepted too). Shapes follow Persona’s official OpenAPI spec (docs/persona.md
// says where it lives, and #tolerant-parsing why it is not applied strictly), but nothing is
// required except a `data` object (or list): see schema-parts.ts for why. Each is a plain reader
// (tolerant.ts): nothing is built while the worker's script runs. Only attributes the desk reads
// are named: any other is kept as it comes, and naming it would cost the worker's script its
// bytes for nothing (an inquiry's creator and step names, a report's times and flags).
import { normaliseKeys } from './key-inflection.ts';
import {
  count,
  flag,
  label,
  listOf,
  record,
  resource,
  section,
  strings,
  text,
} from './schema-parts.ts';
import { objectReader, type Read, type Reader, readList, required } from './tolerant.ts';

export const inquiryAttributes = section({
  status: text,
  'reference-id': label,
  note: text,
  tags: strings,
  'reviewer-comment': text,
  'created-at': text,
  'started-at': text,
  'completed-at': text,
  'failed-at': text,
  'expired-at': text,
  'marked-for-review-at': text,
  'decisioned-at': text,
  'expires-at': text,
  'updated-at': text,
  'redacted-at': text,
  // Keys inside keep the template's casing; values are `{type, value}` or plain (fields.ts).
  fields: record,
});

export const reportAttributes = section({ status: text, 'has-match': flag });

export const inquiryResource = resource(inquiryAttributes);
export const reportResource = resource(reportAttributes);
/** Any resource in `included`; typed later by its `type`. */
export const anyResource = resource(record);

/** `meta` of create, resume and generate-one-time-link answers. */
export const documentMeta = section({
  'one-time-link': text,
  'one-time-link-short': text,
});

const pageLinks = section({ prev: text, next: text });

export const inquiryDocument = objectReader({
  data: required(inquiryResource),
  included: listOf(anyResource),
  meta: documentMeta,
});

export const inquiryListDocument = objectReader({
  data: required((value) => (Array.isArray(value) ? readList(value, inquiryResource) : undefined)),
  links: pageLinks,
});

export const resourceDocument = objectReader({
  data: required(anyResource),
  included: listOf(anyResource),
});

/** `GET /events`: a list of any resources (events, read by normalise-evidence.ts). */
export const eventListDocument = objectReader({ data: listOf(anyResource) });

/** `{errors: [{title, details, source: {pointer}, meta}]}`; JSON:API's `detail` also read. */
export const errorBody = objectReader({
  errors: listOf(
    objectReader({
      title: text,
      details: text,
      detail: text,
      source: section({ pointer: text, parameter: text }),
    }),
  ),
});

export const rateLimitsDocument = objectReader({
  data: listOf(resource(section({ limit: count, remaining: count, 'seconds-to-reset': count }))),
});

/** Undocumented `GET /api-keys/permissions` (docs/persona.md#key-checks). */
export const keyPermissionsDocument = objectReader({
  data: required(resource(section({ name: text, permissions: strings, 'expires-at': text }))),
});

export type InquiryDocument = Read<typeof inquiryDocument>;
export type AnyResource = Read<typeof anyResource>;

/** Keys to kebab, then `read`; `undefined` when the body does not have the required shape. */
export function parseBody<T>(read: Reader<T>, body: unknown): T | undefined {
  return read(normaliseKeys(body));
}
