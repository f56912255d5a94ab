// Tolerant schemas for the Persona bodies the client reads (API version 2025-12-08, with the
// 2023-01-05 shape accepted too). Shapes follow Persona’s official OpenAPI spec (docs/persona.md
// says where it lives, and #tolerant-parsing why it is not applied strictly), but nothing is
// required except a `data` object (or list): see schema-parts.ts for why. Each is built on first use
// (lazy.ts), not while the worker's script runs.
import * as z from 'zod/mini';
import { lazy } from '../lazy.ts';
import { normaliseKeys } from './key-inflection.ts';
import { count, flag, listOf, readList, record, resource, strings, text } from './schema-parts.ts';

export const inquiryAttributes = lazy(() =>
  z.looseObject({
    status: text(),
    'reference-id': text(),
    note: text(),
    tags: strings(),
    creator: text(),
    'reviewer-comment': text(),
    'previous-step-name': text(),
    'next-step-name': text(),
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
    'created-at': text(),
    'completed-at': text(),
    'redacted-at': text(),
    'report-template-version-name': text(),
    'has-match': flag(),
    'is-continuous': flag(),
    'is-recurring': flag(),
    tags: strings(),
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
      'session-token': text(),
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
