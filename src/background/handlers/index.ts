// The handler table. Each file here exports its requests' handlers as one group; the request list
// itself is src/shared/messages.ts `requests`. A request without a handler fails to compile here.
import { createInquiry } from '../create/create-inquiry.ts';
import type { Handlers } from '../message-router.ts';
import { actionHandlers } from './actions.ts';
import { deskHandlers } from './desk.ts';
import { evidenceHandlers } from './evidence.ts';
import { inquiryHandlers } from './inquiries.ts';
import { lockHandlers } from './lock.ts';
import { optionsHandlers } from './options.ts';
import { watchHandlers } from './watch.ts';

export const handlers: Handlers = {
  ...deskHandlers,
  ...optionsHandlers,
  ...lockHandlers,
  ...inquiryHandlers,
  createInquiry,
  ...actionHandlers,
  ...watchHandlers,
  ...evidenceHandlers,
};
