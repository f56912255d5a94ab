// The one way a page shows a request's state: busy while it runs, the error when it fails (as the
// serialisable ErrorInfo, whatever was thrown), the last answer when it succeeds. Running it again
// clears the previous error first.
import { useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../shared/errors.ts';

export interface RequestState<R> {
  busy: boolean;
  error: ErrorInfo | undefined;
  /** The last successful answer. */
  data: R | undefined;
}

export interface RequestHandle<A extends unknown[], R> extends RequestState<R> {
  /** Runs the request; resolves to its answer, or to undefined when it failed (see `error`). */
  run: (...args: A) => Promise<R | undefined>;
  /** Forgets a shown error, e.g. when the reviewer cancels. */
  clearError: () => void;
}

export function useRequest<A extends unknown[], R>(
  send: (...args: A) => Promise<R>,
): RequestHandle<A, R> {
  const [state, setState] = useState<RequestState<R>>({
    busy: false,
    error: undefined,
    data: undefined,
  });
  // A new `run` each render, so it always sends with the current props.
  const run = async (...args: A) => {
    setState((s) => ({ ...s, busy: true, error: undefined }));
    try {
      const data = await send(...args);
      setState({ busy: false, error: undefined, data });
      return data;
    } catch (failure) {
      setState((s) => ({ ...s, busy: false, error: toErrorInfo(failure) }));
      return undefined;
    }
  };
  const clearError = () => setState((s) => ({ ...s, error: undefined }));
  return { ...state, run, clearError };
}
