// The background's single message entry point: sender check, then the request's schema (the check
// generated from it, src/shared/generated/request-checks.ts), then handler.
import type { Runtime } from '../shared/browser.ts';
import { DeskError, deskError, toErrorInfo } from '../shared/errors.ts';
import { parseRequest } from '../shared/generated/request-checks.ts';
import type { Answer, Reply, Request, RequestOf, RequestType } from '../shared/messages.ts';
import { isOwnPage } from './sender.ts';

/** What answers one request; a handler throws a DeskError to answer `{ ok: false }`. */
export type Handler<T extends RequestType> = (request: RequestOf<T>) => Promise<Reply<T>>;
export type Handlers = { [T in RequestType]: Handler<T> };

export interface RouterContext {
  handlers: Handlers;
  ownId: string;
  ownOrigin: string;
  /** The worker's start-up gate; awaited after the sender check, so a refusal never waits. */
  ready?: Promise<void>;
  /**
   * Called for each valid request from an own page once start-up is over (refusals and malformed
   * requests never reach it); what it returns is awaited with the answer before the page hears
   * it. The audit trail hooks in here. A failing hook never fails the request.
   */
  observe?: (request: Request) => Promise<((answer: Answer<unknown>) => Promise<void>) | undefined>;
}

export async function routeMessage(
  message: unknown,
  sender: Runtime.MessageSender,
  context: RouterContext,
): Promise<Answer<unknown>> {
  let request: Request;
  // A stranger's message, a failed start-up and a malformed request are answered alike.
  try {
    if (!isOwnPage(sender, context.ownId, context.ownOrigin)) {
      throw deskError('refused', 'ownPagesOnly');
    }
    await context.ready;
    const parsed = parseRequest(message);
    if (!parsed) throw deskError('bad_request', 'requestMalformed');
    request = parsed;
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
  const after = await context.observe?.(request).catch(() => undefined);
  const answer = await runHandler(request, context.handlers);
  await after?.(answer).catch(() => console.error('Inquiry Desk: audit hook failed'));
  return answer;
}

async function runHandler(request: Request, handlers: Handlers): Promise<Answer<unknown>> {
  const handler = handlers[request.type] as (r: typeof request) => Promise<unknown>;
  try {
    return { ok: true, data: await handler(request) };
  } catch (error) {
    if (!(error instanceof DeskError)) console.error('Inquiry Desk: handler failed', request.type);
    return { ok: false, error: toErrorInfo(error) };
  }
}
