// A decision confirmed in a popup that closed before its answer came: the next page finds the
// inquiry decided, and must tell this decision, made, from one someone else made first, which the
// background refused (actions.ts, "decided before"; or a 409 for the other decision) while no page
// was open to hear it. The activity log heard it: its entry for the decision, sent no earlier than
// the draft says, is the answer.
import { useEffect, useState } from 'preact/hooks';
import { answerLost } from '../../shared/audit/answer-lost.ts';
import type { AuditFacts } from '../../shared/audit/chain.ts';
import { findInTrail } from '../../shared/audit/read-trail.ts';
import type { AuditEntry } from '../../shared/audit/trail.ts';
import { auditPendingItem, auditTrailItem } from '../../shared/audit/trail-item.ts';
import { readItem, watchItem } from '../../shared/storage.ts';
import type { DecisionDraft } from '../../shared/storage-items.ts';

/**
 * `refused`: Persona had it decided already (409); `keyRefused`: Persona refused the key (401, or
 * none was saved); `limited`: the rate limit or a quota was spent; `failed`: another error, which
 * did not make it; `lost`: its answer was lost (a 5xx, a timeout, a stopped worker), and Persona
 * may have made it; `answered`: made, or no answer is coming; `waiting`: none yet; `reading`: the
 * log not read yet for this send, held as `waiting` is.
 */
export type SentAnswer =
  | 'reading'
  | 'refused'
  | 'keyRefused'
  | 'limited'
  | 'failed'
  | 'lost'
  | 'answered'
  | 'waiting';

/** What the form opened again says why it did not go through, where the log says. */
const failedBecause: Readonly<Record<string, SentAnswer>> = {
  conflict: 'refused',
  unauthorized: 'keyRefused',
  no_key: 'keyRefused',
  rate_limited: 'limited',
  quota_exceeded: 'limited',
};

type Sent = Pick<DecisionDraft, 'action' | 'sentAt'>;

/** The newest entry of `entries` answering `left`, sent on inquiry `id`. */
function answerFor(entries: readonly AuditEntry[], id: string, left: Sent): AuditEntry | undefined {
  const sentAt = left.sentAt ?? 0;
  return entries.findLast((e) => e.inquiryId === id && e.action === left.action && e.at >= sentAt);
}

function answerOf(entry: AuditEntry): SentAnswer {
  if (entry.outcome === 'ok') return 'answered';
  if (answerLost(entry.errorKind)) return 'lost';
  return failedBecause[entry.errorKind ?? ''] ?? 'failed';
}

/** The answer `entries` hold for `left`, sent on inquiry `id`. */
export function sentAnswer(entries: readonly AuditEntry[], id: string, left: Sent): SentAnswer {
  const entry = answerFor(entries, id, left);
  return entry ? answerOf(entry) : 'waiting';
}

/** Whether the background still has `left` under way: its pending mark (background audit/pending.ts). */
export function underWay(pending: Readonly<Record<string, AuditFacts>>, id: string, left: Sent) {
  return Object.values(pending).some(
    (mark) => mark.inquiryId === id && mark.action === left.action,
  );
}

/**
 * Longer than any decision's request takes in the background (four tries of 15 s, two waits for a
 * rate-limit window of up to 30 s each, and the read after it, retry-policy.ts): a mark older than
 * this was left by a worker that stopped and could not log what became of it.
 */
export const ANSWER_WITHIN_MS = 5 * 60_000;

async function findAnswer(id: string, left: Sent): Promise<SentAnswer> {
  // Also in the closed pages: the open one may have filled and been closed just after it.
  const entry = await findInTrail((entries) => answerFor(entries, id, left));
  if (entry) return answerOf(entry);
  // Neither logged nor under way (its entry could not be written), or under way for longer than
  // any request takes: no answer is coming, and the page goes by the status, as before the log
  // could tell (a page holding its actions for it would hold them for good). The mark goes after
  // the entry is in.
  const late = Date.now() - (left.sentAt ?? 0) > ANSWER_WITHIN_MS;
  return !late && underWay(await readItem(auditPendingItem), id, left) ? 'waiting' : 'answered';
}

/**
 * What became of the sent decision `left` left in the draft: undefined when there is none to ask
 * about (not sent, or sent by a version that did not note when). Read again as the log grows: the
 * answer is logged after the status it brought. Each answer is the one for the send it was read
 * for: a newer send waits for its own.
 */
export function useSentAnswer(id: string, left: DecisionDraft | undefined): SentAnswer | undefined {
  const asked = left?.sent && left.sentAt !== undefined ? left : undefined;
  const [read, setRead] = useState<{ sentAt: number; answer: SentAnswer }>();
  useEffect(() => {
    if (!asked) return;
    const sentAt = asked.sentAt as number;
    let live = true;
    let latest = 0;
    const find = () => {
      const mine = ++latest;
      // Reads may finish out of order: only the last one started counts. An unreadable log
      // answers nothing: the page then goes by the status.
      findAnswer(id, asked)
        .catch((): SentAnswer => 'answered')
        .then((answer) => {
          if (live && mine === latest) setRead({ sentAt, answer });
        });
    };
    const stops = [watchItem(auditTrailItem, find), watchItem(auditPendingItem, find)];
    find();
    // Asked once more when no answer can be coming any more (above).
    const lateBy = setTimeout(find, Math.max(0, sentAt + ANSWER_WITHIN_MS - Date.now()) + 1_000);
    return () => {
      live = false;
      clearTimeout(lateBy);
      for (const stop of stops) stop();
    };
  }, [id, asked?.action, asked?.sentAt]);
  if (!asked) return undefined;
  return read && read.sentAt === asked.sentAt ? read.answer : 'reading';
}
