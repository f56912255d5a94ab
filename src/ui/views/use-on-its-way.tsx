// The approves and declines the background is sending, for Needs review (UX review s51, 8: a
// reviewer back 250 ms after Confirm saw the decided row on top still, and opened it again).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { answerLost } from '../../shared/audit/answer-lost.ts';
import { findInTrail, readTrailSince } from '../../shared/audit/read-trail.ts';
import { auditPendingItem } from '../../shared/audit/trail-item.ts';
import { t } from '../../shared/i18n.ts';
import { isFinalStatus } from '../../shared/persona/status.ts';
import { useStored } from '../use-stored.ts';
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

/** A decision of this view's time that did not go through, and whether that is known. */
interface NotMade {
  action: Mark['action'];
  /** When it was logged: said for half an hour from then, however long the view stays open. */
  at: number;
  /** Its answer was lost (a 5xx, a timeout, a stopped worker): Persona may have made it. */
  unknown: boolean;
}

/** How long a decision that did not go through is said on its row, read from the activity log. */
const RECENT_FAILURE_MS = 30 * 60_000;

function notMadeOf(action: string, errorKind: string | undefined, at: number): NotMade {
  return {
    action: action === 'approve' ? 'approve' : 'decline',
    at,
    unknown: answerLost(errorKind),
  };
}

/**
 * A row's words for it: the answer said away from its page is a toast of a few seconds, and the
 * row read "created 20 minutes ago" again, as if nothing had been tried (UX re-test s57, N4).
 * One whose answer was lost may have been made, as the toast said: the row says "may not". Drawn
 * as a warning, not in the grey of the time it takes the place of, which it read as (UX re-test
 * s58, 8; views.css).
 */
function notMadeNote({ action, unknown }: NotMade): ComponentChildren {
  const text = unknown
    ? t(action === 'approve' ? 'approveMayNotBeMade' : 'declineMayNotBeMade')
    : t(action === 'approve' ? 'approveNotMade' : 'declineNotMade');
  return <span class="meta-warn">{text}</span>;
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
  // What the activity log holds of the last half hour: the popup closes at every click outside
  // it, so a failure kept for the view's life alone was gone in seconds (UX re-test s58, 1). The
  // last decision logged for each inquiry, if it failed: from the open page, or, when that page
  // starts within the half hour (it was just begun), from the whole trail (review s58b, M1).
  useEffect(() => {
    const since = Date.now() - RECENT_FAILURE_MS;
    readTrailSince(since)
      .then((entries) => {
        if (!live.current) return;
        const last = new Map<string, NotMade | undefined>();
        for (const e of entries) {
          if (!e.inquiryId || e.at < since || (e.action !== 'approve' && e.action !== 'decline')) {
            continue;
          }
          const notMade = e.outcome === 'ok' ? undefined : notMadeOf(e.action, e.errorKind, e.at);
          last.set(e.inquiryId, notMade);
        }
        // An answer this view saw itself is newer than the log it read.
        setFailed((before) => {
          const found = [...last].filter(
            (pair): pair is [string, NotMade] => pair[1] !== undefined,
          );
          return new Map([...found, ...before]);
        });
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
    const notMade = failed.get(id);
    // Decided since (made after all, or by a colleague): the status says what became of it.
    if (!notMade || isFinalStatus(status) || Date.now() - notMade.at > RECENT_FAILURE_MS) {
      return undefined;
    }
    return notMadeNote(notMade);
  };
  return { sending, decided, note };
}
