// The one way a page shows a request's state: busy while it runs, the error when it fails (as the
// serialisable ErrorInfo, whatever was thrown), the last answer when it succeeds. Running it again
// clears the previous error first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../shared/errors.ts';
import { focusLost } from './focus.ts';

export interface RequestState<R> {
  busy: boolean;
  /**
   * Busy for longer than {@link SLOW_MS}: the background is waiting on Persona, which may be slow
   * or have asked it to wait out a rate-limit window (it waits up to 30 s, retry-policy.ts).
   */
  slow: boolean;
  error: ErrorInfo | undefined;
  /** The last successful answer. */
  data: R | undefined;
}

export interface RequestHandle<A extends unknown[], R> extends RequestState<R> {
  /** Runs the request; resolves to its answer, or to undefined when it failed (see `error`). */
  run: (...args: A) => Promise<R | undefined>;
  /** Forgets a shown error, e.g. when the reviewer cancels. */
  clearError: () => void;
  /**
   * An answer got outside `run` (a page's quiet read again): the error goes, and its count of
   * failures in a row with it, as after a run that worked.
   */
  answered: () => void;
}

export interface RequestOptions<A extends unknown[] = unknown[]> {
  /** Where the focus goes when the element that had it is gone once the request settles. */
  refocus?: () => HTMLElement | null;
  /**
   * Which try a run is, for the count of failures in a row: one hook may send different requests
   * (the options page's Save and Test connection), and a Save failing after a Test is its first.
   */
  tryOf?: (...args: A) => unknown;
}

/** How long an answer may take before the page says it is still waiting. */
export const SLOW_MS = 4000;

export function useRequest<A extends unknown[], R>(
  send: (...args: A) => Promise<R>,
  options: RequestOptions<A> = {},
): RequestHandle<A, R> {
  const [state, setState] = useState<RequestState<R>>({
    busy: false,
    slow: false,
    error: undefined,
    data: undefined,
  });
  // Only the latest run can be slow: one that settled, or was overtaken by another, is not.
  const runs = useRef(0);
  // Failures in a row, until one works: the message of a retry that failed again would look
  // like the one before still on screen.
  const failures = useRef(0);
  const lastTry = useRef<unknown>(undefined);
  // Pages disable their buttons while busy, and a disabled button loses the focus to the page:
  // a keyboard user would start over from the top. Once the request settles, the focus goes back
  // where it was or, if that element is gone (an action the new status no longer offers), to
  // `refocus`; unless something else took the focus meanwhile.
  const focused = useRef<Element | null>(null);
  useEffect(() => {
    if (state.busy || !focused.current) return;
    const before = focused.current;
    focused.current = null;
    if (!focusLost()) return;
    if (before instanceof HTMLElement && before.isConnected) before.focus();
    // Gone, or still disabled (a button whose field the answer emptied): `refocus`.
    if (focusLost()) options.refocus?.()?.focus();
  }, [state.busy]);
  // A new `run` each render, so it always sends with the current props.
  const run = async (...args: A) => {
    focused.current = document.activeElement;
    const id = ++runs.current;
    const which = options.tryOf?.(...args);
    if (which !== lastTry.current) failures.current = 0;
    lastTry.current = which;
    setState((s) => ({ ...s, busy: true, slow: false, error: undefined }));
    const slow = setTimeout(() => {
      if (runs.current === id) setState((s) => (s.busy ? { ...s, slow: true } : s));
    }, SLOW_MS);
    try {
      const data = await send(...args);
      failures.current = 0;
      setState({ busy: false, slow: false, error: undefined, data });
      return data;
    } catch (failure) {
      const tries = ++failures.current;
      const error = toErrorInfo(failure);
      setState((s) => ({ ...s, busy: false, slow: false, error: { ...error, tries } }));
      return undefined;
    } finally {
      clearTimeout(slow);
    }
  };
  // The count stays: a form clears what it said before it sends again.
  const clearError = () => setState((s) => ({ ...s, error: undefined }));
  const answered = () => {
    failures.current = 0;
    clearError();
  };
  return { ...state, run, clearError, answered };
}
