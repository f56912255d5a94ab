import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { HOUR } from '../core/clock.ts';
import type { SandboxEnv } from '../http/env.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { imageFor } from './images.ts';

// Persona's signed file URLs stay valid for 6 hours by default (docs.withpersona.com/downloading-files).
const FILE_URL_LIFETIME_MS = 6 * HOUR;

function signature(secret: Buffer, path: string, expires: number): Buffer {
  return createHmac('sha256', secret).update(`${path}\n${expires}`).digest().subarray(0, 18);
}

/** `…/files/<verification>/<name>.png?access_token=…`: the token carries its own expiry. */
export function signedFileUrl(
  secret: Buffer,
  origin: string,
  verificationId: string,
  name: string,
  now: number,
): { url: string; byteSize: number } {
  const path = `/files/${verificationId}/${name}.png`;
  const expires = Math.floor((now + FILE_URL_LIFETIME_MS) / 1000);
  const token = `${expires.toString(36)}.${signature(secret, path, expires).toString('base64url')}`;
  return { url: `${origin}${path}?access_token=${token}`, byteSize: imageFor(name)?.length ?? 0 };
}

function tokenIsValid(secret: Buffer, path: string, token: string, now: number): boolean {
  const [expiresText, mac] = token.split('.');
  if (!expiresText || !mac) return false;
  const expires = Number.parseInt(expiresText, 36);
  if (!Number.isFinite(expires) || expires * 1000 <= now) return false;
  const expected = signature(secret, path, expires);
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Image downloads: no API key needed, as with Persona; a valid, unexpired token is. */
export function fileRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  app.get('/files/:verificationId/:file', (c) => {
    const { verificationId, file } = c.req.param();
    const name = file.replace(/\.png$/, '');
    const png = imageFor(name);
    const verification = runtime.store.verifications.get(verificationId);
    const token = c.req.query('access_token') ?? '';
    if (!png || !verification?.files.includes(name)) return c.text('Not found', 404);
    if (!tokenIsValid(runtime.secret, new URL(c.req.url).pathname, token, runtime.clock.now())) {
      return c.text('Access token is invalid or has expired', 403);
    }
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      'Cache-Control': 'private, max-age=300',
    });
  });
  return app;
}
