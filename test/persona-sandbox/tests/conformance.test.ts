// @vitest-environment node
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type ApiResponse,
  apiClient,
  createBody,
  createInquiry,
  type Json,
  simulate,
  startTestSandbox,
  type TestSandbox,
} from './helpers.ts';

// Every kind of answer the sandbox gives is validated against the response schemas of Persona's
// official OpenAPI spec (vendored subset, see fixtures/NOTICE). The schemas forbid unknown
// properties, so passing means the bodies carry nothing Persona's spec does not know.

function loadSpec(file: string, id: string): Json {
  const spec = JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
  spec.$id = id;
  return spec;
}

const current = loadSpec('persona-openapi-2025-12-08.subset.json', 'persona-2025-12-08');
const legacy = loadSpec('persona-openapi-2023-01-05.subset.json', 'persona-2023-01-05');
// Sparse fieldsets drop attributes the spec marks as required; the spec cannot describe them,
// so those answers are checked against a copy without `required` on inquiry attributes.
const sparse = structuredClone(current);
sparse.$id = 'persona-2025-12-08-sparse';
delete sparse.components.schemas.inquiry.properties.attributes.required;

// inlineRefs: false compiles each referenced schema once instead of inlining it at every use:
// the same checks, compiled in a tenth of the time.
const ajv = new Ajv2020({ strict: false, allErrors: true, inlineRefs: false });
addFormats(ajv);
// A format name the spec uses on some report schemas; any value is fine.
ajv.addFormat('integer', true);
for (const spec of [current, legacy, sparse]) ajv.addSchema(spec);

function validatorFor(specId: string, pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`${specId}#${pointer}`);
  if (!validate) throw new Error(`no schema at ${specId}#${pointer}`);
  return validate;
}

/**
 * `data` and each `included` resource against its own schema, picked by `type` through the
 * spec's discriminator mapping: what the full response schema checks, without compiling its
 * sixty-way union again for a second spec.
 */
function expectResourcesConform(body: Json, specId: string, spec: Json) {
  const mapping = spec.components.schemas['inquiry-included-objects'].items.discriminator.mapping;
  const resources: Json[] = [
    ...(Array.isArray(body.data) ? body.data : [body.data]),
    ...(body.included ?? []),
  ];
  for (const resource of resources) {
    const ref =
      resource.type === 'inquiry' ? '#/components/schemas/inquiry' : mapping[resource.type];
    expect(ref, `no schema for ${resource.type}`).toBeDefined();
    const validate = validatorFor(specId, (ref as string).slice(1));
    expect(validate(resource) ? [] : validate.errors, `${resource.type} ${resource.id}`).toEqual(
      [],
    );
  }
}

const covered = new Map<string, Set<number>>();

