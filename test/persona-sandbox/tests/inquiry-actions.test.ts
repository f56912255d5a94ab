// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInquiry,
  type Json,
  simulate,
  startTestSandbox,
  type TestSandbox,
} from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ rateLimitPerMinute: 10_000 });
});
afterAll(() => t.sandbox.close());

/** A fresh inquiry driven to `status` with the simulate endpoint. */
async function inquiryIn(status: string): Promise<string> {
  const { data } = await createInquiry(t.api);
  const steps: Record<string, string[]> = {
    created: [],
    pending: ['start_inquiry'],
    completed: ['start_inquiry', 'complete_inquiry'],
    failed: ['start_inquiry', 'fail_inquiry'],
    expired: ['expire_inquiry'],
    needs_review: ['start_inquiry', 'complete_inquiry', 'mark_for_review_inquiry'],
    approved: ['start_inquiry', 'complete_inquiry', 'approve_inquiry'],
    declined: ['start_inquiry', 'complete_inquiry', 'decline_inquiry'],
  };
  const response = await simulate(t.api, data.id, ...(steps[status] ?? []));
  expect(response.body.data.attributes.status).toBe(status);
  return data.id;
}

const attributesOf = (response: Json) => response.body.data.attributes;

describe('approve and decline', () => {
  it.each(['completed', 'failed', 'needs_review'])(
    'approves a %s inquiry with a comment',
    async (status) => {
      const id = await inquiryIn(status);
      const response = await t.api.post(`/inquiries/${id}/approve`, {
        meta: { comment: 'Looks good' },
      });
      expect(response.status).toBe(200);
      expect(attributesOf(response)).toMatchObject({
        status: 'approved',
        'reviewer-comment': 'Looks good',
      });
      expect(attributesOf(response)['decisioned-at']).not.toBeNull();
    },
  );

  it('declines with an optional comment and keeps completed-at', async () => {
    const id = await inquiryIn('completed');
    const response = await t.api.post(`/inquiries/${id}/decline`);
    expect(attributesOf(response)).toMatchObject({ status: 'declined', 'reviewer-comment': null });
    expect(attributesOf(response)['completed-at']).not.toBeNull();
    expect(attributesOf(response)['failed-at']).toBeNull();
  });

  // Persona: declining (or approving) "will prevent further progress on the inquiry", with no
  // status limit, so a reviewer can stop an inquiry that is still in progress.
  it.each(['created', 'pending', 'expired', 'completed', 'failed', 'needs_review'])(
    'approves and declines a %s inquiry',
    async (status) => {
      for (const [action, decision] of [
        ['approve', 'approved'],
        ['decline', 'declined'],
      ]) {
        const id = await inquiryIn(status);
        const response = await t.api.post(`/inquiries/${id}/${action}`, {
          meta: { comment: 'Seen in the chat' },
        });
        expect(response.status).toBe(200);
        expect(attributesOf(response)).toMatchObject({
          status: decision,
          'reviewer-comment': 'Seen in the chat',
        });
        expect(attributesOf(response)['decisioned-at']).not.toBeNull();
        const read = attributesOf(await t.api.get(`/inquiries/${id}`));
        expect(read.status).toBe(decision);
      }
    },
  );

  it('a decided in-progress inquiry makes no further progress: links close, the clock does not expire it', async () => {
    const { data, meta } = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
    expect((await t.api.post(`/inquiries/${data.id}/decline`)).status).toBe(200);
    const link = await fetch(meta['one-time-link'], { redirect: 'manual' });
    expect(link.status).toBe(410);
    expect(await link.text()).toContain('Your verification has been declined.');
    expect((await t.api.post(`/inquiries/${data.id}/generate-one-time-link`)).status).toBe(409);
    await t.controls.advanceClock(25 * 3600);
    expect(attributesOf(await t.api.get(`/inquiries/${data.id}`)).status).toBe('declined');
    await t.controls.advanceClock(-25 * 3600);
  });

  it('repeats the same decision as a no-op but refuses to switch it with a 409 error body', async () => {
    for (const [decision, again, other] of [
      ['approved', 'approve', 'decline'],
      ['declined', 'decline', 'approve'],
    ]) {
      const id = await inquiryIn(decision as string);
      const before = attributesOf(await t.api.get(`/inquiries/${id}`));
      const repeated = await t.api.post(`/inquiries/${id}/${again}`);
      expect(repeated.status).toBe(200);
      expect(attributesOf(repeated)['decisioned-at']).toBe(before['decisioned-at']);
      const switched = await t.api.post(`/inquiries/${id}/${other}`);
      expect(switched.status).toBe(409);
      expect(switched.body).toEqual({
        errors: [
          {
            title: 'Conflict',
            details: `Inquiry with status ${decision} cannot be ${other === 'approve' ? 'approved' : 'declined'}`,
          },
        ],
      });
      expect(attributesOf(await t.api.get(`/inquiries/${id}`)).status).toBe(decision);
    }
  });

  it('lets a failed inquiry move on to needs_review, then to a decision', async () => {
    const id = await inquiryIn('failed');
    const reviewed = await t.api.post(`/inquiries/${id}/mark-for-review`);
    expect(attributesOf(reviewed).status).toBe('needs_review');
    expect(attributesOf(reviewed)['failed-at']).not.toBeNull();
    const declined = await t.api.post(`/inquiries/${id}/decline`);
    expect(attributesOf(declined).status).toBe('declined');
    const other = await inquiryIn('failed');
    expect(attributesOf(await t.api.post(`/inquiries/${other}/approve`)).status).toBe('approved');
  });

  it('answers 404 for an unknown inquiry and 400 for a bad comment', async () => {
    expect((await t.api.post('/inquiries/inq_missing/approve')).status).toBe(404);
    const id = await inquiryIn('completed');
    expect((await t.api.post(`/inquiries/${id}/approve`, { meta: { comment: 7 } })).status).toBe(
      400,
    );
  });
});

