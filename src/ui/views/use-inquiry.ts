import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../../shared/errors.ts';
import { pollStateItem } from '../../shared/generated/first-screen-items.ts';
import { keyedItem } from '../../shared/keyed-item.ts';
import type { InquiryReply } from '../../shared/messages.ts';
import { outcomeUnknown } from '../../shared/outcome-unknown.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { cachedInquiryItem } from '../../shared/storage-items.ts';
import { checkAfterAnswer } from '../check-after-answer.ts';
import { useRequest } from '../use-request.ts';
import { useStored } from '../use-stored.ts';

const FRESH_MS = 10_000;

export interface InquiryState {
  /** The newest copy known: a reply, or the session cache when the poller wrote a newer one. */
  shown: InquiryReply | undefined;
  loading: boolean;
  /** Loading for longer than use-request.ts SLOW_MS: Persona is slow, or its limit holds the desk. */
  slow: boolean;
  error: ErrorInfo | undefined;
  load: () => Promise<void>;
  /** An action's reply carries the updated inquiry; it is shown at once. */
  accept: (reply: InquiryReply) => void;
}

/** One inquiry: the cached detail at once (no waiting on open), then Persona's answer in place. */
export function useInquiry(id: string, initial: InquiryReply | undefined): InquiryState {
  // This inquiry's cached view alone (storage-items.ts), one stable item per id for useStored.
  const cachedItem = useMemo(() => keyedItem(cachedInquiryItem, id), [id]);
  const cached = useStored(cachedItem) ?? undefined;
  const [reply, setReply] = useState<InquiryReply | undefined>(initial);
  const read = useRequest(async () => {
    // The session cache is already on screen (useStored above), so ask Persona itself.
    const answer = await sendRequest({ type: 'getInquiry', id, refresh: true }, true).catch(
      (failure: unknown) => {
        void checkAfterAnswer(toErrorInfo(failure));
        throw failure;
      },
    );
    setReply(answer);
    // A copy kept from before is no answer of Persona's.
    if (!answer.stale) void checkAfterAnswer();
  });
  const load = async () => {
    await read.run();
  };
  const { error } = read;
  // Before the first answer the detail is loading too, even in the render before the effect runs.
  const loading = read.busy || (!reply && !error);
  useEffect(() => {
    // A reply handed over by search is fresh; one kept on the "created" screen may be minutes old.
    if (!initial || Date.now() - initial.fetchedAt > FRESH_MS) void load();
  }, [id]);
  // Persona out of reach (offline, a 5xx): once the watcher's next check gets through, the detail
  // reads the inquiry again by itself, rather than keep the outage's message up till Try again.
  const lastSuccess = useStored(pollStateItem)?.lastSuccessAt;
  const failedAt = useRef(0);
  // The failure: the read's own, or the one the background answered with its cached copy.
  const failure = error ?? reply?.stale;
  useEffect(() => {
    if (!failure || !outcomeUnknown.has(failure.kind)) {
      failedAt.current = 0;
      return;
    }
    if (!failedAt.current) failedAt.current = Date.now();
    else if ((lastSuccess ?? 0) > failedAt.current) {
      failedAt.current = 0;
      void load();
    }
  }, [failure, lastSuccess]);

  const shown =
    cached && (!reply || cached.fetchedAt > reply.fetchedAt)
      ? { inquiry: cached.inquiry, fetchedAt: cached.fetchedAt }
      : reply;
  return { shown, loading, slow: read.slow, error, load, accept: setReply };
}