function expectConforms(operationId: string, response: ApiResponse, specId = 'persona-2025-12-08') {
  const pointer = `/operations/${operationId}/responses/${response.status}`;
  const validate = validatorFor(specId, pointer);
  const valid = validate(response.body);
  expect(
    valid ? [] : validate.errors,
    `${operationId} ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
  ).toEqual([]);
  const statuses = covered.get(operationId) ?? new Set<number>();
  statuses.add(response.status);
  covered.set(operationId, statuses);
}

// Compiling the spec's big polymorphic `included` schema takes seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestSandbox;
let forbidden: ReturnType<typeof apiClient>;
let anonymous: ReturnType<typeof apiClient>;
let finished: Record<string, string>;

beforeAll(async () => {
  for (const [operationId, operation] of Object.entries(
    current.operations as Record<string, Json>,
  )) {
    for (const status of Object.keys(operation.responses)) {
      validatorFor('persona-2025-12-08', `/operations/${operationId}/responses/${status}`);
    }
  }
  t = await startTestSandbox({ rateLimitPerMinute: 100_000 });
  forbidden = apiClient(t.sandbox, 'persona_sandbox_forbidden_conformance');
  anonymous = apiClient(t.sandbox, null);
  finished = {};
  for (const outcome of ['passed', 'failed', 'needs_review'] as const) {
    const { data } = await createInquiry(t.api, { 'reference-id': `conf-${outcome}`, tags: ['x'] });
    await t.controls.finish(data.id, outcome);
    finished[outcome] = data.id;
  }
});
afterAll(() => t.sandbox.close());

/** 401, 403 and 429 are the same on every operation; check them once per operation. */
async function commonErrors(operationId: string, method: string, path: string, body?: unknown) {
  expectConforms(operationId, await anonymous.request(method, path, body));
  expectConforms(
    operationId,
    await apiClient(t.sandbox, 'persona_production_x').request(method, path, body),
  );
  if (!path.startsWith('/rate-limits')) {
    const denied = await forbidden.request(method, path, body);
    expect(denied.status).toBe(403);
    expectConforms(operationId, denied);
  }
  await t.controls.setFaults({ next429: 1 });
  const limited = await t.api.request(method, path, body);
  expect(limited.status).toBe(429);
  expectConforms(operationId, limited);
}

const ALL_INCLUDES = 'include=verifications,reports,sessions,account,inquiry-template';

describe('2025-12-08 responses conform to the official spec', () => {
  it('create-an-inquiry: 201, 400, 404, 422 and the common errors', async () => {
    const op = 'create-an-inquiry';
    expectConforms(op, await t.api.post('/inquiries', createBody()));
    expectConforms(
      op,
      await t.api.post(
        `/inquiries?${ALL_INCLUDES}`,
        createBody(
          {
            'reference-id': 'r',
            note: 'n',
            tags: ['a'],
            fields: { 'name-first': 'Ada', birthdate: '1990-01-02', custom: 3 },
          },
          { 'auto-create-one-time-link': true, 'auto-create-inquiry-session': true },
        ),
      ),
    );
    expectConforms(
      op,
      await t.api.post('/inquiries', { data: { attributes: { 'template-id': 'tmpl_Legacy1' } } }),
    );
    expectConforms(op, await t.api.post('/inquiries', createBody({ tags: 'x' })));
    expectConforms(op, await t.api.post('/inquiries', createBody({ 'account-id': 'act_nope' })));
    expectConforms(op, await t.api.post('/inquiries', { data: { attributes: {} } }));
    const headers = { 'Idempotency-Key': 'conformance-mismatch' };
    await t.api.post('/inquiries', createBody({ note: '1' }), headers);
    expectConforms(op, await t.api.post('/inquiries', createBody({ note: '2' }), headers));
    await commonErrors(op, 'POST', '/inquiries', createBody());
    await t.controls.setFaults({ nextQuota429: 1 });
    const quota = await t.api.post('/inquiries', createBody());
    expect(quota.body.errors[0].title).toBe('Quota exceeded');
    expectConforms(op, quota);
  });

  it('retrieve-an-inquiry: every status and outcome, with everything included', async () => {
    const op = 'retrieve-an-inquiry';
    for (const id of Object.values(finished)) {
      expectConforms(op, await t.api.get(`/inquiries/${id}?${ALL_INCLUDES}`));
    }
    for (const actions of [
      [],
      ['start_inquiry'],
      ['expire_inquiry'],
      ['start_inquiry', 'complete_inquiry', 'approve_inquiry'],
    ]) {
      const { data } = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
      await simulate(t.api, data.id, ...actions);
      expectConforms(op, await t.api.get(`/inquiries/${data.id}?${ALL_INCLUDES}`));
    }
    const { data } = await createInquiry(t.api, {
      'inquiry-template-id': undefined,
      'inquiry-template-version-id': 'itmplv_V1',
    });
    expectConforms(
      op,
      await t.api.get(`/inquiries/${data.id}?include=inquiry-template,documents,selfies`),
    );
    expectConforms(op, await t.api.get(`/inquiries/${data.id}?include=nonsense`));
    expectConforms(op, await t.api.get('/inquiries/inq_missing'));
    await commonErrors(op, 'GET', `/inquiries/${data.id}`);
  });

  it('list-all-inquiries: pages, filters and errors', async () => {
    const op = 'list-all-inquiries';
    await t.controls.seed(24);
    expectConforms(op, await t.api.get('/inquiries?page[size]=100'));
    const first = await t.api.get(
      '/inquiries?page[size]=5&filter[status]=completed,approved,declined',
    );
    expectConforms(op, first);
    expectConforms(op, await t.api.get(`${t.sandbox.origin}${first.body.links.next}`));
    expectConforms(op, await t.api.get('/inquiries?page[size]=0'));
    expectConforms(op, await t.api.get('/inquiries?include=verifications'));
    expectConforms(op, await t.api.get(`/inquiries?filter[inquiry-id]=${'inq_x,'.repeat(101)}`));
    await commonErrors(op, 'GET', '/inquiries');
  });

  it('update-an-inquiry and redact-an-inquiry', async () => {
    const { data } = await createInquiry(t.api);
    const update = 'update-an-inquiry';
    expectConforms(
      update,
      await t.api.patch(`/inquiries/${data.id}`, {
        data: { attributes: { note: 'x', fields: { 'name-last': 'Doe' } } },
      }),
    );
    expectConforms(
      update,
      await t.api.patch(`/inquiries/${data.id}`, { data: { attributes: { note: 1 } } }),
    );
    expectConforms(
      update,
      await t.api.patch(`/inquiries/${data.id}`, {
        data: { attributes: { fields: { birthdate: 'x' } } },
      }),
    );
    expectConforms(update, await t.api.patch('/inquiries/inq_missing', {}));
    await commonErrors(update, 'PATCH', `/inquiries/${data.id}`, {});
    const redact = 'redact-an-inquiry';
    const done = finished.passed as string;
    expectConforms(redact, await t.api.delete(`/inquiries/${done}?${ALL_INCLUDES}`));
    expectConforms(redact, await t.api.delete(`/inquiries/${done}`));
    expectConforms(redact, await t.api.delete('/inquiries/inq_missing'));
    expectConforms(
      update,
      await t.api.patch(`/inquiries/${done}`, { data: { attributes: { note: 'x' } } }),
    );
    expectConforms('retrieve-an-inquiry', await t.api.get(`/inquiries/${done}?${ALL_INCLUDES}`));
    await commonErrors(redact, 'DELETE', `/inquiries/${data.id}`);
  });

  it('approve, decline, mark-for-review, expire and resume', async () => {
    const make = async (...actions: string[]) => {
      const { data } = await createInquiry(t.api);
      await simulate(t.api, data.id, ...actions);
      return data.id as string;
    };
    for (const [op, path] of [
      ['approve-an-inquiry', 'approve'],
      ['decline-an-inquiry', 'decline'],
    ] as const) {
      expectConforms(
        op,
        await t.api.post(`/inquiries/${await make('complete_inquiry')}/${path}?${ALL_INCLUDES}`, {
          meta: { comment: 'ok' },
        }),
      );
      // Undecided inquiries of every status can be decided: here straight from `created`.
      const fromCreated = await t.api.post(`/inquiries/${await make()}/${path}`);
      expect(fromCreated.status).toBe(200);
      expectConforms(op, fromCreated);
      const switched = await t.api.post(
        `/inquiries/${await make(path === 'approve' ? 'decline_inquiry' : 'approve_inquiry')}/${path}`,
      );
      expect(switched.status).toBe(409);
      expectConforms(op, switched);
      expectConforms(
        op,
        await t.api.post(`/inquiries/${await make('complete_inquiry')}/${path}`, {
          meta: { comment: 1 },
        }),
      );
      expectConforms(op, await t.api.post(`/inquiries/inq_missing/${path}`));
      await commonErrors(op, 'POST', `/inquiries/${await make('complete_inquiry')}/${path}`);
    }
    const review = 'mark-an-inquiry-for-review';
    expectConforms(
      review,
      await t.api.post(`/inquiries/${await make('complete_inquiry')}/mark-for-review`),
    );
    expectConforms(
      review,
      await t.api.post(
        `/inquiries/${await make('complete_inquiry', 'approve_inquiry')}/mark-for-review`,
      ),
    );
    expectConforms(review, await t.api.post('/inquiries/inq_missing/mark-for-review'));
    await commonErrors(review, 'POST', `/inquiries/${await make()}/mark-for-review`);
    const expire = 'expire-an-inquiry';
    expectConforms(
      expire,
      await t.api.post(`/inquiries/${await make('start_inquiry')}/expire?include=sessions`),
    );
    expectConforms(expire, await t.api.post(`/inquiries/${await make('complete_inquiry')}/expire`));
    expectConforms(expire, await t.api.post('/inquiries/inq_missing/expire'));
    await commonErrors(expire, 'POST', `/inquiries/${await make()}/expire`);
    const resume = 'resume-an-inquiry';
    expectConforms(
      resume,
      await t.api.post(`/inquiries/${await make('expire_inquiry')}/resume?include=sessions`),
    );
    expectConforms(resume, await t.api.post(`/inquiries/${await make()}/resume`));
    expectConforms(resume, await t.api.post('/inquiries/inq_missing/resume'));
    await commonErrors(resume, 'POST', `/inquiries/${await make('start_inquiry')}/resume`);
  });

  it('generate-a-one-time-link and the tag endpoints', async () => {
    const { data } = await createInquiry(t.api);
    const link = 'generate-a-one-time-link';
    expectConforms(
      link,
      await t.api.post(`/inquiries/${data.id}/generate-one-time-link`, {
        meta: { 'expires-in-seconds': 60 },
      }),
    );
    expectConforms(
      link,
      await t.api.post(`/inquiries/${data.id}/generate-one-time-link`, {
        meta: { 'expires-in-seconds': 'x' },
      }),
    );
    expectConforms(link, await t.api.post(`/inquiries/${finished.failed}/generate-one-time-link`));
    expectConforms(link, await t.api.post('/inquiries/inq_missing/generate-one-time-link'));
    await commonErrors(link, 'POST', `/inquiries/${data.id}/generate-one-time-link`);
    for (const [op, path, body] of [
      ['inquiries-add-tag', 'add-tag', { meta: { 'tag-name': 'a' } }],
      ['inquiries-remove-tag', 'remove-tag', { meta: { 'tag-name': 'a' } }],
      ['inquiries-set-all-tags', 'set-tags', { meta: { 'tag-name': ['a', 'b'] } }],
    ] as const) {
      expectConforms(op, await t.api.post(`/inquiries/${data.id}/${path}`, body));
      expectConforms(op, await t.api.post(`/inquiries/${data.id}/${path}`, { meta: {} }));
      expectConforms(
        op,
        await t.api.post(`/inquiries/${data.id}/${path}`, { meta: { 'tag-name': 5 } }),
      );
      expectConforms(op, await t.api.post(`/inquiries/inq_missing/${path}`, body));
      await commonErrors(op, 'POST', `/inquiries/${data.id}/${path}`, body);
    }
  });

  it('inquiries-perform-simulate-actions', async () => {
    const op = 'inquiries-perform-simulate-actions';
    const { data } = await createInquiry(t.api);
    expectConforms(
      op,
      await t.api.post(`/inquiries/${data.id}/perform-simulate-actions?include=verifications`, {
        meta: {
          'simulate-actions': [
            { type: 'start_inquiry' },
            {
              type: 'create_passed_verification',
              data: { 'verification-template-id': 'vtmpl_gov' },
            },
            {
              type: 'create_failed_verification',
              data: { 'verification-template-id': 'vtmpl_selfie' },
            },
            {
              type: 'create_failed_verification',
              data: { 'verification-template-id': 'vtmpl_database' },
            },
            { type: 'fail_inquiry' },
            { type: 'decline_inquiry' },
          ],
        },
      }),
    );
    expectConforms(op, await simulate(t.api, data.id, 'start_inquiry'));
    expectConforms(op, await simulate(t.api, data.id, 'warp_inquiry'));
    expectConforms(op, await simulate(t.api, 'inq_missing', 'start_inquiry'));
    await commonErrors(op, 'POST', `/inquiries/${data.id}/perform-simulate-actions`, {
      meta: { 'simulate-actions': [] },
    });
  });

  it('verifications, generic and typed', async () => {
    const detail = await t.api.get(`/inquiries/${finished.needs_review}`);
    const refs = detail.body.data.relationships.verifications.data as {
      id: string;
      type: string;
    }[];
    const typed: Record<string, [string, string]> = {
      'verification/government-id': ['retrieve-a-government-id-verification', 'government-ids'],
      'verification/selfie': ['retrieve-a-selfie-verification', 'selfies'],
      'verification/database': ['retrieve-a-database-verification', 'databases'],
    };
    for (const outcome of Object.values(finished)) {
      const { body } = await t.api.get(`/inquiries/${outcome}`);
      for (const ref of body.data.relationships.verifications.data as {
        id: string;
        type: string;
      }[]) {
        expectConforms(
          'retrieve-a-verification',
          await t.api.get(`/verifications/${ref.id}?include=inquiry,inquiry-template`),
        );
        const [op, segment] = typed[ref.type] as [string, string];
        expectConforms(op, await t.api.get(`/verification/${segment}/${ref.id}`));
      }
    }
    expectConforms(
      'retrieve-a-verification',
      await t.api.get(`/verifications/${refs[0]?.id}?include=bogus`),
    );
    expectConforms('retrieve-a-verification', await t.api.get('/verifications/ver_missing'));
    await commonErrors('retrieve-a-verification', 'GET', `/verifications/${refs[0]?.id}`);
    for (const [op, segment] of Object.values(typed)) {
      expectConforms(op, await t.api.get(`/verification/${segment}/ver_missing`));
      await commonErrors(op, 'GET', `/verification/${segment}/${refs[0]?.id}`);
    }
  });

  it('retrieve-a-report, list-all-events and print-an-inquiry-pdf', async () => {
    const detail = await t.api.get(`/inquiries/${finished.needs_review}`);
    const reportId = detail.body.data.relationships.reports.data[0].id as string;
    const report = 'retrieve-a-report';
    const matched = await t.api.get(`/reports/${reportId}?include=inquiry,account`);
    expect(matched.body.data.attributes['matched-lists'].length).toBeGreaterThan(0);
    expectConforms(report, matched);
    expectConforms(report, await t.api.get(`/reports/${reportId}`));
    expectConforms(report, await t.api.get(`/reports/${reportId}?include=bogus`));
    expectConforms(report, await t.api.get('/reports/rep_missing'));
    await commonErrors(report, 'GET', `/reports/${reportId}`);

    const events = 'list-all-events';
    const decided = (await t.controls.seed(2, { statuses: ['approved', 'declined'] })) as string[];
    for (const id of [...Object.values(finished), ...decided]) {
      const page = await t.api.get(`/events?filter[object-id]=${id}&page[size]=100`);
      expect(page.body.data.length).toBeGreaterThan(1);
      expectConforms(events, page);
    }
    const first = await t.api.get('/events?page[size]=2');
    expectConforms(events, first);
    expectConforms(events, await t.api.get(`${t.sandbox.origin}${first.body.links.next}`));
    expectConforms(events, await t.api.get('/events?filter[colour]=red'));
    await commonErrors(events, 'GET', '/events');

    // Seeded sessions carry device and network attributes (VPN, Tor, datacenter among them).
    for (const network of ['vpn', 'tor', 'datacenter', 'mobile'] as const) {
      const [id] = await t.controls.seed(1, { statuses: ['needs_review'], network });
      expectConforms('retrieve-an-inquiry', await t.api.get(`/inquiries/${id}?${ALL_INCLUDES}`));
    }

    const print = 'print-an-inquiry-pdf';
    const pdf = await t.api.get(`/inquiries/${finished.needs_review}/print`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF-')).toBe(true);
    expectConforms(print, pdf);
    expectConforms(print, await t.api.get('/inquiries/inq_missing/print'));
    await commonErrors(print, 'GET', `/inquiries/${finished.failed}/print`);
  });

  it('list-all-rate-limits', async () => {
    expectConforms('list-all-rate-limits', await t.api.get('/rate-limits'));
    await commonErrors('list-all-rate-limits', 'GET', '/rate-limits');
  });

  it('injected server errors match Persona’s documented 503 body', async () => {
    for (const status of [500, 502, 503, 504]) {
      await t.controls.setFaults({ errorRate: 1, errorStatuses: [status] });
      const response = await t.api.get('/inquiries');
      expect(response.status).toBe(status);
      const validate = validatorFor(
        'persona-2025-12-08',
        '/components/responses/service-unavailable/schema',
      );
      expect(validate(response.body) ? [] : validate.errors).toEqual([]);
    }
    await t.controls.clearFaults();
  });

  it('a stored 5xx is replayed under its Idempotency-Key with the same conforming body', async () => {
    const validate = validatorFor(
      'persona-2025-12-08',
      '/components/responses/service-unavailable/schema',
    );
    for (const errorTiming of ['before', 'after'] as const) {
      const headers = { 'Idempotency-Key': `conformance-5xx-${errorTiming}` };
      const body = createBody({ 'reference-id': `conformance-5xx-${errorTiming}` });
      await t.controls.setFaults({
        errorNext: 1,
        errorStatuses: [500],
        errorTiming,
        errorRoute: 'POST /inquiries',
      });
      const first = await t.api.post('/inquiries', body, headers);
      await t.controls.clearFaults();
      const replayed = await t.api.post('/inquiries', body, headers);
      expect([first.status, replayed.status]).toEqual([500, 500]);
      expect(replayed.body).toEqual(first.body);
      expect(validate(replayed.body) ? [] : validate.errors).toEqual([]);
    }
  });

  it('sparse fieldsets conform apart from the attributes they leave out', async () => {
    const response = await t.api.get(
      '/inquiries?fields[inquiry]=status,updated-at,fields.name-first&page[size]=20',
    );
    expectConforms('list-all-inquiries', response, 'persona-2025-12-08-sparse');
    const one = await t.api.get(
      `/inquiries/${finished.failed}?include=verifications&fields[inquiry]=status&fields[verification]=status,checks`,
    );
    expectResourcesConform(one.body, 'persona-2025-12-08-sparse', current);
  });

  it('would catch a body that strays from the spec', async () => {
    const validate = validatorFor('persona-2025-12-08', '/components/schemas/inquiry');
    const stray = {
      type: 'inquiry',
      id: 'inq_x',
      attributes: { status: 'created', colour: 'red' },
      relationships: {},
    };
    expect(validate(stray)).toBe(false);
    // unevaluatedProperties reaches into included resources through the non-inlined refs too.
    const response = await t.api.get(`/inquiries/${finished.failed}?include=verifications`);
    const retrieve = validatorFor(
      'persona-2025-12-08',
      '/operations/retrieve-an-inquiry/responses/200',
    );
    expect(retrieve(response.body)).toBe(true);
    response.body.included[0].attributes['made-up'] = 1;
    expect(retrieve(response.body)).toBe(false);
  });
});

describe('2023-01-05 responses conform to that version’s spec', () => {
  it('retrieve, list and create in the legacy shape', async () => {
    const headers = { 'Persona-Version': '2023-01-05' };
    for (const id of Object.values(finished)) {
      const response = await t.api.get(`/inquiries/${id}`, headers);
      expect(response.body.included.length).toBeGreaterThan(0);
      expectResourcesConform(response.body, 'persona-2023-01-05', legacy);
    }
    expectConforms(
      'list-all-inquiries',
      await t.api.get('/inquiries?page[size]=50', headers),
      'persona-2023-01-05',
    );
    const created = await t.api.post(
      '/inquiries',
      createBody({ fields: { 'name-first': 'Ada' } }),
      headers,
    );
    expectResourcesConform(created.body, 'persona-2023-01-05', legacy);
  });
});

describe('coverage of the conformance run', () => {
  it('saw every error status the sandbox can give', () => {
    const all = new Set([...covered.values()].flatMap((statuses) => [...statuses]));
    for (const status of [200, 201, 400, 401, 403, 404, 409, 422, 429])
      expect(all).toContain(status);
    expect(covered.size).toBe(Object.keys(current.operations).length);
  });
});
