// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../src/shared/errors.ts';
import { isMaskedField } from '../../../../src/shared/persona/fields.ts';
import { normaliseInquiry } from '../../../../src/shared/persona/normalise-inquiry.ts';
import { allowedActions } from '../../../../src/shared/persona/status-actions.ts';
import type { FieldView, InquiryView } from '../../../../src/shared/persona/view-model.ts';
import { verificationTone } from '../../../../src/ui/components/verification-tone.ts';
import { eventPayload, fixture, type Json, reinflect } from './fixtures.ts';

/** A field as the pages show it: its value, and whether they mask it (fields.ts). */
const asShown = (f: FieldView | undefined) => f && { value: f.value, masked: isMaskedField(f) };

const field = (view: InquiryView, name: string) => view.fields.find((f) => f.name === name);

/** An inquiry document whose `included` holds the verifications of two webhook examples. */
function inquiryWithVerifications(): Json {
  const document = fixture('inquiry-retrieve-200');
  const governmentId = eventPayload('webhook-event-verification-failed-government-id').data;
  const selfie = eventPayload('webhook-event-verification-requires-retry-selfie').data;
  selfie.id = 'ver_selfie123456';
  document.data.relationships.verifications.data = [
    { type: governmentId.type, id: governmentId.id },
    { type: selfie.type, id: selfie.id },
  ];
  document.included.push(governmentId, selfie);
  return document;
}

