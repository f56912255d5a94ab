// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dashboardInquiryUrl } from '../../../../src/shared/persona/dashboard-url.ts';
import { findInquiryId, isInquiryId } from '../../../../src/shared/persona/inquiry-id.ts';
import { oneTimeLinkExpiry } from '../../../../src/shared/persona/link-expiry.ts';
import { isTemplateId } from '../../../../src/shared/persona/template-id.ts';

describe('ids', () => {
  it('recognises inquiry ids of any length from ten characters', () => {
    expect(isInquiryId('inq_ABC123')).toBe(true);
    expect(isInquiryId('inq_zEx4jL84ShbUyuwX6AzPSqt6')).toBe(true);
    expect(isInquiryId('inq_wgvE9ZaMwcKFoZSUFPvK51TFw7kJ')).toBe(true);
    for (const bad of ['inq_ABC12', 'INQ_ABC123', 'inq_ABC-123', ' inq_ABC123', 'ver_ABC123']) {
      expect(isInquiryId(bad)).toBe(false);
    }
  });

  it('finds the first inquiry id in a text', () => {
    expect(
      findInquiryId('see https://app.withpersona.com/dashboard/inquiries/inq_ABC123456?x'),
    ).toBe('inq_ABC123456');
    expect(findInquiryId('inq_first12345 and inq_second1234')).toBe('inq_first12345');
    expect(findInquiryId('xinq_ABC123456 no')).toBeUndefined();
    expect(findInquiryId('nothing here')).toBeUndefined();
  });

  it('recognises the three template ids Persona creates from', () => {
    expect(isTemplateId('itmpl_p8ANAJy9iqadm2buF2xcVgqH')).toBe(true);
    expect(isTemplateId('itmplv_iXhqfNWqwYLAWs9G8Fm8hPfo')).toBe(true);
    expect(isTemplateId('tmpl_abc')).toBe(true);
    expect(isTemplateId('itmpl_')).toBe(false);
    expect(isTemplateId('itmplv_')).toBe(false);
    expect(isTemplateId('vtmpl_abc')).toBe(false);
    expect(isTemplateId('xtmpl_abc')).toBe(false);
    expect(isTemplateId('itmpl_no spaces')).toBe(false);
    expect(isTemplateId('inq_abc123456')).toBe(false);
  });
});

describe('links', () => {
  it('builds dashboard links for Persona and for the local sandbox', () => {
    expect(dashboardInquiryUrl('https://api.withpersona.com/api/v1', 'inq_ABC123')).toBe(
      'https://app.withpersona.com/dashboard/inquiries/inq_ABC123',
    );
    expect(dashboardInquiryUrl('https://withpersona.com/api/v1', 'inq_ABC123')).toBe(
      'https://app.withpersona.com/dashboard/inquiries/inq_ABC123',
    );
    expect(dashboardInquiryUrl('http://127.0.0.1:4010/api/v1', 'inq_ABC123')).toBe(
      'http://127.0.0.1:4010/dashboard/inquiries/inq_ABC123',
    );
    expect(dashboardInquiryUrl('http://localhost:1/api', 'inq_a/b?c')).toBe(
      'http://localhost:1/dashboard/inquiries/inq_a%2Fb%3Fc',
    );
  });

  it('derives when a one-time link expires at the latest', () => {
    const now = Date.parse('2024-01-01T00:00:00.000Z');
    expect(oneTimeLinkExpiry(now, 3600, undefined)).toBe('2024-01-01T01:00:00.000Z');
    expect(oneTimeLinkExpiry(now, 3600, '2024-01-01T00:30:00.000Z')).toBe(
      '2024-01-01T00:30:00.000Z',
    );
    expect(oneTimeLinkExpiry(now, undefined, '2024-01-02T00:00:00.000Z')).toBe(
      '2024-01-02T00:00:00.000Z',
    );
    expect(oneTimeLinkExpiry(now, undefined, 'garbage')).toBeUndefined();
  });
});
