import { iso, isoRequired } from '../core/clock.ts';
import { stableId } from '../core/ids.ts';
import { NETWORKS } from '../core/session-network.ts';
import type { AccountRecord, ReportRecord, SessionRecord } from '../core/types.ts';
import type { Resource } from './sparse-fields.ts';

export function reportResource(report: ReportRecord): Resource {
  const term = [report.nameFirst, report.nameMiddle, report.nameLast].filter(Boolean).join(' ');
  return {
    type: `report/${report.kind}`,
    id: report.id,
    attributes: {
      status: report.status,
      'created-at': isoRequired(report.createdAt),
      'completed-at': iso(report.completedAt),
      'redacted-at': iso(report.redactedAt),
      'report-template-version-name': 'Sandbox watchlist',
      'has-match': report.hasMatch,
      'is-continuous': false,
      'is-recurring': false,
      tags: [],
      'name-first': report.nameFirst,
      'name-middle': report.nameMiddle,
      'name-last': report.nameLast,
      term: term === '' ? null : term,
      birthdate: report.birthdate,
      'country-code': report.countryCode,
      'matched-lists': report.matches.map((match) => ({
        name: match.name,
        url: match.url,
        'list-type': match.listType,
        'list-types': [match.listType],
        slug: match.slug,
        'flag-code': match.flagCode,
        entities: [{ name: match.entityName, 'alias-type': 'primary', birthdates: [] }],
      })),
      'ignore-list': [],
    },
    relationships: {
      inquiry: { data: { type: 'inquiry', id: report.inquiryId } },
      account: { data: report.accountId ? { type: 'account', id: report.accountId } : null },
      transaction: { data: null },
      'report-template': { data: { type: 'report-template/watchlist', id: report.templateId } },
    },
  };
}

export function sessionResource(session: SessionRecord): Resource {
  const browser = session.userAgent !== null;
  return {
    type: 'inquiry-session',
    id: session.id,
    attributes: {
      status: session.status,
      'created-at': isoRequired(session.createdAt),
      'started-at': iso(session.startedAt),
      'expired-at': iso(session.expiredAt),
      'ip-address': browser ? '127.0.0.1' : null,
      'user-agent': session.userAgent,
      'device-type': browser ? 'desktop' : null,
      'is-proxy': false,
      'is-tor': false,
      'is-datacenter': false,
      'is-vpn': false,
      'threat-level': 'low',
      'country-code': browser ? 'US' : null,
      ...(session.network ? NETWORKS[session.network] : {}),
    },
    relationships: { inquiry: { data: { type: 'inquiry', id: session.inquiryId } } },
  };
}

export function accountResource(account: AccountRecord): Resource {
  return {
    type: 'account',
    id: account.id,
    attributes: {
      'reference-id': account.referenceId,
      'account-type-name': 'User',
      'created-at': isoRequired(account.createdAt),
      'updated-at': isoRequired(account.updatedAt),
      'redacted-at': null,
      fields: account.fields,
      tags: [],
      'account-status': 'Default',
    },
    relationships: {
      'account-type': { data: { type: 'account-type', id: stableId('acttp_', 'sandbox-user') } },
    },
  };
}

export function inquiryTemplateResource(templateId: string, versionId: string | null): Resource {
  return {
    type: 'inquiry-template',
    id: templateId,
    attributes: { name: `Sandbox template ${templateId.slice(6, 12)}`, status: 'active' },
    relationships: {
      'latest-published-version': {
        data: versionId ? { type: 'inquiry-template-version', id: versionId } : null,
      },
    },
  };
}
