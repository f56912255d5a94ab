// Persona's `reviewer` relationship names a user, a workflow or a workflow run, or nothing
// (docs/persona.md#inquiries); a decision made with an API key, as the desk makes them, is none of
// those, so after a decision made here the Activity section said "not named by Persona". This
// browser's activity log does name one: the section reads it when it shows a decision.
import { useEffect, useState } from 'preact/hooks';
import { findInTrail } from '../../shared/audit/read-trail.ts';
import type { AuditEntry } from '../../shared/audit/trail.ts';
import { auditTrailItem } from '../../shared/audit/trail-item.ts';
import { CLOCK_SLACK_MS } from '../../shared/persona/decided-before.ts';
import { watchItem } from '../../shared/storage.ts';

const decisionOf: Record<string, AuditEntry['action']> = {
  approved: 'approve',
  declined: 'decline',
};

/**
 * The newest entry of `entries` that made `status`, the inquiry's decision, on inquiry `id`: sent
 * before Persona's `decidedAt` (its clock), or it was not the one that made it.
 */
export function loggedDecision(
  entries: readonly AuditEntry[],
  id: string,
  status: string,
  decidedAt: number,
): AuditEntry | undefined {
  const action = decisionOf[status];
  return entries.findLast(
    (e) =>
      e.inquiryId === id &&
      e.action === action &&
      e.outcome === 'ok' &&
      e.at <= decidedAt + CLOCK_SLACK_MS,
  );
}

/**
 * The activity log's entry for the inquiry's decision. Its open page (the head, one read) holds
 * the recent entries; the whole log, up to some 2,000 entries, is read only when the head has
 * none. Read again as the log grows until found: a decision is final, so then no more.
 */
export function useLoggedDecision(
  id: string,
  status: string,
  decidedAt: number,
): AuditEntry | undefined {
  const [entry, setEntry] = useState<AuditEntry>();
  useEffect(() => {
    setEntry(undefined);
    if (!decisionOf[status]) return;
    let live = true;
    let latest = 0;
    let found = false;
    const find = () => findInTrail((entries) => loggedDecision(entries, id, status, decidedAt));
    const read = () => {
      if (found) return;
      const mine = ++latest;
      // Reads may finish out of order: only the last one started counts. An unreadable log names
      // no one here; the options page says what is wrong with it.
      find()
        .then((logged) => {
          if (!live || mine !== latest || !logged) return;
          found = true;
          setEntry(logged);
        })
        .catch(() => undefined);
    };
    // The decision's entry may be appended after its status is shown.
    const stop = watchItem(auditTrailItem, read);
    read();
    return () => {
      live = false;
      stop();
    };
  }, [id, status, decidedAt]);
  return entry;
}
