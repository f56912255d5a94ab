// A decision confirmed in a popup that closed before its answer came: the next page finds the
// inquiry decided so, and must tell this decision, made, from the same decision someone else made
// first, which the background refused (actions.ts, "decided before") while no page was open to
// hear it. The activity log heard it: its entry for the decision, sent no earlier than the draft
// says, is the answer.
import { useEffect, useState } from 'preact/hooks';
import { readAuditTrail } from '../../shared/audit/read-trail.ts';
import type { AuditEntry } from '../../shared/audit/trail.ts';
import { auditTrailItem } from '../../shared/audit/trail-item.ts';
import { readItem, watchItem } from '../../shared/storage.ts';
import type { DecisionDraft } from '../../shared/storage-items.ts';

/** `refused`: Persona had it decided already; `answered`: any other answer; `waiting`: none yet. */
export type SentAnswer = 'refused' | 'answered' | 'waiting';

/** The answer the log holds for `left`, sent on inquiry `id`, or undefined if none is asked. */
export function sentAnswer(
  entries: readonly AuditEntry[],
  id: string,
  left: Pick<DecisionDraft, 'action' | 'sentAt'>,
): SentAnswer {
  const sentAt = left.sentAt ?? 0;
  const entry = entries.findLast(
    (e) => e.inquiryId === id && e.action === left.action && e.at >= sentAt,
  );
  if (!entry) return 'waiting';
  return entry.outcome === 'error' && entry.errorKind === 'conflict' ? 'refused' : 'answered';
}

/**
 * What became of the sent decision `left` left in the draft: undefined when there is none to ask
 * about (not sent, or sent by a version that did not note when). Read from the log's open page
 * (the newest entries) and again as it grows: the answer is logged after the status it brought.
 */
export function useSentAnswer(id: string, left: DecisionDraft | undefined): SentAnswer | undefined {
  const asked = left?.sent && left.sentAt !== undefined ? left : undefined;
  // Waiting from the first render: the page must not close the form before the log is read.
  const [answer, setAnswer] = useState<SentAnswer | undefined>(() =>
    asked ? 'waiting' : undefined,
  );
  useEffect(() => {
    setAnswer(asked ? 'waiting' : undefined);
    if (!asked) return;
    const find = async (): Promise<SentAnswer> => {
      const head = await readItem(auditTrailItem);
      const inHead = sentAnswer(head.entries, id, asked);
      // The open page may have been closed just after the answer: then it is in the pages before.
      const older = head.pages?.length && (head.entries[0]?.at ?? 0) > (asked.sentAt ?? 0);
      return inHead === 'waiting' && older
        ? sentAnswer((await readAuditTrail()).entries, id, asked)
        : inHead;
    };
    let live = true;
    let latest = 0;
    const read = () => {
      const mine = ++latest;
      // Reads may finish out of order: only the last one started counts. An unreadable log
      // answers nothing: the page then goes by the status, as before the log could tell.
      find()
        .then((found) => {
          if (live && mine === latest) setAnswer(found);
        })
        .catch(() => {
          if (live && mine === latest) setAnswer('answered');
        });
    };
    const stop = watchItem(auditTrailItem, read);
    read();
    return () => {
      live = false;
      stop();
    };
  }, [id, asked?.action, asked?.sentAt]);
  return answer;
}
