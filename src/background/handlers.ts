import { browser } from '../shared/browser.ts';
import type { Handlers } from './message-router.ts';

// Set once per worker start; the ping reports it so tests can tell a restarted worker apart.
const startedAt = Date.now();

export const handlers: Handlers = {
  ping: async () => ({ version: browser.runtime.getManifest().version, startedAt }),
};
