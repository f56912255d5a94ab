// The handlers that take an inquiry id check it before any request, so a malformed one gets a
// clear message (classify-query.ts) instead of Persona's 404. One check for all of them.
import { DeskError } from '../../shared/errors.ts';
import { notAnInquiryId } from '../../shared/persona/classify-query.ts';
import { isInquiryId } from '../../shared/persona/inquiry-id.ts';

/** Throws the `invalid` error unless `text` is an inquiry id; `pointer` names the page's field. */
export function checkInquiryId(text: string, pointer?: 'query'): void {
  if (!isInquiryId(text)) {
    throw new DeskError({
      kind: 'invalid',
      ...(pointer ? { pointer } : {}),
      message: notAnInquiryId(text),
    });
  }
}
