// Other inquiries' requests, asked by the detail as it opens rather than by the section, which
// comes with the evidence views loaded on demand: what they find (an earlier decline) is said in
// what needs a look and in Approve's confirmation, and came late enough to move the confirmation
// under the pointer.
import { useEffect, useRef } from 'preact/hooks';
import { EARLIER_PAGE_SIZE } from '../../shared/earlier-inquiries.ts';
import { type ErrorInfo, toErrorInfo } from '../../shared/errors.ts';
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
  /**
   * With both asked, whether either page Persona gave was full (less this inquiry, when it was
   * among them): it may have older ones. A single page is judged by its length where it is shown.
   */
  mayBeMore?: boolean;
  /** Of the two reads, the one that failed: the list is the other's alone. */
  missed?: ErrorInfo;
}

/** A full page of the handler's (evidence.ts), which leaves this inquiry out. */
export const full = (reply: { items: readonly unknown[] }) =>
  reply.items.length >= EARLIER_PAGE_SIZE - 1;

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
  // decline there would go unsaid: with both, both are asked, at once. One failing, the other's
  // answer is still shown (a decline in it said), with the failure beside it.
  const both = async (accountId: string, referenceId: string): Promise<EarlierReply> => {
    const [mine, same] = await Promise.allSettled([ask({ accountId }), ask({ referenceId })]);
    if (mine.status === 'rejected' && same.status === 'rejected') throw mine.reason;
    if (mine.status === 'rejected' || same.status === 'rejected') {
      const [got, failed] =
        mine.status === 'fulfilled'
          ? [mine.value, same as PromiseRejectedResult]
          : [(same as PromiseFulfilledResult<Reply<'earlierInquiries'>>).value, mine];
      return { ...got, mayBeMore: full(got), missed: toErrorInfo(failed.reason) };
    }
    const listed = new Set(mine.value.items.map((item) => item.id));
    const more = same.value.items.filter((item) => !listed.has(item.id));
    const mayBeMore = full(mine.value) || full(same.value);
    if (!more[0]) return { ...mine.value, mayBeMore };
    return { items: newestFirst([...mine.value.items, ...more]), by: 'both', mayBeMore };
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
  const declined = items?.filter((item) => item.id !== id && item.status === 'declined').length;
  // Half read, and no decline in that half: "none declined" is not known.
  const found: OthersFound =
    read.error || (read.busy && failedBefore.current) || (read.data?.missed && !declined)
      ? 'failed'
      : declined === undefined
        ? 'reading'
        : declined;
  return { read, load, found };
}
