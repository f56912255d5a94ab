// Requests about the desk itself rather than an inquiry: the liveness ping and audit markers.
import { browser } from '../../shared/browser.ts';
import type { Reply } from '../../shared/messages.ts';
import { markAuditExported } from '../audit/append.ts';
import type { Handlers } from '../message-router.ts';

// Set once per worker start; the ping reports it so tests can tell a restarted worker apart.
const startedAt = Date.now();

export const deskHandlers = {
  ping: async () => ({ version: browser.runtime.getManifest().version, startedAt }),
  // The audit hook around the router (index.ts) writes this one; the handler only acknowledges.
  recordReveal: async (): Promise<Reply<'recordReveal'>> => ({ recorded: true }),
  auditExported: async () => {
    const exportedAt = Date.now();
    await markAuditExported(exportedAt);
    return { exportedAt };
  },
} satisfies Partial<Handlers>;
