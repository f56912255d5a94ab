// Which requests go into the audit trail, and as what. Hooked into the message router (its
// `observe`, wired in index.ts), so every handler is covered without carrying audit code of its
// own. The reviewer is read before the handler runs: after "Remove key" there is no key left to
// name them by; but after "Key saved", since the saved key is the one that names them.
import type { AuditAction, AuditFacts } from '../../shared/audit/trail.ts';
import { keyInfoItem } from '../../shared/generated/stored-items.ts';
import type { Answer, Request } from '../../shared/messages.ts';
import { readItem } from '../../shared/storage.ts';
import { appendAudit } from './append.ts';
import { markPending } from './pending.ts';

function actionOf(request: Request): AuditAction | undefined {
  switch (request.type) {
    case 'createInquiry':
      return 'create';
    case 'inquiryAction':
      return request.action;
    case 'newLink':
      return 'newLink';
    case 'changeTag':
      return request.change === 'add' ? 'addTag' : 'removeTag';
    case 'recordReveal':
      return 'reveal';
    case 'showPhotos':
      return 'photosShown';
    case 'printInquiry':
      return 'savePdf';
    case 'saveOptions':
      return request.key?.trim() ? 'keySaved' : undefined;
    case 'clearKey':
      return 'keyRemoved';
    case 'setPassphrase':
      return 'passphraseSet';
    case 'lock':
      return 'lock';
    case 'unlock':
      return 'unlock';
    default:
      return undefined;
  }
}

function inquiryIdOf(request: Request, answer?: Answer<unknown>): string | undefined {
  if ('id' in request && typeof request.id === 'string') return request.id;
  if (request.type === 'createInquiry' && answer?.ok) {
    return (answer.data as { inquiry?: { id?: string } }).inquiry?.id;
  }
  return undefined;
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
  // Should the worker stop before the answer, its next start logs the action as interrupted.
  const unmark = name
    ? await markPending({ at: now(), reviewer: name, action, inquiryId: inquiryIdOf(request) })
    : undefined;
  return async (answer) => {
    const facts: AuditFacts = {
      at: now(),
      reviewer: name ?? (await reviewer()),
      action,
      outcome: 'ok',
    };
    const inquiryId = inquiryIdOf(request, answer);
    if (inquiryId) facts.inquiryId = inquiryId;
    if (!answer.ok) {
      facts.outcome = 'error';
      facts.errorKind = answer.error.kind;
      if (answer.error.requestId) facts.requestId = answer.error.requestId;
    }
    await appendAudit(facts);
    await unmark?.();
  };
}
