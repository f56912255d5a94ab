// @vitest-environment happy-dom
// "Failed N times in a row" counts one request's tries: a hook that sends two kinds (the options
// page's Save and Test connection) counts each kind's failures apart when told which is which.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../src/shared/errors.ts';
import { type RequestOptions, useRequest } from '../../../src/ui/use-request.ts';

afterEach(cleanup);

function Probe({ options }: { options?: RequestOptions<[string]> }) {
  const request = useRequest(async (_what: string) => {
    throw new DeskError({ kind: 'invalid', message: 'Refused' });
  }, options);
  return (
    <>
      <button type="button" onClick={() => void request.run('save')}>
        save
      </button>
      <button type="button" onClick={() => void request.run('test')}>
        test
      </button>
      <button type="button" onClick={() => request.answered()}>
        answered elsewhere
      </button>
      <output>{request.error ? String(request.error.tries) : ''}</output>
    </>
  );
}

async function press(name: string, tries: string) {
  fireEvent.click(screen.getByRole('button', { name }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(tries));
}

describe('useRequest failures in a row', () => {
  it('counts every run alike by default', async () => {
    render(<Probe />);
    await press('test', '1');
    await press('save', '2');
    await press('save', '3');
  });

  it('starts again at one when the run is another try (tryOf)', async () => {
    render(<Probe options={{ tryOf: (what) => what }} />);
    await press('test', '1');
    await press('save', '1');
    await press('save', '2');
    await press('test', '1');
  });

  it('starts again after an answer got outside run, as after a run that worked', async () => {
    render(<Probe />);
    await press('save', '1');
    await press('save', '2');
    fireEvent.click(screen.getByRole('button', { name: 'answered elsewhere' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
    await press('save', '1');
  });
});
