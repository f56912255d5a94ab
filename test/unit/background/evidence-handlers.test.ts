import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  earlierInquiries,
  printInquiry,
  showPhotos,
} from '../../../src/background/handlers/evidence.ts';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { base64ToBytes } from '../../../src/shared/base64.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';

const id = 'inq_AAAAAA111111';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const detail = {
  data: {
    type: 'inquiry',
    id,
    attributes: { status: 'needs_review', 'reference-id': 'user-1' },
    relationships: {
      verifications: { data: [{ type: 'verification/government-id', id: 'ver_1' }] },
      account: { data: { type: 'account', id: 'act_1' } },
    },
  },
  included: [
    {
      type: 'verification/government-id',
      id: 'ver_1',
      attributes: {
        status: 'passed',
        'front-photo-url': 'http://127.0.0.1:4010/files/ver_1/front.png?access_token=t',
        'back-photo-url': 'https://elsewhere.example/back.png',
      },
    },
  ],
};

let calls: { url: string; init: RequestInit | undefined }[];

beforeEach(async () => {
  await saveOptions({
    type: 'saveOptions',
    settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
    key: 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b',
  });
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string | URL, init?: RequestInit) => {
      const target = new URL(String(url));
      calls.push({ url: decodeURIComponent(target.pathname + target.search), init });
      if (target.pathname.startsWith('/files/')) {
        return new Response(PNG, { headers: { 'Content-Type': 'image/png' } });
      }
      if (target.pathname.endsWith('/print')) {
        return new Response('%PDF-1.4 tiny', { headers: { 'Content-Type': 'application/pdf' } });
      }
      const body = target.pathname.endsWith('/inquiries')
        ? {
            data: [
              { type: 'inquiry', id: 'inq_BBBB2222', attributes: { status: 'declined' } },
              { type: 'inquiry', id, attributes: { status: 'needs_review' } },
            ],
            links: { next: null, prev: null },
          }
        : detail;
      return new Response(JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('showPhotos', () => {
  it('logs the access, downloads allowed photos with no-store, withholds the rest unfetched', async () => {
    const { photos } = await showPhotos({ type: 'showPhotos', id });
    const [front, back] = photos;
    expect(front).toMatchObject({ name: 'front-photo-url', type: 'image/png' });
    expect(base64ToBytes(front?.base64 ?? '')).toEqual(PNG);
    expect(back).toMatchObject({
      name: 'back-photo-url',
      error: { kind: 'refused', message: 'Photo withheld: unexpected host' },
    });
    expect(back?.base64).toBeUndefined();
    const fileCalls = calls.filter((c) => c.url.startsWith('/files/'));
    expect(fileCalls).toHaveLength(1);
    expect(fileCalls[0]?.init?.cache).toBe('no-store');
    expect(calls.some((c) => c.url.includes('elsewhere'))).toBe(false);
  });
});

describe('showPhotos, none shown', () => {
  it('fails as the first photo failed, so the reviewer and the log hear no photos were shown', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string | URL) =>
        new URL(String(url)).pathname.startsWith('/files/')
          ? new Response('expired', { status: 403 })
          : new Response(JSON.stringify(detail), {
              headers: { 'Content-Type': 'application/json' },
            }),
      ),
    );
    await expect(showPhotos({ type: 'showPhotos', id })).rejects.toMatchObject({
      info: { kind: 'forbidden', message: expect.stringContaining('expired') },
    });
  });
});

describe('earlierInquiries and printInquiry', () => {
  it('lists the account’s other inquiries in one request', async () => {
    const reply = await earlierInquiries({ type: 'earlierInquiries', id, accountId: 'act_1' });
    expect(reply).toEqual({ by: 'account', items: [{ id: 'inq_BBBB2222', status: 'declined' }] });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/inquiries?filter[account-id]=act_1&page[size]=20',
    ]);
  });

  it('asks nothing when there is neither an account nor a reference', async () => {
    expect(await earlierInquiries({ type: 'earlierInquiries', id })).toEqual({
      by: 'none',
      items: [],
    });
    expect(calls).toEqual([]);
  });

  it('returns the PDF as base64 with the inquiry’s file name', async () => {
    const reply = await printInquiry({ type: 'printInquiry', id });
    expect(reply.filename).toBe(`${id}.pdf`);
    expect(new TextDecoder().decode(base64ToBytes(reply.base64))).toBe('%PDF-1.4 tiny');
    expect(calls[0]?.init?.cache).toBe('no-store');
  });
});
