// The approves and declines the background is sending, for Needs review (UX review s51, 8: a
// reviewer back 250 ms after Confirm saw the decided row on top still, and opened it again).
import { useEffect, useRef, useState } from 'preact/hooks';
import { findInTrail } from '../../shared/audit/read-trail.ts';
import { auditPendingItem } from '../../shared/audit/trail-item.ts';
import { useStored } from '../use-stored.ts';
import { ANSWER_WITHIN_MS } from './use-sent-answer.ts';

interface Mark {
  action: string;
  at: number;
}

/**
 * The background's marks of decisions under way (background audit/pending.ts), by inquiry id; not
 * one a stopped worker left, older than any answer takes.
 */
export function decisionsOnItsWay(
  pending: Readonly<Record<string, { at: number; action: string; inquiryId?: string }>>,
  now: number,
): Map<string, Mark> {
  const marks = Object.values(pending).filter(
    (mark) =>
      (mark.action === 'approve' || mark.action === 'decline') &&
      mark.inquiryId &&
      now - mark.at < ANSWER_WITHIN_MS,
  );
  return new Map(marks.map((mark) => [mark.inquiryId as string, mark]));
}

/**
 * `sending`: the decisions on their way. `decided`: those whose answer came while this view was
 * open and made the decision (or found it made before, someone else's): the inquiry no longer
 * needs review, watched or not, though the list read before says it does. A refused or failed
 * one's row stays, as it was.
 */
export function useDecisionsOnItsWay(): {
  sending: ReadonlyMap<string, Mark>;
  decided: ReadonlySet<string>;
} {
  const sending = decisionsOnItsWay(useStored(auditPendingItem) ?? {}, Date.now());
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const seen = useRef(new Map<string, Mark>());
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const ids = [...sending.keys()].sort().join();
  useEffect(() => {
    const ended = [...seen.current].filter(([id]) => !sending.has(id));
    seen.current = new Map(sending);
    for (const [id, mark] of ended) {
      // The mark goes once the answer is in the log (audit/pending.ts), so the log has it.
      findInTrail((entries) =>
        entries.findLast((e) => e.inquiryId === id && e.action === mark.action && e.at >= mark.at),
      ).then(
        (entry) => {
          const made = entry?.outcome === 'ok' || entry?.errorKind === 'conflict';
          if (made && live.current) setDecided((before) => new Set(before).add(id));
        },
        () => undefined,
      );
    }
  }, [ids]);
  return { sending, decided };
}
