import { formatNumber } from '../shared/format.ts';
import { formatDateTime } from '../shared/format-date-time.ts';
import { t } from '../shared/i18n.ts';
import type { ConnectionReport } from '../shared/messages.ts';
import { missingPermissions } from './missing-permissions.ts';

/** What "Test connection" learned: where the key points and how much rate limit is left. */
export function ConnectionReportView({
  report,
  unsaved = false,
}: {
  report: ConnectionReport;
  /** The key tested is the one typed, not yet saved: nothing uses it until Save. */
  unsaved?: boolean;
}) {
  const rate = report.rateLimit;
  // Connected is not the same as able to work: a key without inquiry.write authenticates, and
  // its first Approve is refused. Said here, before a reviewer meets it.
  const missing =
    report.permissionsRead && report.permissions ? missingPermissions(report.permissions) : [];
  return (
    <div
      class={`banner ${missing.length ? 'is-warn' : 'is-ok'}`}
      role="status"
      data-testid="connection-report"
    >
      <p class="banner-text">
        {/* One phrase per environment: word order differs between languages. */}
        <strong>{t('connectedLead')}</strong>{' '}
        <span data-testid="connection-environment">
          {t(report.environment === 'sandbox' ? 'connectedSandbox' : 'connectedProduction')}
        </span>
        .
      </p>
      {missing.length > 0 && (
        <div data-testid="missing-permissions">
          <p class="banner-text">{t('keyLacksPermissions')}</p>
          <ul class="missing-permissions">
            {missing.map(([name, purpose]) => (
              <li key={name}>
                <code>{name}</code>: {t(purpose)}
              </li>
            ))}
          </ul>
          <p class="banner-text">{t('addPermissionsHow')}</p>
        </div>
      )}
      {unsaved && <p class="banner-text">{t('testedKeyUnsaved')}</p>}
      <dl class="facts">
        {rate && (
          <>
            <dt>{t('rateLimit')}</dt>
            <dd>
              {t('rateLeft', formatNumber(rate.remaining), formatNumber(rate.limit))}
              {rate.resetSeconds !== undefined
                ? ` ${t('rateResets', formatNumber(rate.resetSeconds))}`
                : ''}
            </dd>
          </>
        )}
        {report.keyName && (
          <>
            <dt>{t('keyName')}</dt>
            <dd>{report.keyName}</dd>
          </>
        )}
        {/* Among the facts, not in the sentence: "Connected to … environment env_…" read as if
            the code were the environment's name. */}
        {report.environmentId && (
          <>
            <dt>{t('environmentId')}</dt>
            <dd>
              <code data-testid="environment-id">{report.environmentId}</code>
            </dd>
          </>
        )}
        <dt>{t('permissionsBestEffort')}</dt>
        <dd data-testid="connection-permissions">
          {report.permissionsRead && report.permissions
            ? report.permissions.length
              ? report.permissions.join(', ')
              : t('noneListed')
            : t('permissionsUnread')}
        </dd>
        {report.keyExpiresAt && (
          <>
            <dt>{t('keyExpires')}</dt>
            <dd>{formatDateTime(report.keyExpiresAt)}</dd>
          </>
        )}
        {report.organizationId && (
          <>
            <dt>{t('organization')}</dt>
            <dd>
              <code>{report.organizationId}</code>
            </dd>
          </>
        )}
        <dt>{t('apiLabel')}</dt>
        <dd>
          <code>{report.baseUrl}</code>
        </dd>
      </dl>
    </div>
  );
}
