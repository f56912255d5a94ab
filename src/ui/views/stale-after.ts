// Which failed actions leave the inquiry shown out of date, so the detail reads it again: a 409
// (Persona refused for its state), and a lost answer (a 5xx, a timeout, the worker stopped),
// after which Persona may have acted. The messages for these say to check the inquiry as shown.
import { type ErrorInfo, type ErrorKind, toErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import { outcomeUnknown } from '../../shared/outcome-unknown.ts';

const kindOf = (failure: unknown) => toErrorInfo(failure).kind;

/** A 409: Persona refused an action the inquiry's status no longer allows. */
export const isConflict = (failure: unknown) => kindOf(failure) === 'conflict';

/** The worker stopped before it answered (Chrome closed the message channel). */
export const isStopped = (failure: unknown) => kindOf(failure) === 'disconnected';

/** A change's answer was lost (the worker stopped, a 5xx, a timeout): Persona may have made it. */
export const answerLost = (kind: ErrorKind) => kind === 'disconnected' || outcomeUnknown.has(kind);

/** Whether the inquiry as shown may no longer be what Persona has after this failure. */
export const rereadAfter = (failure: unknown) => isConflict(failure) || answerLost(kindOf(failure));

/**
 * A change's failure as the detail says it: a timeout is said as an outcome not known (Persona
 * may have made the change before the answer was lost), not as a read's "try again". Said here,
 * not where the background words its errors (persona-error.ts): one message for a read and one
 * for a write there would cost the worker bytes its budget does not have.
 */
export function changeProblem(error: ErrorInfo): ErrorInfo {
  if (error.kind === 'timeout') return { ...error, message: t('errTimeoutWrite') };
  // A connection that broke may have broken after the request went: the read's "try again"
  // would be said of a change that may be made. What broke it the detail says in its copy's banner.
  if (error.kind === 'network') return { ...error, message: t('errNetworkWrite') };
  // The background stopped with the change out: the desk's next reads (detail-view.tsx) may come
  // before a slow Persona has made it, so "check what the desk shows now" would point at a read
  // that may already be out of date (UX review s71 M1).
  if (error.kind === 'disconnected') return { ...error, message: t('errStoppedWrite') };
  return error;
}
