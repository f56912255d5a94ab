// Photos are downloaded from the signed URLs Persona gives (https://docs.withpersona.com/
// downloading-files): no API key goes with them. Only Persona's file host and the configured
// local sandbox are fetched; a URL anywhere else is withheld and never requested, since a photo
// URL is data from an answer, not a place the reviewer chose. Sent like Persona's own calls
// (fetch-with-timeout.ts): `no-store` keeps ID photos out of the HTTP cache, which is on disk.
import { DeskError, deskError } from '../errors.ts';
import { t } from '../i18n.ts';
import { isLoopbackBaseUrl } from './api-origin.ts';
import {
  type Exchange,
  ExchangeFailure,
  type FetchLike,
  fetchWithTimeout,
} from './fetch-with-timeout.ts';

export const PERSONA_FILES_ORIGIN = 'https://files.withpersona.com';

export interface Photo {
  type: string;
  bytes: Uint8Array;
}

/** The origins photos may come from, given the configured API base URL. */
export function photoOrigins(baseUrl: string): string[] {
  return isLoopbackBaseUrl(baseUrl)
    ? [PERSONA_FILES_ORIGIN, new URL(baseUrl).origin]
    : [PERSONA_FILES_ORIGIN];
}

export function isAllowedPhotoUrl(url: string, origins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return origins.includes(parsed.origin) && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The raster formats a browser shows in an <img>, and nothing else: an SVG is a document, and
 * opened from its blob: link in a tab of its own it would run at the extension's origin. In any
 * case, as media types are.
 */
const PHOTO_TYPE = /^image\/(jpe?g|png|webp|gif|avif|bmp)$/i;

/** Per photo, body included. */
const PHOTO_TIMEOUT_MS = 20_000;

export function photoFetcher(options: { baseUrl: string; fetch?: FetchLike }) {
  const origins = photoOrigins(options.baseUrl);
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  return async function fetchPhoto(url: string): Promise<Photo> {
    if (!isAllowedPhotoUrl(url, origins)) {
      throw deskError('refused', 'photoWithheld');
    }
    let exchange: Exchange;
    try {
      // Not followed: a redirect could lead anywhere, and the host check above must hold for the
      // bytes too (fetch-with-timeout.ts refuses one).
      exchange = await fetchWithTimeout(fetchFn, url, { credentials: 'omit' }, PHOTO_TIMEOUT_MS);
    } catch (failure) {
      throw new DeskError({
        kind:
          failure instanceof ExchangeFailure && failure.kind === 'timeout' ? 'timeout' : 'network',
        message: t('photoDownloadFailed'),
      });
    }
    const { response, bytes } = exchange;
    if (!response.ok) {
      throw new DeskError({
        kind:
          response.status === 403
            ? 'forbidden'
            : response.status >= 500
              ? 'server'
              : 'bad_response',
        status: response.status,
        message: response.status === 403 ? t('photoLinkExpired') : t('photoHttp', response.status),
      });
    }
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    if (!PHOTO_TYPE.test(type)) {
      throw deskError('bad_response', 'photoNotImage');
    }
    return { type, bytes };
  };
}
