// The approves and declines the background is sending, for Needs review (a reviewer back 250 ms
// after Confirm saw the decided row on top still, and opened it again).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { findInTrail } from '../../shared/audit/read-trail.ts';
import { auditPendingItem } from '../../shared/audit/trail-item.ts';
import { t } from '../../shared/i18n.ts';
import { useStored } from '../use-stored.ts';
import { type NotMade, notMadeNote, notMadeOf, readRecentNotMade } from './not-made.tsx';
import { ANSWER_WITHIN_MS } from './use-sent-answer.ts';

interface Mark {
  action: 'approve' | 'decline';
  at: number;
  /** The mark's own key: another decision on the same inquiry is another mark. */
  key: string;
}

/** A row's words while its decision is on its way: "decline sent, awaiting Persona". */
export function onItsWayNote(mark: Pick<Mark, 'action'>): string {
  return t(mark.action === 'approve' ? 'approveOnItsWay' : 'declineOnItsWay');
}

/**
 * The background's marks of decisions under way (background audit/pending.ts), by inquiry id; not
 * one a stopped worker left, older than any answer takes.
 */
function decisionsOnItsWay(
  pending: Readonly<Record<string, { at: number; action: string; inquiryId?: string }>>,
  now: number,
): Map<string, Mark> {
  const marks = Object.entries(pending).filter(
    ([, mark]) =>
      (mark.action === 'approve' || mark.action === 'decline') &&
      mark.inquiryId &&
      now - mark.at < ANSWER_WITHIN_MS,
  );
  return new Map(
    // Filtered to those two above.
    marks.map(([key, { inquiryId, action, at }]) => [
      inquiryId as string,
      { action: action as Mark['action'], at, key },
    ]),
  );
}

/**
 * `sending`: the decisions on their way, and those whose answer is being looked up. `decided`:
 * those whose answer came while this view was open and made the decision, with its action: the
 * inquiry no longer needs review, watched or not, though the list read before says it does. One
 * refused or failed keeps its row: a 409 is also Persona's "changed meanwhile", which leaves it
 * needing review, and a row that wrongly stays opens to its status, where one that wrongly went
 * is missed.
 * `note`: a row's words while its decision is on its way, or once it did not go through.
 * `leaving`: told of a row's going before it goes (the focus on it moves on).
 */
export function useDecisionsOnItsWay(leaving: (id: string) => void): {
  sending: ReadonlyMap<string, Mark>;
  decided: ReadonlyMap<string, Mark['action']>;
  note: (id: string, status: string) => ComponentChildren;
} {
  const marks = decisionsOnItsWay(useStored(auditPendingItem) ?? {}, Date.now());
  const [decided, setDecided] = useState<ReadonlyMap<string, Mark['action']>>(new Map());
  const [failed, setFailed] = useState<ReadonlyMap<string, NotMade>>(new Map());
  // Ended, their answer being read: still drawn as on their way, not a moment as undecided.
  const [settling, setSettling] = useState<ReadonlyMap<string, Mark>>(new Map());
  const sending = new Map([...settling, ...marks]);
  const seen = useRef(new Map<string, Mark>());
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  // What the activity log holds of the last half hour (not-made.tsx).
  useEffect(() => {
    readRecentNotMade()
      .then((found) => {
        // An answer this view saw itself is newer than the log it read.
        if (live.current) setFailed((before) => new Map([...found, ...before]));
      })
      .catch(() => undefined);
  }, []);
  const keys = [...marks.values()]
    .map((mark) => mark.key)
    .sort()
    .join();
  useEffect(() => {
    const ended = [...seen.current].filter(([id, mark]) => marks.get(id)?.key !== mark.key);
    seen.current = new Map(marks);
    if (ended.length === 0) return;
    setSettling((before) => new Map([...before, ...ended]));
    for (const [id, mark] of ended) {
      // The mark goes once the answer is in the log (audit/pending.ts), so the log has it.
      findInTrail((entries) =>
        entries.findLast((e) => e.inquiryId === id && e.action === mark.action && e.at >= mark.at),
      )
        .then((entry) => {
          if (!live.current || !entry) return;
          // A later attempt's answer replaces an earlier one's failure, made or not.
          if (entry.outcome !== 'ok') {
            const notMade = notMadeOf(mark.action, entry.errorKind, entry.at);
            setFailed((before) => new Map(before).set(id, notMade));
            return;
          }
          setFailed((before) => {
            const without = new Map(before);
            without.delete(id);
            return without;
          });
          leaving(id);
          setDecided((before) => new Map(before).set(id, mark.action));
        })
        .catch(() => undefined)
        .finally(() => {
          if (!live.current) return;
          setSettling((before) => new Map([...before].filter(([other]) => other !== id)));
        });
    }
  }, [keys]);
  const note = (id: string, status: string) => {
    const mark = sending.get(id);
    if (mark) return onItsWayNote(mark);
    return notMadeNote(failed.get(id), status);
  };
  return { sending, decided, note };
}
