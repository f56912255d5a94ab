// What a photo download accepts: Persona's file host only, and raster images only.
import { describe, expect, it } from 'vitest';
import { PERSONA_FILES_ORIGIN, photoFetcher } from '../../../../src/shared/persona/photo-fetch.ts';

const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const url = `${PERSONA_FILES_ORIGIN}/v1/files/front.jpg?signature=x`;

function fetcherServing(type: string) {
  return photoFetcher({
    baseUrl: 'https://api.withpersona.com/api/v1',
    fetch: async () => new Response(bytes, { headers: { 'Content-Type': type } }),
  });
}

describe('photoFetcher', () => {
  it.each([
    ['image/jpeg', 'image/jpeg'],
    ['image/jpg', 'image/jpg'],
    ['image/PNG; charset=binary', 'image/PNG'],
    ['image/webp', 'image/webp'],
  ])('shows a raster photo served as %s', async (served, type) => {
    expect(await fetcherServing(served)(url)).toEqual({ type, bytes });
  });

  it.each([
    'image/svg+xml',
    'image/svg+xml; charset=utf-8',
    'text/html',
    'application/octet-stream',
    '',
  ])('refuses a file served as "%s": an SVG is a document, not a photo', async (served) => {
    await expect(fetcherServing(served)(url)).rejects.toMatchObject({
      info: {
        kind: 'bad_response',
        message: 'This file is not a photo Inquiry Desk shows (JPEG, PNG, WebP, GIF, AVIF or BMP).',
      },
    });
  });
});
