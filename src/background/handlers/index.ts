import { browser } from '../../shared/browser.ts';
import { markAuditExported } from '../audit/append.ts';
import { createInquiry } from '../create/create-inquiry.ts';
import type { Handlers } from '../message-router.ts';
import { changeTag, inquiryAction, newLink } from './actions.ts';
import { earlierInquiries, getReport, listEvents, printInquiry, showPhotos } from './evidence.ts';
import { findInquiries, getInquiry, listInquiries } from './inquiries.ts';
import { lockNow, setPassphrase, unlock } from './lock.ts';
import { clearKey, saveOptions, testConnection } from './options.ts';
import { markSeen, refreshWatchlist, unwatch, watch } from './watch.ts';

// Set once per worker start; the ping reports it so tests can tell a restarted worker apart.
const startedAt = Date.now();

export const handlers: Handlers = {
  ping: async () => ({ version: browser.runtime.getManifest().version, startedAt }),
  saveOptions,
  clearKey,
  setPassphrase,
  unlock,
  lock: lockNow,
  testConnection,
  createInquiry,
  getInquiry,
  findInquiries,
  listInquiries,
  inquiryAction,
  newLink,
  changeTag,
  watch,
  unwatch,
  markSeen,
  refreshWatchlist,
  showPhotos,
  getReport,
  listEvents,
  earlierInquiries,
  printInquiry,
  // The audit hook around the router (index.ts) writes this one; the handler only acknowledges.
  recordReveal: async () => ({ recorded: true }),
  auditExported: async () => {
    const exportedAt = Date.now();
    await markAuditExported(exportedAt);
    return { exportedAt };
  },
};
