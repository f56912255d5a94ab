// A looked-up text may be a name, a birthdate or an SSN: it never reaches storage.local or a URL.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newLink } from '../../../src/background/handlers/actions.ts';
import { findInquiries } from '../../../src/background/handlers/inquiries.ts';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { openLookup } from '../../../src/background/lookup/open-lookup.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';

const id = 'inq_AAAAAA111111';
const personal = 'Jane Doe 1980-04-01';
let oneTimeLink = 'https://withpersona.com/verify?code=x';

beforeEach(async () => {
  await saveOptions({
    type: 'saveOptions',
    settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
    key: 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b',
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string | URL) => {
      const target = new URL(String(url));
      const ref = target.searchParams.get('filter[reference-id]');
      const data = {
        type: 'inquiry',
        id,
        attributes: { status: 'pending', 'reference-id': 'u-1' },
      };
      const body = target.pathname.endsWith('/generate-one-time-link')
        ? { data, included: [], meta: { 'one-time-link': oneTimeLink } }
        : target.pathname.endsWith('/inquiries')
          ? { data: ref === 'u-1' ? [data] : [], links: { next: null, prev: null } }
          : { data, included: [] };
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function local() {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('lookups', () => {
  it('remember found ids and reference ids in storage.session only, never other text', async () => {
    await findInquiries({ type: 'findInquiries', query: personal });
    await findInquiries({ type: 'findInquiries', query: 'u-1' });
    await findInquiries({ type: 'findInquiries', query: id });
    expect((await fakeBrowser.storage.session.get('recentLookups')).recentLookups).toEqual([
      id,
      'u-1',
    ]);
    expect(await local()).not.toContain('Jane');
    expect(await local()).not.toContain('recentLookups');
  });

  it('a lookup opened in a tab carries the text through storage.session, not the URL', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openLookup(personal, undefined);
    const url = String(create.mock.calls.at(-1)?.[0]?.url);
    expect(url).toMatch(/src\/popup\/index\.html\?lookup$/);
    expect(decodeURIComponent(url)).not.toContain('Jane');
    expect((await fakeBrowser.storage.session.get('panelRoute')).panelRoute).toMatchObject({
      search: personal,
    });
    expect(await local()).not.toContain('Jane');
  });
});

describe('newLink', () => {
  it('refuses a javascript: link from the API and keeps nothing', async () => {
    oneTimeLink = 'javascript:alert(document.domain)';
    await expect(newLink({ type: 'newLink', id })).rejects.toThrow(/not on a Persona address/);
    expect(await fakeBrowser.storage.session.get('links')).toEqual({});
    oneTimeLink = 'https://withpersona.com/verify?code=x';
  });
});

describe('migration to storage version 2', () => {
  it('removes recent lookups an earlier version kept in storage.local', async () => {
    const { migrateStorage } = await import('../../../src/background/migrations.ts');
    await fakeBrowser.storage.local.set({ storageVersion: 1, recentLookups: [personal] });
    await migrateStorage();
    expect(await local()).not.toContain('Jane');
  });
});
