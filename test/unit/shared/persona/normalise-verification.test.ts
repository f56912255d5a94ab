// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isMaskedField } from '../../../../src/shared/persona/fields.ts';
import { toVerificationView } from '../../../../src/shared/persona/normalise-verification.ts';
import { parseBody, resourceDocument } from '../../../../src/shared/persona/schemas.ts';
import { parseVerification } from '../../../../src/shared/persona/verification-schemas.ts';
import type { VerificationView } from '../../../../src/shared/persona/view-model.ts';
import { verificationTone } from '../../../../src/ui/components/verification-tone.ts';
import { eventPayload, fixture, type Json, reinflect } from './fixtures.ts';

function view(document: Json): VerificationView {
  const parsed = parseBody(resourceDocument, document);
  if (!parsed) throw new Error('not a resource document');
  return toVerificationView(parseVerification(parsed.data));
}

const value = (v: VerificationView | undefined, name: string) =>
  v?.fields.find((f) => f.name === name)?.value;

describe('verification views', () => {
  it('reads a passed government ID', () => {
    const v = view(fixture('verification-government-id-retrieve-200'));
    expect(v).toMatchObject({
      id: 'ver_ABC123',
      type: 'verification/government-id',
      status: 'passed',
      loaded: true,
      checks: [],
    });
    expect(value(v, 'name-first')).toBe('JANE');
    expect(value(v, 'id-class')).toBe('dl');
    expect(value(v, 'expiration-date')).toBe('2025-01-01');
    expect(v.fields.find((f) => f.name === 'identification-number')).toMatchObject({
      value: 'Y123ABC',
    });
    expect(isMaskedField(v.fields.find((f) => f.name === 'identification-number'))).toBe(true);
    expect(isMaskedField(v.fields.find((f) => f.name === 'birthdate'))).toBe(true);
    // Signed photo URLs stay in `photos` (for "Show photos"), never among the shown fields.
    expect(JSON.stringify(v.fields)).not.toContain('access_token');
    expect(v.photos?.[0]?.name).toBe('front-photo-url');
  });

  it('reads an initiated database verification', () => {
    const v = view(fixture('verification-database-retrieve-200'));
    expect(v).toMatchObject({ type: 'verification/database', status: 'initiated' });
    expect(value(v, 'address-street-2')).toBe('Apartment 123');
    expect(value(v, 'email-address')).toBe('jane@doe.com');
    expect(value(v, 'normalized-address-city')).toBeUndefined();
  });

  it('reads a failed government ID and a selfie that needs a retry from webhook payloads', () => {
    const failed = view(eventPayload('webhook-event-verification-failed-government-id'));
    expect(failed.status).toBe('failed');
    expect(failed.checks.filter((c) => c.status === 'failed').map((c) => c.name)).toEqual([
      'id_entity_detection',
    ]);
    const selfie = view(eventPayload('webhook-event-verification-requires-retry-selfie'));
    expect(selfie).toMatchObject({
      type: 'verification/selfie',
      status: 'requires_retry',
    });
    expect(selfie.checks.map((c) => [c.name, c.status, c.required])).toEqual([
      ['selfie_liveness_detection', 'failed', true],
      ['selfie_image_quality_detection', 'not_applicable', true],
      ['selfie_id_comparison', 'not_applicable', true],
    ]);
    expect(value(selfie, 'capture-method')).toBe('video');
  });

  it.each(['snake', 'camel'] as const)('reads a %s-inflected verification', (casing) => {
    const v = view(
      reinflect(eventPayload('webhook-event-verification-failed-government-id'), casing),
    );
    expect(v.type).toBe('verification/government-id');
    expect(v.status).toBe('failed');
    expect(value(v, 'document-number')).toBe('123456');
    expect(v.checks.map((c) => c.name)).toContain('id_entity_detection');
  });

  it('reads phone, email and document verifications', () => {
    const phone = view({
      data: {
        type: 'verification/phone-number',
        id: 'ver_phone123',
        attributes: { status: 'confirmed', 'phone-number': '+15555550100', checks: null },
      },
    });
    expect(phone).toMatchObject({ status: 'confirmed' });
    expect(value(phone, 'phone-number')).toBe('+15555550100');
    const email = view({
      data: {
        type: 'verification/email-address',
        id: 'ver_mail123',
        attributes: { status: 'submitted', email_address: 'a@b.example' },
      },
    });
    expect(value(email, 'email-address')).toBe('a@b.example');
    const document = view({
      data: {
        type: 'verification/document',
        id: 'ver_doc123',
        attributes: {
          status: 'tentatively_passed',
          'document-type': 'utility_bill',
          fields: { address_city: { type: 'string', value: 'Oslo' } },
        },
      },
    });
    expect(document.type).toBe('verification/document');
    // The pages colour its status (the view carries none): a retry to ask for.
    expect(verificationTone(document.status)).toBe('warning');
    expect(value(document, 'document-type')).toBe('utility_bill');
    expect(value(document, 'address-city')).toBe('Oslo');
  });

  it('shows what it says of the person sent as a number as its digits, not as nothing', () => {
    const document = fixture('verification-government-id-retrieve-200');
    document.data.attributes['name-first'] = 42;
    document.data.attributes['identification-number'] = 1234567890;
    document.data.attributes['name-middle'] = { nested: true };
    const v = view(document);
    expect(value(v, 'name-first')).toBe('42');
    expect(value(v, 'identification-number')).toBe('1234567890');
    expect(isMaskedField(v.fields.find((f) => f.name === 'identification-number'))).toBe(true);
    // Not text and no number: still left out, never shown as raw JSON.
    expect(value(v, 'name-middle')).toBeUndefined();
  });

  it('keeps a verification with no attributes at all', () => {
    const v = view({ data: { type: 'verification/aamva', id: 'ver_aamva123' } });
    expect(v).toMatchObject({ type: 'verification/aamva', status: '', checks: [], fields: [] });
  });
});
