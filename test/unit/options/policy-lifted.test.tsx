// @vitest-environment happy-dom
// A policy lifted while the options page is open: the fields it set show, and save, the reviewer's
// own values the background kept aside (policy-enforce.ts), not the organisation's.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../src/options/options-app.tsx';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { defaultSettings, type Settings } from '../../../src/shared/settings.ts';
import { writeItem } from '../../../src/shared/storage.ts';
import { settingsItem, settingsUnderPolicyItem } from '../../../src/shared/storage-items.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

const organisation = 'https://withpersona.com/api/v1';
const mine = 'http://127.0.0.1:4010/api/v1';

describe('the options page under a policy', () => {
  it('once the policy is lifted, shows and saves the base URL the reviewer had', async () => {
    const own: Settings = { ...defaultSettings(), baseUrl: mine, pollSeconds: 45 };
    await writeItem(settingsItem, { ...own, baseUrl: organisation });
    await writeItem(settingsUnderPolicyItem, { own, held: ['baseUrl'] });
    await fakeBrowser.storage.managed.set({ apiBaseUrl: organisation });
    vi.mocked(sendRequest).mockImplementation((async (request: { settings?: Settings }) => ({
      settings: request.settings,
      keyInfo: null,
    })) as never);
    render(<OptionsApp />);
    const baseUrl = (await screen.findByRole('textbox', {
      name: 'API base URL',
    })) as HTMLInputElement;
    // Disabled by its fieldset, as the organisation sets it (field.tsx).
    const managed = () => baseUrl.closest('fieldset')?.disabled === true;
    await waitFor(() => expect(managed()).toBe(true));
    expect(baseUrl.value).toBe(organisation);

    await fakeBrowser.storage.managed.clear();
    const field = () => screen.getByRole('textbox', { name: 'API base URL' }) as HTMLInputElement;
    await waitFor(() => expect(field().closest('fieldset')?.disabled ?? false).toBe(false));
    expect(field().value).toBe(mine);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(vi.mocked(sendRequest)).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'saveOptions',
          settings: expect.objectContaining({ baseUrl: mine }),
        }),
      ),
    );
  });
});
