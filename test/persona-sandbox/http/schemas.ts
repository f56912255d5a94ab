import { z } from 'zod';
import { STATUS_ACTIONS, VERIFICATION_ACTIONS } from '../core/simulate.ts';

// Request bodies after key normalisation to kebab case (OAS 2025-12-08 requestBody schemas).
// Types are checked (→ 400); meaning, such as a template id's shape, is checked in the routes (→ 422).

const text = z.string().nullish();
const seconds = z.number().int().positive().nullish();
const fieldValues = z.record(z.string(), z.unknown()).nullish();

export const createInquiryBody = z.object({
  data: z
    .object({
      attributes: z
        .object({
          'inquiry-template-id': text,
          'inquiry-template-version-id': text,
          'template-id': text,
          'reference-id': text,
          'account-id': text,
          'creator-email-address': text,
          'redirect-uri': text,
          note: text,
          fields: fieldValues,
          tags: z.array(z.string()).nullish(),
        })
        .optional(),
    })
    .optional(),
  meta: z
    .object({
      'auto-create-account': z.boolean().optional(),
      'auto-create-account-reference-id': z.string().optional(),
      'auto-create-inquiry-session': z.boolean().optional(),
      'auto-create-one-time-link': z.boolean().optional(),
      'expiration-after-create-interval-seconds': seconds,
      'expiration-after-start-interval-seconds': seconds,
      'expiration-after-resume-interval-seconds': seconds,
      'one-time-link-expiration-seconds': seconds,
    })
    .optional(),
});

export const updateInquiryBody = z.object({
  data: z
    .object({
      attributes: z
        .object({
          note: text,
          fields: fieldValues,
          'redirect-uri': text,
          // Not in the OAS update body, but documented for PATCH
          // (docs.withpersona.com/api-reference/inquiries/update-an-inquiry).
          tags: z.array(z.string()).nullish(),
        })
        .optional(),
    })
    .optional(),
});

export const reviewBody = z.object({
  meta: z.object({ comment: z.string().nullish() }).optional(),
});

export const tagBody = z.object({
  meta: z.object({ 'tag-name': z.string().optional(), 'tag-id': z.string().optional() }).optional(),
});

export const setTagsBody = z.object({
  meta: z
    .object({
      'tag-name': z.array(z.string()).optional(),
      'tag-id': z.array(z.string()).optional(),
    })
    .optional(),
});

export const oneTimeLinkBody = z.object({
  meta: z.object({ 'expires-in-seconds': z.number().int().positive().optional() }).optional(),
});

export const simulateBody = z.object({
  meta: z.object({
    'simulate-actions': z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.enum(STATUS_ACTIONS) }),
        z.object({
          type: z.enum(VERIFICATION_ACTIONS),
          data: z.object({ 'verification-template-id': z.string() }),
        }),
      ]),
    ),
  }),
});
