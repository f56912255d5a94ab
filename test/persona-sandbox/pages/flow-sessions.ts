import { MINUTE } from '../core/clock.ts';
import { randomToken } from '../core/ids.ts';

interface Flow {
  inquiryId: string;
  sessionId: string | null;
  expiresAt: number;
}

// Persona gives a consumed one-time link a 5-minute grace; a page session lives a bit longer so
// a person can take their time between "Start" and finishing.
export const LINK_GRACE_MS = 5 * MINUTE;
const FLOW_LIFETIME_MS = 30 * MINUTE;

/**
 * Page-session tokens of the hosted flow: the one-time code is spent on first open, so the page's
 * forms carry this short-lived token instead. It opens nothing in the API.
 */
export class FlowSessions {
  private readonly flows = new Map<string, Flow>();

  open(inquiryId: string, sessionId: string | null, now: number): string {
    for (const [token, flow] of this.flows) if (flow.expiresAt <= now) this.flows.delete(token);
    const token = randomToken(32);
    this.flows.set(token, { inquiryId, sessionId, expiresAt: now + FLOW_LIFETIME_MS });
    return token;
  }

  find(token: string | undefined, now: number): Flow | null {
    const flow = token ? this.flows.get(token) : undefined;
    return flow && flow.expiresAt > now ? flow : null;
  }

  clear(): void {
    this.flows.clear();
  }
}
