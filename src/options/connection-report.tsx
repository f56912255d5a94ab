import type { ConnectionReport } from '../shared/messages.ts';

/** What "Test connection" learned: where the key points and how much rate limit is left. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const rate = report.rateLimit;
  return (
    <div class="banner is-ok" role="status" data-testid="connection-report">
      <p class="banner-text">
        <strong>Connected</strong> to Persona{' '}
        <span data-testid="connection-environment">
          {report.environment === 'sandbox' ? 'sandbox' : 'production'}
        </span>
        {report.environmentId && (
          <>
            {' '}
            environment <code data-testid="environment-id">{report.environmentId}</code>
          </>
        )}
        .
      </p>
      <dl class="facts">
        {rate && (
          <>
            <dt>Rate limit</dt>
            <dd>
              {rate.remaining} of {rate.limit} requests left this minute
              {rate.resetSeconds !== undefined ? ` (resets in ${rate.resetSeconds} s)` : ''}
            </dd>
          </>
        )}
        {report.keyName && (
          <>
            <dt>Key name</dt>
            <dd>{report.keyName}</dd>
          </>
        )}
        <dt>Permissions (best effort)</dt>
        <dd data-testid="connection-permissions">
          {report.permissionsRead && report.permissions
            ? report.permissions.length
              ? report.permissions.join(', ')
              : 'none listed'
            : 'Permissions could not be read: Persona’s API does not publish them for every key. The key works; check its permissions in the Persona dashboard.'}
        </dd>
        {report.keyExpiresAt && (
          <>
            <dt>Key expires</dt>
            <dd>{new Date(report.keyExpiresAt).toLocaleString()}</dd>
          </>
        )}
        {report.organizationId && (
          <>
            <dt>Organization</dt>
            <dd>
              <code>{report.organizationId}</code>
            </dd>
          </>
        )}
        <dt>API</dt>
        <dd>
          <code>{report.baseUrl}</code>
        </dd>
      </dl>
    </div>
  );
}
