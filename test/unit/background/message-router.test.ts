import { describe, expect, it, vi } from 'vitest';
import { type Handlers, routeMessage } from '../../../src/background/message-router.ts';
import { DeskError } from '../../../src/shared/errors.ts';

const ownId = 'ownextensionidownextensionidabcd';
const ownOrigin = `chrome-extension://${ownId}/`;
const popup = { id: ownId, url: `${ownOrigin}src/popup/index.html` };

function context(ping: Handlers['ping']) {
  return { handlers: { ping } as Handlers, ownId, ownOrigin };
}

describe('routeMessage', () => {
  it('answers a valid request from an own page with the handler result', async () => {
    const ping = vi.fn(async () => ({ version: '1.2.3', startedAt: 5 }));
    const answer = await routeMessage({ type: 'ping' }, popup, context(ping));
    expect(answer).toEqual({ ok: true, data: { version: '1.2.3', startedAt: 5 } });
    expect(ping).toHaveBeenCalledOnce();
  });

  it.each([
    ['another extension', { id: 'other', url: `${ownOrigin}x.html` }],
    ['a web page', { id: ownId, url: 'https://chat.example.com/' }],
    ['a look-alike origin', { id: ownId, url: `chrome-extension://${ownId}.evil/x` }],
    ['no url', { id: ownId }],
    ['a garbage url', { id: ownId, url: 'not a url' }],
  ])('refuses %s without running the handler', async (_, sender) => {
    const ping = vi.fn(async () => ({ version: '1', startedAt: 0 }));
    const answer = await routeMessage({ type: 'ping' }, sender, context(ping));
    expect(answer).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(ping).not.toHaveBeenCalled();
  });

  it.each([[null], ['ping'], [{}], [{ type: 'nope' }], [{ type: 42 }]])(
    'refuses malformed request %j',
    async (message) => {
      const ping = vi.fn(async () => ({ version: '1', startedAt: 0 }));
      const answer = await routeMessage(message, popup, context(ping));
      expect(answer).toMatchObject({ ok: false, error: { kind: 'bad_request' } });
      expect(ping).not.toHaveBeenCalled();
    },
  );

  it('passes a DeskError through and hides the text of unexpected errors', async () => {
    const known = await routeMessage(
      { type: 'ping' },
      popup,
      context(async () => {
        throw new DeskError({ kind: 'no_key', message: 'Add a key.' });
      }),
    );
    expect(known).toEqual({ ok: false, error: { kind: 'no_key', message: 'Add a key.' } });

    vi.spyOn(console, 'error').mockImplementation(() => {});
    const unknown = await routeMessage(
      { type: 'ping' },
      popup,
      context(async () => {
        throw new Error('Bearer persona_sandbox_secret leaked');
      }),
    );
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(unknown)).not.toContain('persona_sandbox_secret');
  });
});

describe('routeMessage during start-up', () => {
  it('refuses a foreign sender even while start-up has failed, and never runs the handler', async () => {
    const ping = vi.fn(async () => ({ version: '1', startedAt: 0 }));
    const failed = Promise.reject(new DeskError({ kind: 'startup_failed', message: 'x' }));
    failed.catch(() => undefined);
    const foreign = { id: 'other', url: 'https://chat.example.com/' };
    const answer = await routeMessage({ type: 'ping' }, foreign, {
      ...context(ping),
      ready: failed,
    });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'refused' } });
    const own = await routeMessage({ type: 'ping' }, popup, { ...context(ping), ready: failed });
    expect(own).toMatchObject({ ok: false, error: { kind: 'startup_failed' } });
    expect(ping).not.toHaveBeenCalled();
  });

  it('runs the handler only after start-up has finished', async () => {
    let finish = () => {};
    const ready = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const ping = vi.fn(async () => ({ version: '1', startedAt: 0 }));
    const answer = routeMessage({ type: 'ping' }, popup, { ...context(ping), ready });
    await Promise.resolve();
    expect(ping).not.toHaveBeenCalled();
    finish();
    expect(await answer).toMatchObject({ ok: true });
    expect(ping).toHaveBeenCalledOnce();
  });
});

describe('routeMessage observe hook', () => {
  it('sees each valid request from an own page, and its answer before the page does', async () => {
    const seen: string[] = [];
    const observe = vi.fn(async (request: { type: string }) => {
      seen.push(`request ${request.type}`);
      return async (answer: { ok: boolean }) => {
        seen.push(`answer ${answer.ok}`);
      };
    });
    const ping = vi.fn(async () => {
      seen.push('handler');
      return { version: '1', startedAt: 0 };
    });
    const answer = await routeMessage({ type: 'ping' }, popup, { ...context(ping), observe });
    seen.push('returned');
    expect(answer).toMatchObject({ ok: true });
    expect(seen).toEqual(['request ping', 'handler', 'answer true', 'returned']);
  });

  it('never sees a refused or malformed request, and a failing hook fails nothing', async () => {
    const ping = vi.fn(async () => ({ version: '1', startedAt: 0 }));
    const observe = vi.fn(async () => {
      throw new Error('trail unwritable');
    });
    const foreign = { id: 'other', url: 'https://chat.example.com/' };
    await routeMessage({ type: 'ping' }, foreign, { ...context(ping), observe });
    await routeMessage({ type: 'nope' }, popup, { ...context(ping), observe });
    expect(observe).not.toHaveBeenCalled();
    const answer = await routeMessage({ type: 'ping' }, popup, { ...context(ping), observe });
    expect(observe).toHaveBeenCalledOnce();
    expect(answer).toMatchObject({ ok: true });
  });
});
