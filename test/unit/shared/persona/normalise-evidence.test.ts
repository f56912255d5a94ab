// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  photosOf,
  reportMatches,
  scoresOf,
  toEventView,
  toSessionView,
} from '../../../../src/shared/persona/normalise-evidence.ts';
import { normaliseInquiry } from '../../../../src/shared/persona/normalise-inquiry.ts';

describe('photosOf', () => {
  it('names ID pages and selfie poses for their alt text, once per URL', () => {
    const gov = photosOf('verification/government-id', {
      'front-photo-url': 'https://files.withpersona.com/f',
      'back-photo-url': null,
      'photo-urls': [
        { page: 'front', url: 'https://files.withpersona.com/f' },
        { page: 'passport_signature', url: 'https://files.withpersona.com/s' },
        'junk',
      ],
    });
    expect(gov).toEqual([
      { name: 'front-photo-url', url: 'https://files.withpersona.com/f' },
      { name: 'photo-urls', page: 'passport_signature', url: 'https://files.withpersona.com/s' },
    ]);
    expect(
      photosOf('verification/selfie', {
        'left-photo-url': 'https://files.withpersona.com/l',
        'center-photo-url': 'https://files.withpersona.com/c',
      }).map((p) => p.name),
    ).toEqual(['center-photo-url', 'left-photo-url']);
    expect(
      photosOf('verification/document', { files: [{ url: 'https://files.withpersona.com/d' }] }),
    ).toEqual([{ name: 'files', page: 1, url: 'https://files.withpersona.com/d' }]);
    expect(photosOf('verification/database', { 'front-photo-url': 'x' })).toEqual([]);
  });
});

describe('scores, sessions, matches and events', () => {
  it('keeps the scores Persona gave, by name', () => {
    expect(
      scoresOf({ 'entity-confidence-score': 97, 'document-similarity-score': 'high' }),
    ).toEqual([{ name: 'entity-confidence-score', value: 97 }]);
  });

  it('reads a session’s device and network, dropping what is absent', () => {
    const view = toSessionView({
      type: 'inquiry-session',
      id: 'iqse_1',
      relationships: {},
      attributes: { status: 'expired', 'is-tor': true, 'is-vpn': null, 'ip-address': '192.0.2.1' },
    });
    expect(view).toEqual({ id: 'iqse_1', status: 'expired', isTor: true, ipAddress: '192.0.2.1' });
  });

  it('reads every attribute of a session Persona describes, under its view name', () => {
    const view = toSessionView({
      type: 'inquiry-session',
      id: 'iqse_2',
      relationships: {},
      attributes: {
        status: 'active',
        'created-at': '2026-01-02T03:04:05.000Z',
        'ip-address': '192.0.2.7',
        'country-code': 'DE',
        'country-name': 'Germany',
        'region-name': 'Berlin',
        'device-type': 'mobile',
        'device-name': 'iPhone',
        'os-name': 'iOS',
        'browser-name': 'Safari',
        'user-agent': 'Mozilla/5.0',
        'ip-isp': 'Example ISP',
        'is-vpn': false,
        'is-proxy': true,
        'is-tor': false,
        'is-datacenter': true,
        'threat-level': 'low',
      },
    });
    expect(view).toEqual({
      id: 'iqse_2',
      status: 'active',
      createdAt: '2026-01-02T03:04:05.000Z',
      ipAddress: '192.0.2.7',
      countryCode: 'DE',
      countryName: 'Germany',
      regionName: 'Berlin',
      deviceType: 'mobile',
      deviceName: 'iPhone',
      osName: 'iOS',
      browserName: 'Safari',
      userAgent: 'Mozilla/5.0',
      isp: 'Example ISP',
      isVpn: false,
      isProxy: true,
      isTor: false,
      isDatacenter: true,
      threatLevel: 'low',
    });
  });

  it('lists watchlist, PEP and adverse-media matches; undefined when none is described', () => {
    expect(
      reportMatches({
        'matched-lists': [
          {
            name: 'EU sanctions',
            'list-type': 'sanction',
            entities: [{ name: 'A' }, { name: 'B' }],
          },
        ],
      }),
    ).toEqual([
      { name: 'A', list: 'EU sanctions', listType: 'sanction' },
      { name: 'B', list: 'EU sanctions', listType: 'sanction' },
    ]);
    // The list's region and page, as the OpenAPI's example names them.
    expect(
      reportMatches({
        'matched-lists': [
          {
            name: 'EU - EC - Programme PRK - North Korea',
            url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32017R1509&from=EN',
            'flag-code': 'EU',
            entities: [{ name: 'A' }],
          },
        ],
      }),
    ).toEqual([
      {
        name: 'A',
        list: 'EU - EC - Programme PRK - North Korea',
        flag: 'EU',
        url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32017R1509&from=EN',
      },
    ]);
    expect(
      reportMatches({
        result: [{ name: 'Joe Doe', positions: [{ name: 'President' }] }],
        'related-sources': [{ name: 'Joe Doe', media: [{ title: 'Joe Doe ordered to jail' }] }],
      }),
    ).toEqual([
      { name: 'Joe Doe', kind: 'pep', listType: 'President' },
      { name: 'Joe Doe', kind: 'media', listType: 'Joe Doe ordered to jail' },
    ]);
    // Nobody named, on a list with no name: left for the page to say so.
    expect(reportMatches({ 'matched-lists': [{ entities: [{}] }, { name: 'UN' }] })).toEqual([
      {},
      { list: 'UN' },
    ]);
    expect(reportMatches({ status: 'ready' })).toBeUndefined();
  });

  it('reads an event’s name, time and object', () => {
    expect(
      toEventView({
        type: 'event',
        id: 'evt_1',
        relationships: {},
        attributes: {
          name: 'inquiry.approved',
          'created-at': '2025-01-01T00:00:00.000Z',
          payload: { data: { type: 'inquiry', id: 'inq_1' } },
        },
      }),
    ).toEqual({
      id: 'evt_1',
      name: 'inquiry.approved',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
  });
});

describe('an inquiry’s sessions and reviewer', () => {
  const inquiry = (relationships: Record<string, unknown>, included: unknown[] = []) =>
    normaliseInquiry({
      data: { type: 'inquiry', id: 'inq_1', attributes: { status: 'approved' }, relationships },
      included,
    });

  it('reads included sessions, knows "none", and does not guess when they were not included', () => {
    const ref = { data: [{ type: 'inquiry-session', id: 'iqse_1' }] };
    const session = {
      type: 'inquiry-session',
      id: 'iqse_1',
      attributes: { status: 'active', 'is-vpn': true },
    };
    expect(inquiry({ sessions: ref }, [session]).sessions).toEqual([
      { id: 'iqse_1', status: 'active', isVpn: true },
    ]);
    expect(inquiry({ sessions: { data: [] } }).sessions).toEqual([]);
    expect(inquiry({ sessions: ref }).sessions).toBeUndefined();
    expect(inquiry({}).sessions).toBeUndefined();
  });

  it('names the reviewer who decided', () => {
    expect(inquiry({ reviewer: { data: { type: 'user', id: 'user_1' } } }).reviewer).toEqual({
      type: 'user',
      id: 'user_1',
    });
    expect(inquiry({ reviewer: { data: null } }).reviewer).toBeUndefined();
  });
});
