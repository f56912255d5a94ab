// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  errorBody,
  inquiryListDocument,
  keyPermissionsDocument,
  parseBody,
  rateLimitsDocument,
} from '../../../../src/shared/persona/schemas.ts';
import { fixture, fixtureNames, reinflect } from './fixtures.ts';

describe('schemas', () => {
  it.each(fixtureNames)('parses %s in kebab, snake and camel form without throwing', (name) => {
    for (const body of [
      fixture(name),
      reinflect(fixture(name), 'snake'),
      reinflect(fixture(name), 'camel'),
    ]) {
      expect(() => parseBody(errorBody, body)).not.toThrow();
      expect(() => parseBody(inquiryListDocument, body)).not.toThrow();
    }
  });

  it('reads the list envelope with its links', () => {
    const list = parseBody(inquiryListDocument, fixture('inquiry-list-200'));
    expect(list?.data).toHaveLength(1);
    expect(list?.data[0]?.attributes.status).toBe('pending');
    expect(list?.links).toEqual({
      prev: undefined,
      next: '/api/v1/inquiries?page%5Bafter%5D=inq_ByBdXDqUrguLAHjGZMuDZLCx',
    });
    expect(parseBody(inquiryListDocument, { data: [null, 1, {}] })?.data).toHaveLength(1);
    expect(parseBody(inquiryListDocument, { data: {} })).toBeUndefined();
  });

  it('reads error bodies with details or detail and a pointer', () => {
    const parsed = parseBody(errorBody, {
      errors: [
        {
          title: 'Record invalid',
          details: 'bad template',
          source: { pointer: '/data/attributes/x' },
        },
      ],
    });
    expect(parsed?.errors[0]).toMatchObject({
      title: 'Record invalid',
      details: 'bad template',
      source: { pointer: '/data/attributes/x' },
    });
    expect(
      parseBody(errorBody, { errors: [{ detail: 'json:api style' }] })?.errors[0]?.detail,
    ).toBe('json:api style');
    expect(parseBody(errorBody, 'Bad gateway')).toBeUndefined();
    expect(parseBody(errorBody, {})?.errors).toEqual([]);
  });

  it('reads rate limits and key permissions in any inflection', () => {
    const limits = parseBody(rateLimitsDocument, {
      data: [
        {
          type: 'rate-limit/api',
          attributes: { limit: 300, remaining: 250, seconds_to_reset: 60 },
        },
      ],
    });
    expect(limits?.data[0]?.attributes).toMatchObject({
      limit: 300,
      remaining: 250,
      'seconds-to-reset': 60,
    });
    const key = parseBody(keyPermissionsDocument, {
      data: {
        type: 'api-key',
        id: 'api_1',
        attributes: { name: 'Desk', permissions: ['inquiry.read'], expires_at: null },
      },
    });
    expect(key?.data.attributes).toMatchObject({ name: 'Desk', permissions: ['inquiry.read'] });
    const camel = parseBody(keyPermissionsDocument, {
      data: { attributes: { expiresAt: '2030-01-01T00:00:00Z' } },
    });
    expect(camel?.data.attributes['expires-at']).toBe('2030-01-01T00:00:00Z');
  });
});
