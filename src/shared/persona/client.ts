// The Persona client: pure, with fetch, clock and randomness injected, so it runs in the service
// worker and in Node tests alike (docs/architecture.md#the-house). Methods are grouped by concern
// in inquiry-reads.ts, inquiry-links.ts, inquiry-actions.ts and key-info.ts; the transport adds the
// headers, timeouts, retries and error mapping they all share.
import { evidenceReads } from './evidence-reads.ts';
import { inquiryActions } from './inquiry-actions.ts';
import { inquiryLinks } from './inquiry-links.ts';
import { inquiryReads } from './inquiry-reads.ts';
import { keyInfo } from './key-info.ts';
import { inquiryPrint } from './print-inquiry.ts';
import { createTransport } from './transport.ts';
import type { TransportOptions } from './transport-options.ts';

export type PersonaClientOptions = TransportOptions;

/** Throws a DeskError (`no_key`, `unauthorized` or `refused`) when the key or base URL is unusable. */
export function createPersonaClient(options: PersonaClientOptions) {
  const transport = createTransport(options);
  return {
    /** The normalised base URL every request goes to. */
    baseUrl: transport.baseUrl,
    /** Latest `Request-Id`, environment, organisation and rate limit seen on any answer. */
    lastResponseMeta: transport.lastResponseMeta,
    /** A fresh Idempotency-Key, for a create repeated after a 5xx answer to its first key. */
    newIdempotencyKey: transport.newIdempotencyKey,
    ...inquiryReads(transport),
    ...inquiryLinks(transport),
    ...inquiryActions(transport),
    ...keyInfo(transport),
    ...evidenceReads(transport),
    printInquiry: inquiryPrint(options),
  };
}

export type PersonaClient = ReturnType<typeof createPersonaClient>;
