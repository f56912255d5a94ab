// Whether a logged decision's answer was lost: a stopped worker (no error kind, or `interrupted`),
// a 5xx, a timeout or the network. Persona may have made it all the same. One rule for the row's
// note (ui/views/not-made.tsx) and the reopened form's (ui/views/use-sent-answer.ts), which
// would otherwise disagree on the same entry.
import type { ErrorKind } from '../errors.ts';
import { outcomeUnknown } from '../outcome-unknown.ts';
import { INTERRUPTED } from './chain.ts';

/** `errorKind`: a failed entry's, as the activity log holds it. */
export function answerLost(errorKind: string | undefined): boolean {
  const kind = errorKind ?? INTERRUPTED;
  return kind === INTERRUPTED || outcomeUnknown.has(kind as ErrorKind);
}
