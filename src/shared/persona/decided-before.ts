// Persona answers a decision repeated on an inquiry that already has it; the sandbox as done (what
// Persona answers is not documented: docs/persona.md#inquiries). Such an answer is someone else's
// decision, made before the desk's request, and neither the reviewer nor the activity log may take
// it for theirs: Persona's `decisioned-at` tells it apart.

/**
 * How much earlier than the desk's request Persona may time the decision that request made: its
 * `decisioned-at` and its `Date` header may come from clocks of its own. A guess
 * (docs/persona.md#inquiries) that errs towards taking a decision for the desk's.
 */
export const CLOCK_SLACK_MS = 2_000;

/**
 * Whether the decision `status` shows was made before the request, by Persona's own clock: the
 * `Date` of an answer that came `sinceSentMs` after the request was sent (so no later than the
 * request reached Persona, the header being whole seconds). Without a `Date`, no: the reviewer's
 * computer's clock may differ from Persona's.
 */
export function decidedBefore(
  status: string,
  decided: string,
  decisionedAt: string | undefined,
  answerDate: number | undefined,
  sinceSentMs: number,
): boolean {
  if (status !== decided || answerDate === undefined) return false;
  // No time, or an unreadable one: NaN, which is never `<`.
  const at = Date.parse(decisionedAt ?? '');
  return at + CLOCK_SLACK_MS < answerDate - sinceSentMs;
}
