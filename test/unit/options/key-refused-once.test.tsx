// @vitest-environment happy-dom
// A key Persona refuses is said once, at the key's field: the box below the buttons, for problems
// no field marks, is never drawn with it, not even for a render (it was, and its alert repeated
// the field's words and request ID).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../src/options/options-app.tsx';
import { DeskError } from '../../../src/shared/errors.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

/** Every alert drawn from now on, with whether it is the key field's own message. */
function recordAlerts() {
  const seen: { text: string; atKey: boolean }[] = [];
  const observer = new MutationObserver(() => {
    for (const alert of document.querySelectorAll('[role="alert"]')) {
      const text = alert.textContent ?? '';
      const atKey = alert.closest('#api-key-error') !== null || alert.id === 'api-key-error';
      if (text && !seen.some((s) => s.text === text && s.atKey === atKey))
        seen.push({ text, atKey });
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('a key Persona refuses', () => {
  it.each(['Test connection', 'Save'])(
    'is said at the key field alone after %s',
    async (button) => {
      vi.mocked(sendRequest).mockRejectedValue(
        new DeskError({
          kind: 'unauthorized',
          status: 401,
          message: 'Persona did not accept the API key.',
          requestId: 'req_Refused0001',
        }),
      );
      render(<OptionsApp />);
      const key = await screen.findByLabelText('API key');
      fireEvent.input(key, {
        target: { value: 'persona_sandbox_0000aaaa-1111-2222-3333-444455556666' },
      });
      const alerts = recordAlerts();
      fireEvent.click(screen.getByRole('button', { name: button }));
      await waitFor(() =>
        expect(document.getElementById('api-key-error')?.textContent).toContain('req_Refused0001'),
      );
      await waitFor(() => expect(document.activeElement).toBe(key));
      alerts.stop();
      expect(alerts.seen.filter((alert) => !alert.atKey)).toEqual([]);
    },
  );
});
