// Requests about the desk itself rather than an inquiry: the liveness ping and audit markers.
import { browser } from '../../shared/browser.ts';
import type { Reply } from '../../shared/messages.ts';
import { markAuditExported } from '../audit/append.ts';
import { inCustody } from '../key-custody.ts';
import { touchUse } from '../lock/auto-lock.ts';
import type { Handlers } from '../message-router.ts';

// Set once per worker start; the ping reports it so tests can tell a restarted worker apart.
const startedAt = Date.now();

export const deskHandlers = {
  // The pages ping on opening and on the reviewer's keys, clicks and wheel (ui/use-activity-touch.ts):
  // that is use, which holds the auto-lock off. Their other requests are not: a queue a side panel
  // reads again whenever the watcher sees a change would keep an unattended desk open for ever.
  ping: async () => {
    void inCustody(() => touchUse()).catch(() => undefined);
    return { version: browser.runtime.getManifest().version, startedAt };
  },
  // The audit hook around the router (index.ts) writes this one; the handler only acknowledges.
  recordReveal: async (): Promise<Reply<'recordReveal'>> => ({ recorded: true }),
  auditExported: async () => {
    const exportedAt = Date.now();
    await markAuditExported(exportedAt);
    return { exportedAt };
  },
} satisfies Partial<Handlers>;
