// @vitest-environment happy-dom
// Test connection's report speaks for the key and base URL it tried: once the reviewer changes
// either in the form, the green report goes, so it never vouches for a key no longer typed.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../src/options/options-app.tsx';
import type { ConnectionReport } from '../../../src/shared/messages.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

const typed = 'persona_sandbox_0000aaaa-1111-2222-3333-444455556666';
const report: ConnectionReport = {
  environment: 'sandbox',
  baseUrl: 'https://withpersona.com/api/v1',
  environmentId: 'env_Abc123',
  permissionsRead: false,
};

async function testTypedKey() {
  vi.mocked(sendRequest).mockImplementation((async () => report) as never);
  render(<OptionsApp />);
  const key = (await screen.findByLabelText('API key')) as HTMLInputElement;
  fireEvent.input(key, { target: { value: typed } });
  fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
  await screen.findByTestId('connection-report');
  expect(vi.mocked(sendRequest)).toHaveBeenCalledWith(
    expect.objectContaining({ type: 'testConnection', key: typed }),
  );
  return key;
}

describe("Test connection's report", () => {
  it('goes once the tested key is changed or cleared, and is back when it is typed again', async () => {
    const key = await testTypedKey();
    fireEvent.input(key, { target: { value: 'persona_sandbox_typo' } });
    await waitFor(() => expect(screen.queryByTestId('connection-report')).toBeNull());
    fireEvent.input(key, { target: { value: '' } });
    expect(screen.queryByTestId('connection-report')).toBeNull();
    // The same key again: the report is about it once more.
    fireEvent.input(key, { target: { value: ` ${typed} ` } });
    await screen.findByTestId('connection-report');
  });

  it('goes once the base URL it was tried on is changed', async () => {
    await testTypedKey();
    const baseUrl = screen.getByRole('textbox', { name: 'API base URL' });
    fireEvent.input(baseUrl, { target: { value: 'http://127.0.0.1:4010/api/v1' } });
    await waitFor(() => expect(screen.queryByTestId('connection-report')).toBeNull());
  });
});

describe('Test connection of the saved key', () => {
  it('notes for the desk a key whose permissions lack inquiry.write, and not a test on another address', async () => {
    const masked = 'persona_sandbox_…1a2b';
    const baseUrl = 'https://withpersona.com/api/v1';
    await fakeBrowser.storage.local.set({
      keyInfo: { masked, environment: 'sandbox', savedAt: 1 },
      settings: { baseUrl },
    });
    const readOnly = { ...report, permissionsRead: true, permissions: ['inquiry.read'] };
    vi.mocked(sendRequest).mockImplementation((async () => readOnly) as never);
    render(<OptionsApp />);
    const url = (await screen.findByRole('textbox', { name: 'API base URL' })) as HTMLInputElement;
    await waitFor(() => expect(url.value).toBe(baseUrl));
    // Tried on another address first: that says nothing of the saved key where the desk uses it.
    fireEvent.input(url, { target: { value: 'http://127.0.0.1:4010/api/v1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByTestId('connection-report');
    expect((await fakeBrowser.storage.session.get('writeRefusal')).writeRefusal).toBeUndefined();
    fireEvent.input(url, { target: { value: baseUrl } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('writeRefusal')).writeRefusal).toEqual({
        masked,
      }),
    );
  });
});
