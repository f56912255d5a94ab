import { useEffect, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../../shared/errors.ts';
import type { InquiryReply } from '../../shared/messages.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { inquiryCacheItem } from '../../shared/storage-items.ts';
import { useStored } from '../use-stored.ts';

export interface InquiryState {
  /** The newest copy known: a reply, or the session cache when the poller wrote a newer one. */
  shown: InquiryReply | undefined;
  loading: boolean;
  error: ErrorInfo | undefined;
  load: (refresh?: boolean) => Promise<void>;
  /** An action's reply carries the updated inquiry; it is shown at once. */
  accept: (reply: InquiryReply) => void;
}

/** One inquiry: the cached detail at once (no waiting on open), then Persona's answer in place. */
export function useInquiry(id: string, initial: InquiryReply | undefined): InquiryState {
  const cache = useStored(inquiryCacheItem);
  const [reply, setReply] = useState<InquiryReply | undefined>(initial);
  const [loading, setLoading] = useState(!initial);
  const [error, setError] = useState<ErrorInfo | undefined>(undefined);

  const load = async (refresh = false) => {
    setLoading(true);
    setError(undefined);
    try {
      setReply(await sendRequest({ type: 'getInquiry', id, ...(refresh ? { refresh } : {}) }));
    } catch (failure) {
      setError(toErrorInfo(failure));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (!initial) void load();
  }, [id]);

  const cached = cache?.[id];
  const shown =
    cached && (!reply || cached.fetchedAt > reply.fetchedAt)
      ? { inquiry: cached.inquiry, fetchedAt: cached.fetchedAt }
      : reply;
  return { shown, loading, error, load, accept: setReply };
}
