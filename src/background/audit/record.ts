// Which requests go into the audit trail, and as what. Hooked into the message router (its
// `observe`, wired in index.ts), so handlers carry no audit code of their own; two facts only a
// handler knows are logged where they happen: a create (create/create-inquiry.ts) and "Allow
// production keys" turned on or off (handlers/options.ts). The reviewer is read before the handler runs: after "Remove key" there is no key left to
// name them by; but after "Key saved", since the saved key is the one that names them.
import type { AuditAction, AuditFacts } from '../../shared/audit/trail.ts';
import { keyInfoItem } from '../../shared/generated/stored-items.ts';
import type { Answer, Request } from '../../shared/messages.ts';
import { isInquiryId } from '../../shared/persona/inquiry-id.ts';
import { readItem } from '../../shared/storage.ts';
import { appendAudit } from './append.ts';
import { markPending } from './pending.ts';

// The requests logged as one fixed action. A create is logged by the create itself
// (create/create-inquiry.ts), once however many clicks join it.
const fixedActions: Partial<Record<Request['type'], AuditAction>> = {
  newLink: 'newLink',
  recordReveal: 'reveal',
  showPhotos: 'photosShown',
  printInquiry: 'savePdf',
  clearKey: 'keyRemoved',
  setPassphrase: 'passphraseSet',
  lock: 'lock',
  unlock: 'unlock',
};

function actionOf(request: Request): AuditAction | undefined {
  if (request.type === 'inquiryAction') return request.action;
  if (request.type === 'changeTag') return request.change === 'add' ? 'addTag' : 'removeTag';
  if (request.type === 'saveOptions') return request.key?.trim() ? 'keySaved' : undefined;
  if (request.type === 'setPassphrase' && request.current) return 'passphraseChanged';
  return fixedActions[request.type];
}

/**
 * The request's inquiry id, when it is one. The trail is on disk and cannot be edited without
 * breaking its chain: text that is not an `inq_` id (a page's bug sending a typed name) stays
 * out of it. The handler refuses such an id itself, with a message that says why
 * (handlers/check-inquiry-id.ts), and the trail logs that refusal without it.
 */
function inquiryIdOf(request: Request): string | undefined {
  return 'id' in request && isInquiryId(request.id) ? request.id : undefined;
}

/** The reviewer as the trail names them: the organisation's name for them, else the masked key. */
export async function currentReviewer(policyName?: string): Promise<string> {
  if (policyName) return policyName;
  return (await readItem(keyInfoItem))?.masked ?? 'no key saved';
}

/**
 * Call before the handler with the validated request (the router's `observe` hook); returns what
 * to call with its answer, or undefined when the request is not an audited action.
 */
export async function prepareAudit(
  request: Request,
  reviewer: () => Promise<string>,
  now: () => number = Date.now,
): Promise<((answer: Answer<unknown>) => Promise<void>) | undefined> {
  const action = actionOf(request);
  if (!action) return undefined;
  // A key saved is named by that key, read after the save: before it, there was another or none.
  const name = action === 'keySaved' ? undefined : await reviewer();
  const inquiryId = inquiryIdOf(request);
  // The one request that names what it was about: the field revealed.
  const details = request.type === 'recordReveal' ? [request.field] : undefined;
  // Should the worker stop before the answer, its next start logs the action as interrupted.
  const unmark = name
    ? await markPending({ at: now(), reviewer: name, action, inquiryId, details })
    : undefined;
  return async (answer) => {
    const facts: AuditFacts = {
      at: now(),
      reviewer: name ?? (await reviewer()),
      action,
      outcome: 'ok',
    };
    if (inquiryId) facts.inquiryId = inquiryId;
    if (details) facts.details = details;
    if (!answer.ok) {
      facts.outcome = 'error';
      facts.errorKind = answer.error.kind;
      if (answer.error.requestId) facts.requestId = answer.error.requestId;
    }
    await appendAudit(facts);
    await unmark?.();
  };
}
