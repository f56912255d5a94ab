// Persona answers a decision repeated on an inquiry that already has it; the sandbox as done (what
// Persona answers is not documented: docs/persona.md#inquiries). Such an answer is someone else's
// decision, made before the desk's request, and neither the reviewer nor the activity log may take
// it for theirs: Persona's `decisioned-at` tells it apart.

/**
 * How much earlier than the desk's request Persona's clock may put the decision that request made.
 * A guess (docs/persona.md#inquiries): a decision timed earlier was someone else's; a clock of
 * Persona's that runs behind errs towards saying so, or towards naming no one.
 */
export const CLOCK_SLACK_MS = 2_000;

/** Whether the decision `status` shows was made before `sentAt` (ms), so not by that request. */
export function decidedBefore(
  status: string,
  decided: string,
  decisionedAt: string | undefined,
  sentAt: number,
): boolean {
  const at = decisionedAt === undefined ? Number.NaN : Date.parse(decisionedAt);
  return status === decided && at + CLOCK_SLACK_MS < sentAt;
}
