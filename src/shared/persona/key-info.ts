// Questions about the key itself, for the options page's "Test connection"
// (docs/persona.md#key-checks): `GET /rate-limits`, which any key may call, and the undocumented
// `GET /api-keys/permissions` that Persona's own secret scanner uses. The latter may vanish:
// callers treat its 404 as "not available" and fall back to the former.
import { apiUrl } from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import { keyPermissionsDocument, rateLimitsDocument } from './schemas.ts';
import type { RequestSpec, Transport } from './transport.ts';

export interface ApiRateLimit {
  limit: number;
  remaining: number;
  resetSeconds?: number;
}

export interface KeyPermissions {
  name?: string;
  permissions: string[];
  expiresAt?: string;
}

export function keyInfo(transport: Transport) {
  const get = (path: string): RequestSpec => ({
    method: 'GET',
    url: apiUrl(transport.baseUrl, path),
  });

  return {
    /** The API-wide limit from the body, or from the headers when the body has none. */
    async getRateLimits(): Promise<PersonaResult<ApiRateLimit | undefined>> {
      const { document, meta } = await transport.readDocument(
        rateLimitsDocument,
        get('/rate-limits'),
      );
      const limits = document.data;
      const entry = limits.find((item) => item.type === 'rate-limit/api') ?? limits[0];
      const { limit, remaining } = entry?.attributes ?? {};
      let data: ApiRateLimit | undefined;
      if (limit !== undefined && remaining !== undefined) {
        data = { limit, remaining };
        const reset = entry?.attributes['seconds-to-reset'];
        if (reset !== undefined) data.resetSeconds = reset;
      } else if (meta.rateLimit?.limit !== undefined && meta.rateLimit.remaining !== undefined) {
        // A copy: both counts are there, as just checked.
        data = { ...meta.rateLimit } as ApiRateLimit;
      }
      return { data, meta };
    },

    /** The key's name, permissions and expiry; environment and organisation are in `meta`. */
    async getKeyPermissions(): Promise<PersonaResult<KeyPermissions>> {
      const { document, meta } = await transport.readDocument(
        keyPermissionsDocument,
        get('/api-keys/permissions'),
      );
      const { attributes } = document.data;
      const data: KeyPermissions = { permissions: attributes.permissions };
      if (attributes.name) data.name = attributes.name;
      if (attributes['expires-at']) data.expiresAt = attributes['expires-at'];
      return { data, meta };
    },
  };
}
