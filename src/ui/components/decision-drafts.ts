// The approves and declines being confirmed, one per inquiry, in the draft (storage.session): a
// reviewer comparing duplicates declines them one after another, and a confirmation opened on one
// must not take another's comment with it.
import { type DecisionDraft, type Draft, MAX_DECISION_DRAFTS } from '../../shared/storage-items.ts';

/** `id`'s confirmation in the draft, if one is left open. */
export function decisionFor(draft: Draft | undefined, id: string): DecisionDraft | undefined {
  return draft?.decisions?.find((d) => d.inquiryId === id);
}

/** `decisions` with `id`'s confirmation set to `decision` (then the newest, last), or removed. */
export function withDecision(
  decisions: Draft['decisions'],
  id: string,
  decision?: Omit<DecisionDraft, 'inquiryId'>,
): DecisionDraft[] {
  const others = (decisions ?? []).filter((d) => d.inquiryId !== id);
  if (!decision) return others;
  // Over the bound, the oldest sent ones go first: a page that closed before their answer left
  // them, and they hold no comment still to send (only one to show again, should the activity
  // log say the decision was refused: the least of what a draft keeps).
  while (others.length >= MAX_DECISION_DRAFTS) {
    const sent = others.findIndex((d) => d.sent);
    others.splice(sent === -1 ? 0 : sent, 1);
  }
  return [...others, { inquiryId: id, ...decision }];
}
