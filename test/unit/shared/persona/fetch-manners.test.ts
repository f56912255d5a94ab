// @vitest-environment node
// What every request to Persona carries besides headers: no HTTP cache, no followed redirect.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../src/shared/errors.ts';
import { createPersonaClient } from '../../../../src/shared/persona/client.ts';
import { fixture } from './fixtures.ts';

const KEY = 'persona_sandbox_5ecret-5ecret-5ecret-0001';

function recordingFetch(answer: () => Response) {
  const inits: RequestInit[] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    inits.push(init);
    return answer();
  };
  return { fetch, inits };
}

function client(fetch: (url: string, init: RequestInit) => Promise<Response>) {
  return createPersonaClient({
    apiKey: KEY,
    fetch,
    sleep: async () => undefined,
    random: () => 0,
    createIdempotencyKey: () => 'generated-key',
  });
}

describe('fetch manners', () => {
  it('asks for no HTTP cache and never follows a redirect, on reads and writes', async () => {
    const { fetch, inits } = recordingFetch(
      () => new Response(JSON.stringify(fixture('inquiry-retrieve-200')), { status: 200 }),
    );
    const persona = client(fetch);
    await persona.getInquiry('inq_zEx4jL84ShbUyuwX6AzPSqt6', { include: [] });
    await persona.approveInquiry('inq_zEx4jL84ShbUyuwX6AzPSqt6');
    expect(inits).toHaveLength(2);
    for (const init of inits) {
      expect(init.cache).toBe('no-store');
      expect(init.redirect).toBe('manual');
    }
  });

  it('a 307 to another origin ends in a clear refusal, sent once and never retried', async () => {
    const { fetch, inits } = recordingFetch(
      () =>
        new Response(null, { status: 307, headers: { Location: 'https://evil.example/api/v1' } }),
    );
    const error = await client(fetch)
      .getInquiry('inq_zEx4jL84ShbUyuwX6AzPSqt6', { include: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).info.kind).toBe('refused');
    expect((error as DeskError).message).toMatch(/redirect/);
    expect(inits).toHaveLength(1);
  });
});
