// Other inquiries' one request, asked by the detail as it opens rather than by the section, which
// comes with the evidence views loaded on demand: what it finds (an earlier decline) is said in
// what needs a look and in Approve's confirmation, and came late enough to move the confirmation
// under the pointer.
import { useEffect, useRef } from 'preact/hooks';
import type { Reply } from '../../shared/messages.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { EARLIER_HEADING, type OthersFound } from '../components/needs-a-look.ts';
import { type RequestHandle, useRequest } from '../use-request.ts';

export interface EarlierRead {
  read: RequestHandle<[], Reply<'earlierInquiries'>>;
  /** Asks again: the section's Try again, and the detail as it opens. */
  load: () => void;
  found: OthersFound;
}

/** `inquiry`: the detail's copy, once it has one; what it names is asked by. */
export function useEarlierInquiries(inquiry: InquiryView | undefined): EarlierRead {
  const { id, accountId, referenceId } = inquiry ?? {};
  const read = useRequest(
    () =>
      sendRequest(
        {
          type: 'earlierInquiries',
          id: id ?? '',
          ...(accountId ? { accountId } : {}),
          ...(referenceId ? { referenceId } : {}),
        },
        true,
      ),
    // A Try again that worked is gone with its message: the focus goes to the section's title.
    { refocus: () => document.getElementById(EARLIER_HEADING) },
  );
  const load = () => void read.run();
  useEffect(() => {
    if (id) load();
  }, [id, accountId, referenceId]);
  // Read again (Try again after a failure, a Refresh): what was said of the last read stays until
  // this one ends, rather than going from what needs a look, or from an open confirmation, and
  // coming back. The last read is this inquiry's: the detail is drawn anew for each inquiry
  // (desk-shell.tsx).
  const failedBefore = useRef(false);
  if (!read.busy) failedBefore.current = read.error !== undefined;
  const items = read.data?.items;
  const found: OthersFound =
    read.error || (read.busy && failedBefore.current)
      ? 'failed'
      : !items
        ? 'reading'
        : items.filter((item) => item.id !== id && item.status === 'declined').length;
  return { read, load, found };
}
