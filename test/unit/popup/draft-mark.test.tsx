// @vitest-environment happy-dom
// A create form left half typed (the popup closed on a click into the chat) is said on Home's
// New inquiry button, so it is not forgotten; an empty form says nothing.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftItem } from '../../../src/shared/storage-items.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

async function newInquiryButton() {
  render(<DeskShell first={{ name: 'home' }} />);
  const box = await screen.findByRole('searchbox', { name: 'Find inquiry' });
  await waitFor(() => expect(box.hasAttribute('disabled')).toBe(false));
  return screen.getByRole('button', { name: /^New inquiry/ });
}

describe('New inquiry on Home', () => {
  it('says “draft” when a form is waiting half typed', async () => {
    stubBackground({});
    await fakeBrowser.storage.session.set({
      draft: { ...draftItem.fallback(), templateId: 'itmpl_Kept01', emailAddress: 'a@b.example' },
    });
    const button = await newInquiryButton();
    await waitFor(() => expect(button.textContent).toBe('New inquiry draft'));
  });

  it('says nothing for an empty form, nor for a search or a template alone', async () => {
    stubBackground({});
    await fakeBrowser.storage.session.set({
      draft: { ...draftItem.fallback(), templateId: 'itmpl_Default01', search: 'demo-3' },
    });
    const button = await newInquiryButton();
    expect(button.textContent).toBe('New inquiry');
  });
});
