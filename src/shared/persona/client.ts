// The Persona client: pure, with fetch, clock and randomness injected, so it runs in the service
// worker and in Node tests alike (docs/architecture.md#the-house). Its methods are written in
// inquiry-reads.ts (every GET on inquiries and their evidence), inquiry-writes.ts (every change) and
// key-info.ts (what a key may do); the transport adds the headers, timeouts, retries and error
// mapping they all share.
import { inquiryReads } from './inquiry-reads.ts';
import { inquiryWrites } from './inquiry-writes.ts';
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
    /** A fresh Idempotency-Key, for a create repeated after a 5xx answer to its first key. */
    newIdempotencyKey: transport.newIdempotencyKey,
    ...inquiryReads(transport),
    ...inquiryWrites(transport),
    ...keyInfo(transport),
    printInquiry: inquiryPrint(transport),
  };
}

export type PersonaClient = ReturnType<typeof createPersonaClient>;
