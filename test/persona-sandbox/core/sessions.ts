import { createHmac, timingSafeEqual } from 'node:crypto';
import { DAY } from './clock.ts';
import { newId, randomToken } from './ids.ts';
import type { SandboxStore } from './store.ts';
import type { InquiryRecord, OneTimeLinkRecord, SessionRecord } from './types.ts';

// Persona: one-time links live 24 h unless told otherwise, and never outlive their inquiry.
const DEFAULT_LINK_MS = DAY;

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export function createSession(
  store: SandboxStore,
  inquiry: InquiryRecord,
  now: number,
): SessionRecord {
  const session: SessionRecord = {
    id: newId('iqse_'),
    inquiryId: inquiry.id,
    status: 'new',
    createdAt: now,
    startedAt: null,
    expiredAt: null,
    // Persona: a session's expiry is the inquiry's expiry when the session is created.
    expiresAt: inquiry.expiresAt ?? now + DAY,
    userAgent: null,
  };
  store.sessions.set(session.id, session);
  inquiry.sessionIds.push(session.id);
  return session;
}

/** A real HS256 JWT, like Persona's session tokens, signed with this sandbox's secret. */
export function sessionToken(secret: Buffer, session: SessionRecord): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      sub: session.id,
      inquiry_id: session.inquiryId,
      iat: Math.floor(session.createdAt / 1000),
      exp: Math.floor(session.expiresAt / 1000),
    }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function verifySessionToken(
  secret: Buffer,
  token: string,
  now: number,
): { sessionId: string; inquiryId: string } | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    sub?: unknown;
    inquiry_id?: unknown;
    exp?: unknown;
  };
  if (typeof claims.sub !== 'string' || typeof claims.inquiry_id !== 'string') return null;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
  return { sessionId: claims.sub, inquiryId: claims.inquiry_id };
}

/** Persona's resume: reuse a valid, unused session, else open a new one. */
export function reusableSession(
  store: SandboxStore,
  inquiry: InquiryRecord,
  now: number,
): SessionRecord {
  for (let i = inquiry.sessionIds.length - 1; i >= 0; i--) {
    const session = store.sessions.get(inquiry.sessionIds[i] ?? '');
    if (session && session.status === 'new' && session.expiresAt > now) return session;
  }
  return createSession(store, inquiry, now);
}

export function createOneTimeLink(
  store: SandboxStore,
  inquiry: InquiryRecord,
  now: number,
  lifetimeSeconds: number | null,
): OneTimeLinkRecord {
  const session = createSession(store, inquiry, now);
  const seconds = lifetimeSeconds ?? inquiry.oneTimeLinkSeconds;
  const link: OneTimeLinkRecord = {
    code: randomToken(24),
    inquiryId: inquiry.id,
    sessionId: session.id,
    createdAt: now,
    expiresAt: now + (seconds === null ? DEFAULT_LINK_MS : seconds * 1000),
    usedAt: null,
  };
  store.links.set(link.code, link);
  return link;
}

export function linkUrls(origin: string, link: OneTimeLinkRecord): { long: string; short: string } {
  return { long: `${origin}/verify?code=${link.code}`, short: `${origin}/l/${link.code}` };
}

/** Persona: expiring an inquiry expires all its sessions (and so its one-time links). */
export function expireSessions(store: SandboxStore, inquiry: InquiryRecord, at: number): void {
  for (const id of inquiry.sessionIds) {
    const session = store.sessions.get(id);
    if (session && session.status !== 'expired') {
      session.status = 'expired';
      session.expiredAt = at;
    }
  }
}
