// The typed protocol between extension pages and the background. Each request is a zod schema,
// validated in the background before anything runs; `Replies` gives the answer type of each one.
import * as z from 'zod/mini';
import type { ErrorInfo } from './errors.ts';

const ping = z.object({ type: z.literal('ping') });

export const requestSchema = z.discriminatedUnion('type', [ping]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface Replies {
  ping: { version: string; startedAt: number };
}

// A request without a reply type (or the reverse) is a compile error here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const everyRequestHasAReply: Exact<RequestType, keyof Replies> = true;

export type Reply<T extends RequestType> = Replies[T];

export type Answer<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
