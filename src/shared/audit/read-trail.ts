// The whole audit trail as one, in the shape an export has: the closed pages' entries in order,
// then the open page's (trail.ts `auditHeadSchema`). For the options page, which shows, exports
// and verifies it, and for an entry the desk looks for in the open page and finds in no page but
// the closed ones (findInTrail); the background only ever reads the head.
import { browser } from '../browser.ts';
import { parseItem, readItem } from '../storage.ts';
import { auditPageKey } from './page-key.ts';
import type { AuditEntry, AuditHead, AuditTrail } from './trail.ts';
import { auditPageItem, auditTrailItem } from './trail-item.ts';

/** `pages[i]`: the entries of `head.pages[i]`, or none when its page was not there. */
export function assembleTrail(head: AuditHead, pages: readonly AuditEntry[][]): AuditTrail {
  return {
    entries: [...pages.flat(), ...head.entries],
    ...(head.checkpoint ? { checkpoint: head.checkpoint } : {}),
    ...(head.lastExportedAt !== undefined ? { lastExportedAt: head.lastExportedAt } : {}),
  };
}

export async function readAuditTrail(): Promise<AuditTrail> {
  for (let attempt = 1; ; attempt++) {
    const head = await readItem(auditTrailItem);
    const refs = head.pages ?? [];
    const items = refs.map((page) => ({ ...auditPageItem, key: auditPageKey(page.first) }));
    // One read for every page (not readItems, which the popup's first screen would then load).
    const got = await browser.storage.local.get(items.map((item) => item.key));
    const pages = items.map((item) => parseItem(item, got[item.key]));
    // A page is never empty: one read as empty was dropped by an append since the head was read,
    // and the head read again no longer lists it. One still missing after that is missing: the
    // chain then fails to verify at its first entry, which is what it should say.
    if (pages.some((entries) => entries.length === 0) && attempt < 3) continue;
    return assembleTrail(head, pages);
  }
}

/**
 * What `pick` finds in the open page (one read, the recent entries), else in the whole trail,
 * read only when there are closed pages to look in: the desk's readers of one entry
 * (ui/evidence/logged-decision.ts, ui/views/use-sent-answer.ts).
 */
export async function findInTrail<T>(
  pick: (entries: readonly AuditEntry[]) => T | undefined,
): Promise<T | undefined> {
  const head = await readItem(auditTrailItem);
  return (
    pick(head.entries) ?? (head.pages?.length ? pick((await readAuditTrail()).entries) : undefined)
  );
}

/**
 * The entries from `since` on, and maybe some before: the open page's (one read), or the whole
 * trail's when the open page begins after `since` and there are closed pages to look in (just
 * rolled over, it holds one entry). For the desk's readers of recent entries
 * (ui/views/not-made.tsx).
 */
export async function readTrailSince(since: number): Promise<readonly AuditEntry[]> {
  const head = await readItem(auditTrailItem);
  const [oldest] = head.entries;
  if (head.pages?.length && (!oldest || oldest.at > since)) return (await readAuditTrail()).entries;
  return head.entries;
}
