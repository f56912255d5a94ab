import type { Context } from 'hono';
import type { InquiryRecord } from '../core/types.ts';
import type { SandboxEnv } from '../http/env.ts';
import { recordNotFound } from '../http/errors.ts';
import { parseInclude } from '../http/request-options.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { INQUIRY_INCLUDES, inquiryDocument } from '../serialize/documents.ts';

export function findInquiry(runtime: SandboxRuntime, id: string): InquiryRecord {
  const inquiry = runtime.store.inquiries.get(id);
  if (!inquiry) throw recordNotFound();
  return inquiry;
}

/** The `{data, included, meta?}` answer every single-inquiry endpoint gives. */
export function answerInquiry(
  c: Context<SandboxEnv>,
  runtime: SandboxRuntime,
  inquiry: InquiryRecord,
  status: 200 | 201 = 200,
  meta?: Record<string, unknown>,
) {
  const include = parseInclude(c, INQUIRY_INCLUDES);
  return c.json(inquiryDocument(inquiry, runtime.store, c.get('render'), include, meta), status);
}
