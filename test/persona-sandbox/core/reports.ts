import type { Identity } from './identity.ts';
import { newId, stableId } from './ids.ts';
import type { SandboxStore } from './store.ts';
import type { InquiryRecord, ReportRecord } from './types.ts';

export const WATCHLIST_TEMPLATE_ID = stableId('rptp_', 'sandbox-watchlist');

export function createWatchlistReport(
  store: SandboxStore,
  inquiry: InquiryRecord,
  identity: Identity,
  hasMatch: boolean,
  at: number,
): ReportRecord {
  const fullName = [identity.nameFirst, identity.nameMiddle, identity.nameLast]
    .filter(Boolean)
    .join(' ');
  const report: ReportRecord = {
    id: newId('rep_'),
    kind: 'watchlist',
    inquiryId: inquiry.id,
    accountId: inquiry.accountId,
    status: 'ready',
    createdAt: at,
    completedAt: at,
    redactedAt: null,
    templateId: WATCHLIST_TEMPLATE_ID,
    hasMatch,
    nameFirst: identity.nameFirst,
    nameMiddle: identity.nameMiddle,
    nameLast: identity.nameLast,
    birthdate: identity.birthdate,
    countryCode: identity.countryCode,
    matches: hasMatch
      ? [
          {
            name: 'Sandbox Sanctions List (fictitious)',
            url: 'https://example.com/sandbox-sanctions-list',
            listType: 'sanction',
            slug: 'sandbox_sanctions',
            flagCode: 'us',
            entityName: fullName,
          },
        ]
      : [],
  };
  store.reports.set(report.id, report);
  inquiry.reportIds.push(report.id);
  return report;
}
