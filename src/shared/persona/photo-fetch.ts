// Photos are downloaded from the signed URLs Persona gives (https://docs.withpersona.com/
// downloading-files): no API key goes with them. Only Persona's file host and the configured
// local sandbox are fetched; a URL anywhere else is withheld and never requested, since a photo
// URL is data from an answer, not a place the reviewer chose. `cache: 'no-store'` keeps ID photos
// out of the HTTP cache, which is on disk.
import { DeskError } from '../errors.ts';
import { t } from '../i18n.ts';
import { isLoopbackBaseUrl } from './base-url.ts';
import type { FetchLike } from './fetch-with-timeout.ts';

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

export function photoFetcher(options: { baseUrl: string; fetch?: FetchLike; timeoutMs?: number }) {
  const origins = photoOrigins(options.baseUrl);
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 20_000;
  return async function fetchPhoto(url: string): Promise<Photo> {
    if (!isAllowedPhotoUrl(url, origins)) {
      throw new DeskError({ kind: 'refused', message: t('photoWithheld') });
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchFn(url, {
        method: 'GET',
        cache: 'no-store',
        credentials: 'omit',
        // A redirect could lead anywhere; the host check above must hold for the bytes too.
        redirect: 'error',
        signal: controller.signal,
      });
      if (!response.ok) {
        throw new DeskError({
          kind: response.status === 403 ? 'forbidden' : 'bad_response',
          status: response.status,
          message:
            response.status === 403 ? t('photoLinkExpired') : t('photoHttp', response.status),
        });
      }
      const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
      if (!type.startsWith('image/')) {
        throw new DeskError({ kind: 'bad_response', message: t('photoNotImage') });
      }
      return { type, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      if (error instanceof DeskError) throw error;
      throw new DeskError({
        kind: controller.signal.aborted ? 'timeout' : 'network',
        message: t('photoDownloadFailed'),
      });
    } finally {
      clearTimeout(timer);
    }
  };
}
