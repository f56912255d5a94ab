// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionReportView } from '../../../src/options/connection-report.tsx';

afterEach(cleanup);

const base = { environment: 'sandbox', baseUrl: 'http://127.0.0.1:4010/api/v1' } as const;

describe('the connection report', () => {
  it('labels the permission list best effort', () => {
    render(
      <ConnectionReportView
        report={{ ...base, permissionsRead: true, permissions: ['inquiry.read'] }}
      />,
    );
    expect(screen.getByText('Permissions (best effort)')).toBeTruthy();
    expect(screen.getByTestId('connection-permissions').textContent).toBe('inquiry.read');
  });

  it('says the permissions could not be read when it fell back to the rate limits', () => {
    render(<ConnectionReportView report={{ ...base, permissionsRead: false }} />);
    expect(screen.getByTestId('connection-permissions').textContent).toMatch(
      /^Permissions could not be read/,
    );
  });
});
