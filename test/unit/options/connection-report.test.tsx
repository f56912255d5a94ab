// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionReportView } from '../../../src/options/connection-report.tsx';
import { NEEDED_PERMISSIONS } from '../../../src/options/missing-permissions.ts';

afterEach(cleanup);

const base = { environment: 'sandbox', baseUrl: 'http://127.0.0.1:4010/api/v1' } as const;

describe('the connection report', () => {
  it('labels the permission list as Persona’s, as far as it lists them', () => {
    render(
      <ConnectionReportView
        report={{ ...base, permissionsRead: true, permissions: ['inquiry.read'] }}
      />,
    );
    expect(screen.getByText('Permissions, as far as Persona lists them')).toBeTruthy();
    expect(screen.getByTestId('connection-permissions').textContent).toBe('inquiry.read');
  });

  it('names the environment in words, and gives its ID among the facts, labelled', () => {
    render(
      <ConnectionReportView
        report={{ ...base, permissionsRead: false, environmentId: 'env_Abc123' }}
      />,
    );
    const report = screen.getByTestId('connection-report');
    expect(report.querySelector('p')?.textContent).toBe(
      "Connected to Persona's sandbox environment.",
    );
    const id = screen.getByTestId('environment-id');
    expect(id.closest('dd')?.previousElementSibling?.textContent).toBe('Environment ID');
  });

  it('lists, for each permission the desk uses and the key lacks, what it is for', () => {
    render(
      <ConnectionReportView
        report={{ ...base, permissionsRead: true, permissions: ['inquiry.read', 'report.read'] }}
      />,
    );
    const report = screen.getByTestId('connection-report');
    expect(report.className).toContain('is-warn');
    const items = [...screen.getByTestId('missing-permissions').querySelectorAll('li')];
    expect(items.map((li) => li.textContent)).toEqual([
      'inquiry.write: creating inquiries, Approve, Decline, Mark for review, tags and new links',
      'verification.read: verifications, their checks and photos',
      "event.read: the inquiry's activity (events)",
    ]);
  });

  it('lists nothing missing for a key with every permission the desk uses, nor when unread', () => {
    const all = NEEDED_PERMISSIONS.map(([name]) => name);
    render(<ConnectionReportView report={{ ...base, permissionsRead: true, permissions: all }} />);
    expect(screen.getByTestId('connection-report').className).toContain('is-ok');
    expect(screen.queryByTestId('missing-permissions')).toBeNull();
    cleanup();
    render(<ConnectionReportView report={{ ...base, permissionsRead: false }} />);
    expect(screen.getByTestId('connection-report').className).toContain('is-ok');
    expect(screen.queryByTestId('missing-permissions')).toBeNull();
  });

  it('says the permissions could not be read when it fell back to the rate limits', () => {
    render(<ConnectionReportView report={{ ...base, permissionsRead: false }} />);
    expect(screen.getByTestId('connection-permissions').textContent).toMatch(
      /^Permissions could not be read/,
    );
  });
});
