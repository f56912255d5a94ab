import { Hono } from 'hono';
import type { z } from 'zod';
import { applyFieldValues, createInquiry, type NewInquiry } from '../core/inquiries.ts';
import { assertNotRedacted } from '../core/lifecycle.ts';
import { redactInquiry } from '../core/redaction.ts';
import { createOneTimeLink, createSession, linkUrls, sessionToken } from '../core/sessions.ts';
import { readBody } from '../http/body.ts';
import type { SandboxEnv } from '../http/env.ts';
import { PersonaError, unprocessable } from '../http/errors.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { createInquiryBody, updateInquiryBody } from '../http/schemas.ts';
import { answerInquiry, findInquiry } from './lookup.ts';

type CreateAttributes = NonNullable<
  NonNullable<z.infer<typeof createInquiryBody>['data']>['attributes']
>;

const TEMPLATE_KINDS = [
  ['inquiry-template-id', /^itmpl_[A-Za-z0-9]+$/, 'an inquiry template id (itmpl_…)'],
  [
    'inquiry-template-version-id',
    /^itmplv_[A-Za-z0-9]+$/,
    'an inquiry template version id (itmplv_…)',
  ],
  ['template-id', /^tmpl_[A-Za-z0-9]+$/, 'a template id (tmpl_…)'],
] as const;

/** Exactly one template reference, well formed; any well-formed id is accepted. */
function templateOf(attributes: CreateAttributes) {
  const given = TEMPLATE_KINDS.filter(([key]) => attributes[key]);
  if (given.length === 0) {
    throw unprocessable(
      'Must pass in either template-id OR inquiry-template-id OR inquiry-template-version-id',
      '/data/attributes/inquiry-template-id',
    );
  }
  if (given.length > 1) {
    throw unprocessable(
      'Pass only one of template-id, inquiry-template-id and inquiry-template-version-id',
      `/data/attributes/${given[1]?.[0]}`,
    );
  }
  const [key, pattern, description] = given[0] as (typeof TEMPLATE_KINDS)[number];
  const value = attributes[key] ?? '';
  if (!pattern.test(value)) {
    throw unprocessable(`data.attributes.${key} must be ${description}`, `/data/attributes/${key}`);
  }
  return {
    templateId: key === 'inquiry-template-id' ? value : null,
    templateVersionId: key === 'inquiry-template-version-id' ? value : null,
    legacyTemplateId: key === 'template-id' ? value : null,
  };
}

function checkFields(fields: Record<string, unknown>): void {
  const birthdate = fields.birthdate;
  if (birthdate !== undefined && birthdate !== null) {
    if (typeof birthdate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birthdate)) {
      throw unprocessable(
        'Birthdate must be a date in YYYY-MM-DD format',
        '/data/attributes/fields/birthdate',
      );
    }
  }
}

export function inquiryRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  const { store } = runtime;

  app.post('/inquiries', async (c) => {
    const body = await readBody(c, createInquiryBody);
    const attributes = body.data?.attributes ?? {};
    const meta = body.meta ?? {};
    const template = templateOf(attributes);
    checkFields(attributes.fields ?? {});
    const accountId = attributes['account-id'] ?? null;
    if (accountId !== null && !store.accounts.has(accountId)) {
      throw new PersonaError(404, [
        { title: 'Record not found', details: 'data.attributes.account-id is not found' },
      ]);
    }
    if (meta['auto-create-account'] === false && meta['auto-create-account-reference-id']) {
      throw unprocessable(
        'auto-create-account-reference-id cannot be used when auto-create-account is false',
        '/meta/auto-create-account-reference-id',
      );
    }
    const now = c.get('render').now;
    const input: NewInquiry = {
      ...template,
      referenceId: attributes['reference-id'] ?? null,
      accountId,
      creator: attributes['creator-email-address'] ?? 'API',
      note: attributes.note ?? null,
      tags: attributes.tags ?? [],
      fields: attributes.fields ?? {},
      redirectUri: attributes['redirect-uri'] ?? null,
      autoCreateAccount: meta['auto-create-account'] !== false,
      accountReferenceId: meta['auto-create-account-reference-id'] ?? null,
      expiryAfterCreateSeconds: meta['expiration-after-create-interval-seconds'] ?? null,
      expiryAfterStartSeconds: meta['expiration-after-start-interval-seconds'] ?? null,
      expiryAfterResumeSeconds: meta['expiration-after-resume-interval-seconds'] ?? null,
      oneTimeLinkSeconds: meta['one-time-link-expiration-seconds'] ?? null,
    };
    const inquiry = createInquiry(store, input, now);
    const origin = new URL(c.req.url).origin;
    const answerMeta: Record<string, string | null> = {
      'session-token': null,
      'one-time-link': null,
      'one-time-link-short': null,
    };
    if (meta['auto-create-inquiry-session']) {
      answerMeta['session-token'] = sessionToken(
        runtime.secret,
        createSession(store, inquiry, now),
      );
    }
    if (meta['auto-create-one-time-link']) {
      const urls = linkUrls(origin, createOneTimeLink(store, inquiry, now, null));
      answerMeta['one-time-link'] = urls.long;
      answerMeta['one-time-link-short'] = urls.short;
    }
    store.touch(inquiry);
    return answerInquiry(c, runtime, inquiry, 201, answerMeta);
  });

  app.get('/inquiries/:id', (c) =>
    answerInquiry(c, runtime, findInquiry(runtime, c.req.param('id'))),
  );

  app.patch('/inquiries/:id', async (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const body = await readBody(c, updateInquiryBody);
    const attributes = body.data?.attributes ?? {};
    assertNotRedacted(inquiry);
    if (attributes.fields) {
      checkFields(attributes.fields);
      applyFieldValues(inquiry.fields, attributes.fields);
    }
    if (attributes.note !== undefined) inquiry.note = attributes.note;
    if (attributes['redirect-uri'] !== undefined) inquiry.redirectUri = attributes['redirect-uri'];
    if (attributes.tags !== undefined) inquiry.tags = [...new Set(attributes.tags ?? [])];
    inquiry.updatedAt = c.get('render').now;
    store.touch(inquiry);
    return answerInquiry(c, runtime, inquiry);
  });

  app.delete('/inquiries/:id', (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    redactInquiry(store, inquiry, c.get('render').now);
    return answerInquiry(c, runtime, inquiry);
  });

  return app;
}
