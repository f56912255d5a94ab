// Other inquiries' requests, asked by the detail as it opens rather than by the section, which
// comes with the evidence views loaded on demand: what they find (an earlier decline) is said in
// what needs a look and in Approve's confirmation, and came late enough to move the confirmation
// under the pointer.
import { useEffect, useRef } from 'preact/hooks';
import type { InquirySummary, Reply } from '../../shared/messages.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { EARLIER_HEADING, type OthersFound } from '../components/needs-a-look.ts';
import { type RequestHandle, useRequest } from '../use-request.ts';
import { newestFirst } from './summary-list.tsx';

/** 'both': the account's, and others with the inquiry's reference ID on another account. */
export interface EarlierReply {
  items: InquirySummary[];
  by: Reply<'earlierInquiries'>['by'] | 'both';
}

export interface EarlierRead {
  read: RequestHandle<[], EarlierReply>;
  /** Asks again: the section's Try again, and the detail as it opens. */
  load: () => void;
  found: OthersFound;
}

/** `inquiry`: the detail's copy, once it has one; what it names is asked by. */
export function useEarlierInquiries(inquiry: InquiryView | undefined): EarlierRead {
  const { id, accountId, referenceId } = inquiry ?? {};
  const ask = (by: { accountId?: string; referenceId?: string }) =>
    sendRequest({ type: 'earlierInquiries', id: id ?? '', ...by }, true);
  // The account holds the person's inquiries, but one made with the same reference ID can be on
  // another (its account's reference given apart, `auto-create-account-reference-id`), and a
  // decline there would go unsaid: with both, both are asked, at once.
  const both = async (accountId: string, referenceId: string): Promise<EarlierReply> => {
    const [mine, same] = await Promise.all([ask({ accountId }), ask({ referenceId })]);
    const listed = new Set(mine.items.map((item) => item.id));
    const more = same.items.filter((item) => !listed.has(item.id));
    if (!more[0]) return mine;
    return { items: newestFirst([...mine.items, ...more]), by: 'both' };
  };
  const read = useRequest(
    (): Promise<EarlierReply> =>
      accountId && referenceId
        ? both(accountId, referenceId)
        : ask(accountId ? { accountId } : referenceId ? { referenceId } : {}),
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