describe('normaliseInquiry on the vendored examples', () => {
  it.each([
    'inquiry-create-201',
    'inquiry-retrieve-200',
    'inquiry-retrieve-200-v2023-01-05',
    'inquiry-generate-one-time-link-200',
  ] as const)('%s yields what a reviewer needs', (name) => {
    const view = normaliseInquiry(fixture(name));
    expect(view.id).toBe('inq_zEx4jL84ShbUyuwX6AzPSqt6');
    expect(view.status).toBe('pending');
    expect(view.referenceId).toBe('abc-123');
    expect(view.templateId).toBe('itmpl_p8ANAJy9iqadm2buF2xcVgqH');
    expect(view.templateVersionId).toBe('itmplv_iXhqfNWqwYLAWs9G8Fm8hPfo');
    expect(view.accountId).toBe('act_n2uq9eKMboaCQzu9ALWYcVdN');
    expect(view.timestamps).toMatchObject({
      createdAt: '2023-03-29T19:06:45.000Z',
      startedAt: '2023-03-30T19:07:01.000Z',
      expiresAt: '2023-03-31T19:07:01.000Z',
    });
    expect(view.timestamps.completedAt).toBeUndefined();
    expect(field(view, 'name-first')?.value).toBe('Jane');
    expect(field(view, 'name-last')?.value).toBe('Doe');
    expect(asShown(field(view, 'birthdate'))).toMatchObject({ value: '1995-09-08', masked: true });
    expect(field(view, 'address-city')?.value).toBe('San Francisco');
    expect(asShown(field(view, 'email-address'))).toMatchObject({
      value: 'jane@doe.com',
      masked: false,
    });
    // A template field without a value shows as a dash, with nothing to mask.
    expect(asShown(field(view, 'phone-number'))).toMatchObject({ value: '—', masked: false });
    expect(asShown(field(view, 'identification-number'))).toMatchObject({
      value: '—',
      masked: false,
    });
    // The database verification is named by the relationship but not included: a stub.
    expect(view.verifications).toEqual([
      expect.objectContaining({
        id: 'ver_uHDiwtcx3htjajvEaeMjPQcE',
        type: 'verification/database',
        loaded: false,
      }),
    ]);
    expect(allowedActions(view.status, view.redacted)).toMatchObject({
      newLink: true,
      approve: true,
    });
    expect(view.redacted).toBe(false);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('reads the completed inquiry inside a webhook event', () => {
    const view = normaliseInquiry(eventPayload('webhook-event-inquiry-completed'));
    expect(view.status).toBe('completed');
    expect(view.timestamps.completedAt).toBe('2024-03-15T18:35:00.000Z');
    expect(view.referenceId).toBeUndefined();
    expect(allowedActions(view.status, view.redacted)).toMatchObject({
      approve: true,
      decline: true,
      newLink: false,
    });
    expect(view.verifications[0]).toMatchObject({
      type: 'verification/government-id',
      loaded: false,
    });
  });

  it('matches included verifications through relationships, with their checks', () => {
    const view = normaliseInquiry(inquiryWithVerifications());
    expect(view.verifications.map((v) => [v.type, v.status, v.loaded])).toEqual([
      ['verification/government-id', 'failed', true],
      ['verification/selfie', 'requires_retry', true],
    ]);
    const [governmentId, selfie] = view.verifications;
    expect(governmentId?.checks.map((c) => [c.name, c.status, c.required])).toEqual([
      ['id_type_detection', 'passed', true],
      ['id_entity_detection', 'failed', true],
      ['id_expired_detection', 'not_applicable', true],
    ]);
    expect(governmentId?.checks[1]).toMatchObject({
      name: 'id_entity_detection',
      reasons: ['low_confidence_entity_match'],
    });
    expect(
      asShown(governmentId?.fields.find((f) => f.name === 'identification-number')),
    ).toMatchObject({ value: 'B1234567', masked: true });
    expect(selfie?.checks[0]).toMatchObject({
      name: 'selfie_liveness_detection',
      required: true,
    });
    // Included non-verifications (session, template) are not mistaken for verifications.
    expect(view.verifications).toHaveLength(2);
  });
});

describe('normaliseInquiry on variants', () => {
  it.each(['snake', 'camel'] as const)('reads %s inflection, field keys included', (casing) => {
    const view = normaliseInquiry(reinflect(inquiryWithVerifications(), casing, true));
    expect(view.status).toBe('pending');
    expect(view.referenceId).toBe('abc-123');
    expect(view.templateId).toBe('itmpl_p8ANAJy9iqadm2buF2xcVgqH');
    expect(view.timestamps.startedAt).toBe('2023-03-30T19:07:01.000Z');
    const street = field(view, 'address-street-1');
    expect(street).toMatchObject({ value: '123 Main St', name: 'address-street-1' });
    expect(street?.key).toBe(casing === 'snake' ? 'address_street_1' : 'addressStreet1');
    expect(isMaskedField(field(view, 'birthdate'))).toBe(true);
    expect(view.verifications[0]?.type).toBe('verification/government-id');
    expect(view.verifications[0]?.checks[1]?.name).toBe('id_entity_detection');
    expect(view.verifications[0]?.fields.find((f) => f.name === 'document-number')?.value).toBe(
      '123456',
    );
  });

  it('reads the 2023-01-05 shape with personal data only at the top level', () => {
    const document = fixture('inquiry-retrieve-200-v2023-01-05');
    delete document.data.attributes.fields;
    document.data.attributes['social-security-number'] = '123-45-6789';
    const view = normaliseInquiry(document);
    expect(field(view, 'name-first')?.value).toBe('Jane');
    expect(asShown(field(view, 'birthdate'))).toMatchObject({ value: '1995-09-08', masked: true });
    expect(field(view, 'address-subdivision')?.value).toBe('California');
    expect(asShown(field(view, 'social-security-number'))).toMatchObject({ masked: true });
  });

  it('treats relationship data null, {} and a single object alike', () => {
    const document = fixture('inquiry-retrieve-200');
    const relationships = document.data.relationships;
    relationships['inquiry-template'] = { data: {} };
    relationships.template = { data: { type: 'template', id: 'tmpl_legacy123' } };
    relationships.account = { data: null };
    relationships.verifications = { data: { type: 'verification/selfie', id: 'ver_one123456' } };
    relationships.reports = {};
    const view = normaliseInquiry(document);
    expect(view.templateId).toBe('tmpl_legacy123');
    expect(view.accountId).toBeUndefined();
    expect(view.verifications.map((v) => v.id)).toEqual(['ver_one123456']);
    expect(view.reports).toEqual([]);
  });

  it('keeps an unknown verification type and an unknown status as they are', () => {
    const document = inquiryWithVerifications();
    document.data.attributes.status = 'awaiting_documents';
    const unknown = document.included.at(-1);
    unknown.type = 'verification/digital-id-mars';
    unknown.attributes.status = 'teleported';
    unknown.attributes['planet-code'] = 'MA';
    unknown.attributes['passport-number'] = 'X99';
    document.data.relationships.verifications.data[1].type = 'verification/digital-id-mars';
    const view = normaliseInquiry(document);
    expect(view.status).toBe('awaiting_documents');
    const mars = view.verifications[1];
    expect(mars).toMatchObject({ status: 'teleported' });
    expect(verificationTone(mars?.status ?? '')).toBe('neutral');
    expect(mars?.fields.find((f) => f.name === 'planet-code')?.value).toBe('MA');
    expect(isMaskedField(mars?.fields.find((f) => f.name === 'passport-number'))).toBe(true);
    // Signed file URLs are never carried into the view.
    expect(JSON.stringify(mars)).not.toContain('files.withpersona.com');
  });

  it('accepts check metadata as [] and drops malformed checks', () => {
    const document = inquiryWithVerifications();
    const checks = document.included.at(-2).attributes.checks;
    checks[0].metadata = [];
    checks.push('not a check', null, {
      name: 'id_barcode_detection',
      reasons: [null, 'no_barcode'],
    });
    const view = normaliseInquiry(document);
    const names = view.verifications[0]?.checks.map((c) => c.name);
    expect(names).toEqual([
      'id_type_detection',
      'id_entity_detection',
      'id_expired_detection',
      'id_barcode_detection',
    ]);
    expect(view.verifications[0]?.checks[3]).toMatchObject({
      status: '',
      required: false,
      reasons: ['no_barcode'],
    });
  });

  it('survives missing attributes, relationships and included', () => {
    const view = normaliseInquiry({ data: { type: 'inquiry', id: 'inq_bare123456' } });
    expect(view).toMatchObject({
      id: 'inq_bare123456',
      status: '',
      tags: [],
      fields: [],
      verifications: [],
      reports: [],
      timestamps: {},
    });
    expect(normaliseInquiry({ data: {} }).id).toBe('');
  });

  it('ignores mistyped values and keeps extra unknown attributes out of the way', () => {
    const document = fixture('inquiry-retrieve-200');
    Object.assign(document.data.attributes, {
      status: 42,
      tags: ['vip', 7, null],
      note: { text: 'object' },
      'brand-new-attribute': { nested: true },
      'created-at': false,
    });
    document.data.attributes.fields['favourite-colour'] = { type: 'string', value: 'teal' };
    document.data.attributes.fields.selfie_check = {
      type: 'selfie',
      value: { id: 'self_1', type: 'Selfie::ProfileAndCenter' },
    };
    const view = normaliseInquiry(document);
    expect(view.status).toBe('');
    expect(view.tags).toEqual(['vip']);
    expect(view.note).toBeUndefined();
    expect(view.timestamps.createdAt).toBeUndefined();
    expect(field(view, 'favourite-colour')).toMatchObject({ value: 'teal' });
    // Its declared type is not kept: no page shows it.
    expect(field(view, 'selfie-check')).toEqual({
      key: 'selfie_check',
      name: 'selfie-check',
      value: 'Selfie::ProfileAndCenter self_1',
    });
  });

  it("keeps Persona's behaviour signals as they came: the spec names none of their keys", () => {
    const document = fixture('inquiry-retrieve-200');
    const behaviors = { 'behavior-threat-level': 'high', 'request-spoof-attempts': 4 };
    document.data.attributes.behaviors = behaviors;
    expect(normaliseInquiry(document).behaviors).toEqual(behaviors);
    // Null (redacted) is passed on too: the page shows only an object's.
    document.data.attributes.behaviors = null;
    expect(normaliseInquiry(document).behaviors).toBeNull();
  });

  it('keeps a reference ID sent as a number, as its digits; drops one that is no text at all', () => {
    const numbered = fixture('inquiry-retrieve-200');
    numbered.data.attributes['reference-id'] = 1234567;
    expect(normaliseInquiry(numbered).referenceId).toBe('1234567');
    for (const odd of [{ id: 1 }, true, Number.NaN, null]) {
      const document = fixture('inquiry-retrieve-200');
      document.data.attributes['reference-id'] = odd;
      expect(normaliseInquiry(document).referenceId).toBeUndefined();
    }
  });

  it('includes reports with their match flag', () => {
    const document = fixture('inquiry-retrieve-200');
    document.data.relationships.reports.data = [{ type: 'report/watchlist', id: 'rep_watch123' }];
    document.included.push({
      type: 'report/watchlist',
      id: 'rep_watch123',
      attributes: { status: 'ready', 'has-match': true, 'created-at': '2024-01-01T00:00:00.000Z' },
    });
    document.included.push({ type: 'report/adverse-media', id: 'rep_media123', attributes: {} });
    const view = normaliseInquiry(document);
    expect(view.reports).toEqual([
      expect.objectContaining({
        type: 'report/watchlist',
        status: 'ready',
        hasMatch: true,
        loaded: true,
      }),
      expect.objectContaining({ type: 'report/adverse-media', status: '', loaded: true }),
    ]);
  });

  it('offers no action on a redacted inquiry', () => {
    const document = fixture('inquiry-retrieve-200');
    document.data.attributes['redacted-at'] = '2024-05-01T00:00:00.000Z';
    const view = normaliseInquiry(document);
    expect(view.redacted).toBe(true);
    expect(Object.values(allowedActions(view.status, view.redacted)).some(Boolean)).toBe(false);
  });

  it('throws a bad_response DeskError when there is no inquiry at all', () => {
    for (const body of [null, 'text', [], { errors: [] }, { data: [] }]) {
      expect(() => normaliseInquiry(body)).toThrow(DeskError);
    }
  });
});
