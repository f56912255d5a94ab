// @vitest-environment happy-dom
// Nothing answered a Save's or a Test's address: the options page, where the address is typed,
// names it, rather than only sending the reviewer to check an internet connection that works.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../src/options/options-app.tsx';
import { DeskError } from '../../../src/shared/errors.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

/** Test connection at `baseUrl`, the background answering with `kind`'s error. */
async function testAt(baseUrl: string, kind: 'network' | 'timeout') {
  const message = kind === 'network' ? 'Inquiry Desk could not reach Persona.' : 'Too slow.';
  vi.mocked(sendRequest).mockRejectedValue(new DeskError({ kind, message }));
  render(<OptionsApp />);
  const url = await screen.findByRole('textbox', { name: 'API base URL' });
  fireEvent.input(url, { target: { value: baseUrl } });
  fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
  return (await screen.findByRole('alert')).textContent;
}

describe('an address nothing answered', () => {
  it('is named, with the field to check first', async () => {
    expect(await testAt('https://api.withpersona.com/api/v1', 'network')).toContain(
      'Nothing answered at https://api.withpersona.com. Check the API base URL above, then the internet connection.',
    );
  });

  it('is brought into view once it is in the box below the buttons, not before', async () => {
    const shown: string[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      shown.push(this.textContent ?? '');
    });
    await testAt('https://api.withpersona.com/api/v1', 'network');
    await waitFor(() => expect(shown.at(-1)).toContain('Nothing answered at'));
    vi.restoreAllMocks();
  });

  it('names the default address when the field is left empty, which means it', async () => {
    expect(await testAt('', 'network')).toContain(
      'Nothing answered at https://api.withpersona.com.',
    );
  });

  it("leaves the local sandbox's own message as the background said it, and says where a slow answer was asked", async () => {
    expect(await testAt('http://127.0.0.1:4010/api/v1', 'network')).toContain(
      'Inquiry Desk could not reach Persona.',
    );
    cleanup();
    expect(await testAt('https://api.withpersona.com/api/v1', 'timeout')).toContain(
      'Asked at https://api.withpersona.com. Too slow.',
    );
  });

  it('is named after a Save too, whose try of the typed key nothing answered', async () => {
    vi.mocked(sendRequest).mockImplementation((async (request: { type: string }) => {
      if (request.type === 'saveOptions') {
        return {
          settings: (request as unknown as { settings: object }).settings,
          keyInfo: { masked: 'persona_sandbox_…6666', environment: 'sandbox', savedAt: 1 },
        };
      }
      // Test connection's try of the key, and the rest, meet nothing.
      throw new DeskError({ kind: 'network', message: 'Inquiry Desk could not reach Persona.' });
    }) as never);
    render(<OptionsApp />);
    const url = await screen.findByRole('textbox', { name: 'API base URL' });
    fireEvent.input(url, { target: { value: 'https://api.withpersona.com/api/v1' } });
    fireEvent.input(screen.getByLabelText('API key'), {
      target: { value: 'persona_sandbox_0000aaaa-1111-2222-3333-444455556666' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Nothing answered at https://api.withpersona.com.',
    );
  });
});