describe('mark-for-review', () => {
  it.each(['created', 'pending', 'completed', 'failed', 'expired'])(
    'marks a %s inquiry',
    async (status) => {
      const id = await inquiryIn(status);
      const response = await t.api.post(`/inquiries/${id}/mark-for-review`);
      expect(attributesOf(response).status).toBe('needs_review');
      expect(attributesOf(response)['marked-for-review-at']).not.toBeNull();
    },
  );

  it.each(['approved', 'declined'])('refuses a %s inquiry with 409', async (status) => {
    const id = await inquiryIn(status);
    expect((await t.api.post(`/inquiries/${id}/mark-for-review`)).status).toBe(409);
  });
});

describe('expire and resume', () => {
  it('expires a pending inquiry, then resume brings it back to pending with a session token', async () => {
    const id = await inquiryIn('pending');
    const expired = await t.api.post(`/inquiries/${id}/expire?include=sessions`);
    expect(attributesOf(expired).status).toBe('expired');
    expect(attributesOf(expired)['expired-at']).not.toBeNull();
    const resumed = await t.api.post(`/inquiries/${id}/resume`);
    expect(resumed.status).toBe(200);
    expect(attributesOf(resumed)).toMatchObject({ status: 'pending', 'expired-at': null });
    expect(resumed.body.meta['session-token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Date.parse(attributesOf(resumed)['expires-at'])).toBeGreaterThan(
      Date.now() + 23 * 3600_000,
    );
  });

  it('resume on a pending inquiry reuses its unused session', async () => {
    const id = await inquiryIn('pending');
    const first = await t.api.post(`/inquiries/${id}/resume`);
    const second = await t.api.post(`/inquiries/${id}/resume`);
    expect(second.body.meta['session-token']).toBe(first.body.meta['session-token']);
  });

  it.each(['created', 'completed', 'approved'])(
    'refuses to resume a %s inquiry with 409',
    async (status) => {
      const id = await inquiryIn(status);
      expect((await t.api.post(`/inquiries/${id}/resume`)).status).toBe(409);
    },
  );

  it.each(['completed', 'declined'])('refuses to expire a %s inquiry with 409', async (status) => {
    const id = await inquiryIn(status);
    expect((await t.api.post(`/inquiries/${id}/expire`)).status).toBe(409);
  });
});

describe('generate-one-time-link', () => {
  it('returns a new link with the requested lifetime for created and pending inquiries', async () => {
    for (const status of ['created', 'pending']) {
      const id = await inquiryIn(status);
      const response = await t.api.post(`/inquiries/${id}/generate-one-time-link`, {
        meta: { 'expires-in-seconds': 120 },
      });
      expect(response.status).toBe(200);
      expect(response.body.meta).toEqual({
        'one-time-link': expect.stringContaining('/verify?code='),
        'one-time-link-short': expect.stringContaining('/l/'),
      });
    }
  });

  it('refuses an expired inquiry until it is resumed', async () => {
    const id = await inquiryIn('expired');
    const refused = await t.api.post(`/inquiries/${id}/generate-one-time-link`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].details).toContain('resume');
    await t.api.post(`/inquiries/${id}/resume`);
    expect((await t.api.post(`/inquiries/${id}/generate-one-time-link`)).status).toBe(200);
  });

  it('refuses finished inquiries with 409 and bad lifetimes with 400', async () => {
    expect(
      (await t.api.post(`/inquiries/${await inquiryIn('completed')}/generate-one-time-link`))
        .status,
    ).toBe(409);
    const id = await inquiryIn('created');
    const bad = await t.api.post(`/inquiries/${id}/generate-one-time-link`, {
      meta: { 'expires-in-seconds': 'soon' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('tags', () => {
  it('adds, removes and sets tags', async () => {
    const id = await inquiryIn('created');
    await t.api.post(`/inquiries/${id}/add-tag`, { meta: { 'tag-name': 'vip' } });
    const added = await t.api.post(`/inquiries/${id}/add-tag`, { meta: { tag_name: 'urgent' } });
    expect(attributesOf(added).tags).toEqual(['vip', 'urgent']);
    const removed = await t.api.post(`/inquiries/${id}/remove-tag`, {
      meta: { 'tag-name': 'vip' },
    });
    expect(attributesOf(removed).tags).toEqual(['urgent']);
    const set = await t.api.post(`/inquiries/${id}/set-tags`, {
      meta: { 'tag-name': ['a', 'b', 'a'] },
    });
    expect(attributesOf(set).tags).toEqual(['a', 'b']);
    const cleared = await t.api.post(`/inquiries/${id}/set-tags`, { meta: { 'tag-name': [] } });
    expect(attributesOf(cleared).tags).toEqual([]);
  });

  it('answers 422 without a tag name and 400 for the wrong type', async () => {
    const id = await inquiryIn('created');
    const missing = await t.api.post(`/inquiries/${id}/add-tag`, { meta: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].source.pointer).toBe('/meta/tag-name');
    expect(
      (await t.api.post(`/inquiries/${id}/set-tags`, { meta: { 'tag-name': 'x' } })).status,
    ).toBe(400);
  });
});

describe('perform-simulate-actions', () => {
  it('walks the whole lifecycle with timestamps', async () => {
    const { data } = await createInquiry(t.api);
    const response = await simulate(
      t.api,
      data.id,
      'start_inquiry',
      'complete_inquiry',
      'mark_for_review_inquiry',
      'approve_inquiry',
    );
    const attributes = attributesOf(response);
    expect(attributes.status).toBe('approved');
    for (const key of ['started-at', 'completed-at', 'marked-for-review-at', 'decisioned-at']) {
      expect(attributes[key]).not.toBeNull();
    }
    expect(attributes['failed-at']).toBeNull();
  });

  it('fail_inquiry, expire_inquiry and decline_inquiry', async () => {
    const failed = await inquiryIn('failed');
    expect(attributesOf(await t.api.get(`/inquiries/${failed}`))['failed-at']).not.toBeNull();
    const declined = await simulate(t.api, failed, 'decline_inquiry');
    expect(attributesOf(declined).status).toBe('declined');
    const { data } = await createInquiry(t.api);
    expect(attributesOf(await simulate(t.api, data.id, 'expire_inquiry')).status).toBe('expired');
  });

  it('creates passed and failed verifications of the template type', async () => {
    const { data } = await createInquiry(t.api);
    const response = await t.api.post(
      `/inquiries/${data.id}/perform-simulate-actions?include=verifications`,
      {
        meta: {
          'simulate-actions': [
            { type: 'start_inquiry' },
            {
              type: 'create_passed_verification',
              data: { 'verification-template-id': 'vtmpl_GovId1' },
            },
            {
              type: 'create_failed_verification',
              data: { 'verification-template-id': 'vtmpl_Selfie1' },
            },
            {
              type: 'create_passed_verification',
              data: { verification_template_id: 'vtmpl_Database1' },
            },
            { type: 'complete_inquiry' },
          ],
        },
      },
    );
    expect(response.status).toBe(200);
    const summary = response.body.included.map((v: Json) => [v.type, v.attributes.status]);
    expect(summary).toEqual([
      ['verification/government-id', 'passed'],
      ['verification/selfie', 'failed'],
      ['verification/database', 'passed'],
    ]);
    expect(response.body.included[1].relationships['verification-template'].data.id).toBe(
      'vtmpl_Selfie1',
    );
  });

  it('refuses an impossible step with 422 pointing at it, changing nothing', async () => {
    const id = await inquiryIn('approved');
    const response = await simulate(t.api, id, 'mark_for_review_inquiry');
    expect(response.status).toBe(422);
    expect(response.body.errors[0].source.pointer).toBe('/meta/simulate-actions/0');
    const { data } = await createInquiry(t.api);
    const partial = await simulate(
      t.api,
      data.id,
      'start_inquiry',
      'approve_inquiry',
      'decline_inquiry',
    );
    expect(partial.body.errors[0].source.pointer).toBe('/meta/simulate-actions/2');
    expect(attributesOf(await t.api.get(`/inquiries/${data.id}`)).status).toBe('created');
  });

  it('answers 400 for unknown action types or a missing template id', async () => {
    const { data } = await createInquiry(t.api);
    expect((await simulate(t.api, data.id, 'teleport_inquiry')).status).toBe(400);
    const missing = await t.api.post(`/inquiries/${data.id}/perform-simulate-actions`, {
      meta: { 'simulate-actions': [{ type: 'create_passed_verification' }] },
    });
    expect(missing.status).toBe(400);
    expect((await t.api.post(`/inquiries/${data.id}/perform-simulate-actions`, {})).status).toBe(
      400,
    );
  });
});
