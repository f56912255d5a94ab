import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { InquiryReply, OneTimeLink } from '../../shared/messages.ts';
import { keyShortcutsItem } from '../../shared/page-items.ts';
import { describeStatus, isFinalStatus } from '../../shared/persona/status.ts';
import { allowedActions, decisionStatus } from '../../shared/persona/status-actions.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { type DecisionDraft, keyInfoItem, watchlistItem } from '../../shared/storage-items.ts';
import { checkAfterAnswer } from '../check-after-answer.ts';
import { useAnnounce } from '../components/announce.tsx';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { CopyButton } from '../components/copy-button.tsx';
import { decisionFor, withDecision } from '../components/decision-drafts.ts';
import { formatAgo, useNow } from '../components/format-time.ts';
import { ProblemMessage, waitsForReset } from '../components/problem-message.tsx';
import { RateLimitCount, useRateLimitReset } from '../components/rate-limit-wait.tsx';
import {
  READ_ONLY_NOTE,
  ReadOnlyKeyNote,
  refusalBeside,
  useWriteRefusal,
} from '../components/read-only-key-note.tsx';
import { useDraft } from '../components/use-draft.ts';
import { WaitLabel } from '../components/wait-label.tsx';
import { focusLost } from '../focus.ts';
import { scrollViewTo } from '../scroll-view.ts';
import { useKeptInPlace } from '../use-kept-in-place.ts';
import { useRequest } from '../use-request.ts';
import { useResetWait } from '../use-reset-wait.ts';
import { useStored } from '../use-stored.ts';
import { noteWriteAnswer } from '../write-refusal.ts';
import { useDecisionKeys } from './decision-keys.ts';
import { OtherComment, otherComment } from './other-comment.tsx';
import { NavigationContext } from './router.ts';
import { answerLost, changeProblem, isConflict, isStopped, rereadAfter } from './stale-after.ts';
import { useSentAnswer } from './use-sent-answer.ts';

interface Props {
  inquiry: InquiryView;
  /** What Approve would pass over, in words (needs-a-look.ts), listed in its confirmation. */
  warnings: readonly string[];
  watched: boolean;
  onReply: (reply: InquiryReply) => void;
  onLink: (link: OneTimeLink) => void;
  /** New link is out (true) or answered (false): the card holds the link it replaces meanwhile. */
  onRenewing?: (renewing: boolean) => void;
  /** Persona refused an action as no longer possible (409): the inquiry changed meanwhile. */
  /**
   * `later`: the change's outcome is unknown, so read again a moment later too; `moves`: whether
   * the change, made, moves the status (a decision does), which the reads after it then wait for.
   */
  onStale: (later?: boolean, moves?: boolean) => void;
  /** An action met Persona's rate limit: the detail's Refresh waits for the same reset. */
  onLimited?: (error: ErrorInfo) => void;
  /** None of `warnings` speaks against approving (Other inquiries: none declined). */
  calm?: boolean;
  /** A confirmation opened or closed: the detail holds what is above it still meanwhile. */
  onConfirming?: (open: boolean) => void;
}

type Final = 'approve' | 'decline';

/** What the form opened again says of its decision's last try, not made (below). */
const lastTryText = {
  approve: {
    failed: 'approveNotMadeHere',
    lost: 'approveLostHere',
    refused: 'approveRefusedHere',
    keyRefused: 'approveKeyRefusedHere',
    limited: 'approveLimitedHere',
  },
  decline: {
    failed: 'declineNotMadeHere',
    lost: 'declineLostHere',
    refused: 'declineRefusedHere',
    keyRefused: 'declineKeyRefusedHere',
    limited: 'declineLimitedHere',
  },
} as const;

/** The decision other than `action`. */
const opposite = (action: Final): Final => (action === 'approve' ? 'decline' : 'approve');

/** What a confirmation someone else's decision overtook says: sent and refused, or never sent. */
const overtakenText = {
  approve: { sent: 'approveOvertaken', unsent: 'approveOvertakenUnsent' },
  decline: { sent: 'declineOvertaken', unsent: 'declineOvertakenUnsent' },
} as const;

/** Only the actions the status allows; approve and decline are final, so they ask first. */
export function DetailActions({
  inquiry,
  warnings,
  watched,
  onReply,
  onLink,
  onRenewing,
  onStale,
  onLimited,
  calm,
  onConfirming,
}: Props) {
  const announce = useAnnounce();
  const nav = useContext(NavigationContext);
  // The key a decision is sent with, for what its answer says of that key (write-refusal.ts).
  const keyInfo = useStored(keyInfoItem);
  const knownRefusal = useWriteRefusal();
  // "Sent 5 minutes ago" in the last try's notice, kept true while the form is open.
  const now = useNow();
  const [draft, updateDraft] = useDraft();
  // A confirmation left open in a popup that closed (a click into the chat) opens again as it was.
  // One closed with Escape or Cancel does not; its comment waits for its decision to be opened.
  const kept = decisionFor(draft, inquiry.id);
  const left = kept?.closed ? undefined : kept;
  const sentAnswer = useSentAnswer(inquiry.id, left);
  // When this page sent the decision it marked sent (below), told apart from one another page sent.
  const sentHere = useRef<number>(undefined);
  // The latest, for callbacks made in an earlier render (a decision's answer runs the one made
  // when Confirm was clicked, before the draft had the entry Confirm adds).
  const keptNow = useRef(kept);
  keptNow.current = kept;
  // This inquiry's confirmation in the draft, set or removed; other inquiries' stay as they are.
  const setDecision = (decision?: Omit<DecisionDraft, 'inquiryId'>) =>
    updateDraft((stored) =>
      decision || decisionFor(stored, inquiry.id)
        ? { decisions: withDecision(stored.decisions, inquiry.id, decision) }
        : {},
    );
  const [confirming, setConfirmingNow] = useState<Final | null>(left?.action ?? null);
  // One inquiry open in the popup and the side panel: each has its own form. A confirmation left
  // open opens with the page (the draft read, if it comes after the first render). Closed in the
  // other page (a Cancel, or its decision made), it closes here too if this page only showed it;
  // typed in here, it stays open, and its comment goes back into the draft, where the other page's
  // Cancel took it from. Not while this page's own decision is on its way: its answer closes it.
  const shown = useRef(left);
  // The form the next effect closed as only shown, for the effects after it in the same commit,
  // which still see it open: the other page's decision went, and the status it brought (read here
  // first, as a CI run showed) is not someone else's. Cleared each render.
  const closedAsShown = useRef<Final | null>(null);
  closedAsShown.current = null;
  const draftRead = useRef(draft !== undefined);
  useEffect(() => {
    const before = shown.current;
    shown.current = left;
    if (!draftRead.current && draft !== undefined) {
      draftRead.current = true;
      if (left && !confirming) setConfirmingNow(left.action);
    }
    if (left || !before) return;
    const mine = removedHere.current;
    removedHere.current = false;
    const action = before.action;
    if (mine || sent.current === action || confirming !== action) return;
    if (typedHere.current[action]) {
      setDecision({ action, comment: typed.current[action], ...keptOther(action) });
      return;
    }
    typed.current[action] = before.comment;
    // The form goes; the focus in it goes to its opener, not to the page.
    if (document.activeElement?.closest('.confirm')) openers[action].current?.focus();
    closedAsShown.current = action;
    setConfirmingNow(null);
  }, [left === undefined, draft === undefined]);
  // What was typed for each decision, while this page shows it: an Escape, a Cancel or a look
  // at the other decision closes the form, not the comment, which is there again on reopening
  // the same decision (never on the other).
  const typed = useRef<Record<Final, string>>({ approve: '', decline: '' });
  // Whether the reviewer typed a comment for the decision in this page.
  const typedHere = useRef<Record<Final, boolean>>({ approve: false, decline: false });
  /** The comment typed for the decision other than `action`, to keep beside it in the draft. */
  const keptOther = (action: Final) => {
    const other = typed.current[opposite(action)];
    return other ? { other } : {};
  };
  // The decision this page sent from the open confirmation, unless Persona refused it (409): one
  // whose answer was lost (a 5xx, a stopped background) may be the one the new status shows.
  const sent = useRef<Final | null>(null);
  // The stored confirmation this page removes itself; one that goes otherwise was closed in
  // another page showing this inquiry (the popup and the side panel at once).
  const removedHere = useRef(false);
  // Open, switched or closed: the stored comment goes with the confirmation it was typed in.
  const setConfirming = (next: Final | null) => {
    setConfirmingNow(next);
    if (next) {
      sent.current = null;
      refused.current = null;
    }
    // A comment left by a popup that closed waits, like one typed here, for its decision. One
    // typed here stays this page's, unless its decision is opened again: then the one stored,
    // the newest, typed here or in the other page, is shown.
    const kept = keptNow.current;
    if (kept && (!typedHere.current[kept.action] || kept.action === next)) {
      // Shown as stored: the other page's text is not this page's to keep (below).
      if (kept.comment !== typed.current[kept.action]) typedHere.current[kept.action] = false;
      typed.current[kept.action] = kept.comment;
    }
    // The other decision's comment, kept beside it by a page that closed.
    if (kept?.other !== undefined && !typedHere.current[opposite(kept.action)]) {
      typed.current[opposite(kept.action)] = kept.other;
    }
    // Opened with a comment typed for either decision (switched from the other, or kept from a
    // form closed before): the new one is the open one, and both comments stay in the draft, so a
    // popup closing now (a click into the chat) loses neither.
    if (next && (typed.current[next] || typed.current[opposite(next)])) {
      removedHere.current = false;
      setDecision({ action: next, comment: typed.current[next], ...keptOther(next) });
      return;
    }
    removedHere.current = kept !== undefined;
    // Removed as stored when written, whatever this render saw; other inquiries' stay.
    setDecision();
  };
  // A decision the worker stopped in the middle of: Persona may have made it, but the activity
  // log, written with the worker's answer, has it as interrupted (background audit/pending.ts).
  // Said once the status shows it was made.
  // Also one whose answer was lost (a 5xx, a timeout): the log has it as an error.
  const [unlogged, setUnlogged] = useState<{
    action: Final | 'markForReview';
    stopped: boolean;
  } | null>(null);
  const openers = {
    approve: useRef<HTMLButtonElement>(null),
    decline: useRef<HTMLButtonElement>(null),
  };
  const allowed = allowedActions(inquiry.status, inquiry.redacted);
  const id = inquiry.id;

  // The inquiry on screen, read when an answer comes: a decision Persona was slow to take may
  // come back after the reviewer moved on to another inquiry, or left the detail.
  const onScreen = useRef<string | undefined>(id);
  onScreen.current = id;
  useEffect(
    () => () => {
      onScreen.current = undefined;
    },
    [],
  );
  const statusLine = () => document.getElementById('detail-status');
  // Named as the rows and the chat name it, by its reference where it has one: a 32-character id
  // said for two seconds names no one the reviewer knows. With the id's end beside it: one
  // customer's inquiries share their reference. The confirmation names it so too: the whole id,
  // above it in the detail's head, broke in two at 320 px. Without a reference, the id cut in the
  // middle, as a whole one broke at 320 px.
  const named = inquiry.referenceId
    ? `${inquiry.referenceId} (…${id.slice(-5)})`
    : `${id.slice(0, 8)}…${id.slice(-5)}`;
  // Opened from Needs review: once this one is decided, the next row there is one press away,
  // where Back, Tab and Enter took three.
  // The queue as Needs review listed it when the first of it was opened: rows the watcher has
  // seen decided since (a colleague's decision, the other page's) are passed over, or Next, once
  // it wrapped to the rows above, opened decided ones. Only a decision: a watched status older
  // than the queue (pending, where the queue had it come to review since) is no reason to skip.
  const watchlist = useStored(watchlistItem);
  const decidedNow = new Set(
    watchlist?.filter((entry) => isFinalStatus(entry.status)).map((entry) => entry.id),
  );
  const queue = nav?.route.name === 'detail' ? nav.route.queue : undefined;
  const [next, ...rest] = (queue || []).filter((row) => row.id !== id && !decidedNow.has(row.id));
  const nextButton = useRef<HTMLButtonElement>(null);
  const decided = !allowed.approve && !allowed.decline;
  // Opened from Needs review, and none of it left after this one; decided, that is said.
  const lastOfQueue = queue && !next;
  const queueEnd = lastOfQueue && isFinalStatus(inquiry.status);
  const request = useRequest(
    async (done: string, send: () => Promise<unknown>) => {
      const actedOnId = id;
      try {
        await send();
      } catch (failure) {
        // Gone from its page (Escape once it was sent): said where the reviewer is, who would
        // otherwise take it as made. On its page, its error says it.
        if (onScreen.current !== actedOnId) {
          const error = toErrorInfo(failure);
          // Its answer lost (a 5xx, a timeout): Persona may have made it, and the row says so too
          // (use-on-its-way.ts); the toast's first words are what shows.
          const key = answerLost(error.kind) ? 'mayNotBeMadeFor' : 'notMadeFor';
          announce(t(key, named, error.message));
        }
        throw failure;
      }
      setConfirming(null);
      // Said on whatever is on screen by then: named, unless it is this inquiry's page.
      // The outcome first: the toast is one line, and a long reference would push it out of
      // view.
      // On this page, the end of the queue too: its line comes where Next would have, unheard.
      announce(
        onScreen.current !== actedOnId
          ? t('answerFor', named, done)
          : lastOfQueue
            ? `${done} ${t('queueDone')}`
            : done,
      );
    },
    // The button that was pressed may be gone now (approved: no more actions): the focus goes
    // to the status, which is what changed.
    { refocus: statusLine },
  );
  const { busy: sending, slow, error } = request;
  // Decided from Needs review, the next row's inquiry is read while this decision is on its way,
  // and Next shows it at once: it waited a round trip of its own after the decision's (1.3 s at a
  // slow Persona). The read the next detail makes anyway, made sooner: fresh, it is not asked
  // again there (use-inquiry.ts).
  const [ahead, setAhead] = useState<InquiryReply>();
  const nextId = next?.id;
  useEffect(() => {
    if (!sending || !nextId || ahead?.inquiry.id === nextId) return;
    sendRequest({ type: 'getInquiry', id: nextId, refresh: true }, true).then(setAhead, () => {});
  }, [sending, nextId]);
  // Persona known to refuse this key's changes: the decisions are described by the note.
  const refusal = refusalBeside(knownRefusal, error);
  const keyNote = refusal && READ_ONLY_NOTE;
  // Persona's rate limit spent meanwhile: what is out waits for its reset, and says so.
  const resetIn = useRateLimitReset();
  // After useRequest's own: a decision made here put the focus on the status, the changed thing.
  // Next takes it from there, its answer said meanwhile; not from a heading an inquiry opened on.
  useEffect(() => {
    if (decided && document.activeElement === statusLine()) nextButton.current?.focus();
  }, [decided, sending]);
  // A decision a page that closed had sent, its answer not in yet (a click into the chat closed
  // the popup): shown as on its way, as this page's own would be, and nothing else is sent
  // meanwhile, neither it again nor the other one. The answer, logged, ends it.
  // This page's own too while its outcome is unknown (the background stopped, the connection or
  // Persona failed): it may still be made, and the log says. Not once Persona has answered this
  // page: its answer or refusal is said here, and a refusal had "Already sent: waiting for
  // Persona's answer." beside it until the mark was read again.
  const unanswered = sentAnswer === 'waiting' || sentAnswer === 'reading';
  const answeredHere = left?.sentAt === sentHere.current && !(error && answerLost(error.kind));
  const sentElsewhere = !sending && left?.sent === true && !answeredHere && unanswered;
  const busy = sending || sentElsewhere;
  // An action sent before Persona's rate-limit window resets is refused again, and spends the
  // limit the team shares: none is sent till then, and the confirmation counts it down.
  // Kept past the error that brought it: Unwatch, which may go meanwhile, clears the error as it
  // starts, and the wait had gone with it, every button free again.
  const limited = useRef<ErrorInfo>(undefined);
  if (waitsForReset(error)) limited.current = error;
  const wait = useResetWait(limited.current, onLimited);
  // A button that would send one counts the wait down as the confirmation's Confirm does, held: a
  // click that sent nothing and said nothing read as done. Each such button (and Confirm) checks
  // the wait itself; Unwatch, which asks nothing of Persona, does not.
  const held = busy || wait > 0;
  const waiting = (label: string) => <WaitLabel label={label} wait={wait} />;
  // The status the last action was taken on: its error describes that status only.
  const actedOn = useRef(inquiry.status);
  // A decision the status no longer allows (decided in Persona meanwhile, seen on a refresh) is
  // not left open to confirm.
  const open = confirming && allowed[confirming] ? confirming : null;
  useEffect(() => onConfirming?.(open !== null), [open !== null]);
  // An error from before the status changed (a 503 that, refreshed, turns out to have approved)
  // no longer describes the inquiry, whichever came first, the error or the new status. A 409's
  // stays: the new status is what explains it. So does one of New link on an expired inquiry:
  // its first step resumes it (the new status), and the error is its second's, the link's.
  useEffect(() => {
    const resumed = actedOn.current === 'expired';
    if (error && error.kind !== 'conflict' && !resumed && inquiry.status !== actedOn.current) {
      request.clearError();
    }
  }, [inquiry.status, error]);
  // Said under the confirmation, whose Confirm keeps the focus for a retry: brought into view, or
  // in a 600 px popup it began under the footer and the desk looked as if nothing had happened.
  const problem = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error && problem.current) scrollViewTo(problem.current, 'nearest');
  }, [error]);
  // What a decision sent is doing, under its confirmation, where it began under the 600 px
  // popup's footer, "Still waiting" past its edge: brought into view as it shows and as it changes,
  // as the error after it is.
  const sendingLine = useRef<HTMLParagraphElement>(null);
  const sendingWords = !busy
    ? undefined
    : sentElsewhere
      ? 'sentAwaitingAnswer'
      : resetIn > 0
        ? 'waitingForReset'
        : slow
          ? 'stillWaiting'
          : 'sending';
  useEffect(() => {
    if (sendingWords && sendingLine.current) scrollViewTo(sendingLine.current, 'nearest');
  }, [sendingWords]);
  // The detail's own read after it may then put the stale copy's banner above (offline), which
  // pushed the error, and Confirm, under the window's edge: kept where it was.
  useKeptInPlace(problem, error, '.detail-actions');
  // A decision being confirmed here that the inquiry's new status no longer allows, and that this
  // page did not send: someone decided it meanwhile (in Persona, in another desk window). Said,
  // with the comment typed here, which was not sent and must not vanish with the form.
  const [overtaken, setOvertaken] = useState<{
    action: Final;
    comment: string;
    /** Confirmed here and refused (a 409, or the same decision made before): else never sent. */
    sent: boolean;
  } | null>(null);
  // This page's decision, made, with another comment in Persona than the one sent (other-comment.tsx).
  const [otherSent, setOtherSent] = useState<{ sent: string; stored: string }>();
  const refused = useRef<Final | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Its own decision's answer (busy) closes the form itself, once it is in.
    if (!confirming || allowed[confirming] || busy || closedAsShown.current === confirming) return;
    // Or a popup's that closed before the answer came: the status is the decision it sent. Not
    // where a comment was typed in this page: the other page's decision went, with its own.
    // This page's own, if the status is the decision it sent: one whose answer was lost (a 5xx)
    // while someone made the other decision is said, as not made.
    const own = sent.current === confirming && inquiry.status === decisionStatus[confirming];
    const leftSent =
      !own && !typedHere.current[confirming] && left?.sent && left.action === confirming;
    // What became of it is in the activity log (use-sent-answer.ts): waited for, then a refusal
    // (someone had made this decision, or the other, first) is said as one, with its comment.
    if (leftSent && unanswered) return;
    const refusedUnheard = leftSent && sentAnswer === 'refused';
    const sentBefore = leftSent && inquiry.status === decisionStatus[confirming];
    setConfirming(null);
    if (own || (sentBefore && !refusedUnheard)) {
      // The status may be this page's own decision: the form goes, and the focus to the status.
      if (focusLost()) statusLine()?.focus();
      return;
    }
    setOvertaken({
      action: confirming,
      comment: typed.current[confirming].trim(),
      sent: refusedUnheard || refused.current === confirming || sent.current === confirming,
    });
    // The 409 its Confirm met, if it did, says less than the notice.
    request.clearError();
    // Also a confirmation a closed popup left open, reopened after the decision was made.
  }, [inquiry.status, confirming, busy, sentAnswer]);
  // The confirmation took the focus with it: it goes to the notice, which is what changed.
  useEffect(() => {
    if (overtaken && focusLost()) notice.current?.focus();
  }, [overtaken]);
  const run = <T,>(
    done: string,
    send: () => Promise<T>,
    after?: (reply: T) => void,
    // Show the inquiry as Persona has it now, not as the reviewer acted on it (stale-after.ts).
    reread: (failure: unknown) => boolean = rereadAfter,
  ) => {
    actedOn.current = inquiry.status;
    setOvertaken(null);
    setOtherSent(undefined);
    return request.run(done, async () => {
      const reply = await send().catch((failure: unknown) => {
        if (reread(failure)) onStale(!isConflict(failure));
        throw failure;
      });
      after?.(reply);
    });
  };
  /** Approve, decline or mark for review: the decision, then the inquiry as Persona now has it. */
  const decide = (action: Final | 'markForReview', done: string, comment?: string) =>
    run(
      done,
      () => {
        setUnlogged(null);
        if (action !== 'markForReview') sent.current = action;
        const sentWith = keyInfo?.masked;
        return sendRequest({
          type: 'inquiryAction',
          id,
          action,
          ...(comment ? { comment } : {}),
        })
          .then((reply) => {
            void noteWriteAnswer(sentWith);
            void checkAfterAnswer();
            return reply;
          })
          .catch((failure: unknown) => {
            void noteWriteAnswer(sentWith, toErrorInfo(failure));
            void checkAfterAnswer(toErrorInfo(failure));
            // Refused: not made, whatever the status now says.
            if (isConflict(failure)) {
              sent.current = null;
              if (action !== 'markForReview') {
                refused.current = action;
                setDecision({ action, comment: comment ?? '' });
              }
            }
            if (answerLost(toErrorInfo(failure).kind)) {
              setUnlogged({ action, stopped: isStopped(failure) });
            }
            throw failure;
          });
      },
      (reply) => {
        onReply(reply);
        if (action !== 'markForReview') {
          setOtherSent(otherComment(comment, reply.inquiry.reviewerComment));
        }
      },
      // After a 5xx or a timeout the background read the inquiry as well, but that read may have
      // failed too: the detail reads it again itself (stale-after.ts).
    );
  // Marked for review before the customer has finished, the inquiry gets no new link from the
  // desk (status-actions.ts): one click beside New link ended it, unasked (UX review s71b H1).
  // Asked there only; a finished inquiry is marked at once, as before.
  const [askingMark, setAskingMark] = useState(false);
  const markOpener = useRef<HTMLButtonElement>(null);
  const markConfirm = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (askingMark) markConfirm.current?.focus();
  }, [askingMark]);
  const markForReview = () => decide('markForReview', t('markedForReview'));
  // A held Enter clicks a button again with each repeat: New link made a link each time the one
  // before it was in, 16 in a second (UX review s71b L3). One press, one change at Persona.
  const onePerPress = (event: KeyboardEvent) => {
    if (event.repeat && event.key === 'Enter') event.preventDefault();
  };
  const closeMarkQuestion = () => {
    setAskingMark(false);
    markOpener.current?.focus();
  };
  // A, D and N press the buttons they name (decision-keys.ts); none while a confirmation is open.
  const keysOn = useStored(keyShortcutsItem) === true;
  const press = (button: { current: HTMLButtonElement | null }) => {
    button.current?.click();
    return button.current !== null;
  };
  useDecisionKeys(
    {
      approve: () => press(openers.approve),
      decline: () => press(openers.decline),
      // No row left: N says so, rather than doing nothing.
      next: () => {
        if (press(nextButton)) return true;
        if (queueEnd) announce(t('queueDone'));
        return Boolean(queueEnd);
      },
    },
    keysOn && !open,
  );
  // Its form already open (the second click of a double-click landed on its button again): back
  // to its comment, where the reviewer goes on typing (UX review s71b L6).
  const openOrFocus = (action: Final) => {
    if (open === action) document.getElementById('action-comment')?.focus();
    else setConfirming(action);
  };
  const cancel = (byKey: boolean) => {
    const opener = confirming && openers[confirming].current;
    setConfirming(null);
    // The form goes, not what was typed in it: kept in the draft as closed, so a popup closed
    // now still has it when the same decision is opened again (UX review s71b M3).
    if (confirming && !left?.sent && (typed.current.approve || typed.current.decline)) {
      setDecision({
        action: confirming,
        comment: typed.current[confirming],
        ...keptOther(confirming),
        closed: true,
      });
    }
    // Shown as focused after a key: Firefox drew no ring on Approve after Escape.
    opener?.focus({ focusVisible: byKey });
  };

  // A comment typed and not sent, with no form open here: closed with Escape or Cancel, or open
  // in another page (the popup's, seen from the side panel). Said, so the decision is known to
  // wait with its words, which its button brings back (UX review s71b M3, L4).
  const commentKept =
    open || !kept || kept.sent
      ? undefined
      : kept.comment.trim()
        ? kept.action
        : kept.other?.trim()
          ? opposite(kept.action)
          : undefined;

  return (
    <div class="detail-actions">
      {/* Opened from Needs review, and none of it left: said where Next would be, rather than a
          key that does nothing. */}
      {queueEnd && (
        <p class="muted key-hint" data-testid="queue-done">
          {t('queueDone')}
        </p>
      )}
      {decided && next && (
        <button
          type="button"
          class="primary next-in-queue"
          ref={nextButton}
          aria-keyshortcuts={keysOn ? 'N' : undefined}
          onClick={() =>
            nav?.replace({
              name: 'detail',
              id: next.id,
              referenceId: next.referenceId,
              status: next.status,
              queue: rest,
              ...(ahead?.inquiry.id === next.id ? { initial: ahead } : {}),
            })
          }
        >
          {t('nextInQueue', next.referenceId || next.id)}
        </button>
      )}
      {(allowed.approve || allowed.decline || allowed.markForReview) && (
        <ReadOnlyKeyNote refusal={refusal} />
      )}
      {/* Held while an action of this page's is out, or a decision a closed one sent (Watch only
          by this page's own): aria-disabled, which keeps a focus on them where it is (a disabled
          button drops it to the page), and a click is ignored. */}
      <div class="row wrap">
        {allowed.approve && (
          <button
            type="button"
            // Not the page's first choice while something speaks against approving: the filled
            // button would lead the eye, and a hand, to a final yes.
            class={warnings.length > 0 ? undefined : 'primary'}
            ref={openers.approve}
            aria-keyshortcuts={keysOn ? 'A' : undefined}
            aria-disabled={busy}
            aria-describedby={keyNote}
            onClick={() => busy || openOrFocus('approve')}
          >
            {t('approve')}
          </button>
        )}
        {allowed.decline && (
          <button
            type="button"
            class="destructive"
            ref={openers.decline}
            aria-keyshortcuts={keysOn ? 'D' : undefined}
            aria-disabled={busy}
            aria-describedby={keyNote}
            onClick={() => busy || openOrFocus('decline')}
          >
            {t('decline')}
          </button>
        )}
        {allowed.markForReview && (
          <button
            type="button"
            ref={markOpener}
            aria-disabled={held}
            aria-describedby={keyNote}
            onKeyDown={onePerPress}
            onClick={() => held || (allowed.newLink ? setAskingMark(true) : markForReview())}
          >
            {waiting(t('markForReview'))}
          </button>
        )}
        {allowed.newLink && (
          <button
            type="button"
            aria-disabled={held}
            onKeyDown={onePerPress}
            onClick={() =>
              held ||
              run(
                t('newLinkReady'),
                () => {
                  onRenewing?.(true);
                  return sendRequest({ type: 'newLink', id }).finally(() => onRenewing?.(false));
                },
                (reply) => {
                  onReply(reply);
                  onLink(reply.link);
                },
                // A new link moves the status only of an expired inquiry, which it resumes: an
                // interrupted one on a pending inquiry is read again once shortly, as a tag is.
                (failure) => {
                  if (rereadAfter(failure)) {
                    onStale(!isConflict(failure), allowed.resumeBeforeNewLink);
                  }
                  return false;
                },
              )
            }
          >
            {waiting(t('newLink'))}
          </button>
        )}
        <button
          type="button"
          // Not held by a decision another page sent: watching changes nothing at Persona. Watch
          // reads the inquiry there, and waits for the rate limit's reset; Unwatch does not.
          aria-disabled={sending || (!watched && wait > 0)}
          onKeyDown={onePerPress}
          onClick={() =>
            sending ||
            (watched
              ? run(t('noLongerWatched'), () => sendRequest({ type: 'unwatch', id }))
              : wait > 0 || run(t('watchingForChanges'), () => sendRequest({ type: 'watch', id })))
          }
        >
          {watched ? t('unwatch') : waiting(t('watch'))}
        </button>
      </div>
      {commentKept && allowed[commentKept] && (
        <p class="muted" data-testid="comment-kept">
          {t(commentKept === 'approve' ? 'approveCommentKept' : 'declineCommentKept')}
        </p>
      )}
      {askingMark && allowed.markForReview && (
        // A .confirm: the decision keys leave it alone while it is open (decision-keys.ts).
        <fieldset
          class="confirm"
          aria-labelledby="mark-question"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            closeMarkQuestion();
          }}
        >
          <p class="confirm-question" id="mark-question">
            {t('markForReviewQuestion', named)}
          </p>
          <div class="row confirm-buttons">
            <button
              type="button"
              ref={markConfirm}
              // The Enter held on Mark for review that asked comes here with its repeats.
              onKeyDown={onePerPress}
              onClick={() => {
                setAskingMark(false);
                if (!held) void markForReview();
              }}
            >
              {t('confirmMarkForReview')}
            </button>
            <button type="button" onClick={closeMarkQuestion}>
              {t('cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {/* Said where the keys act, while they do: the options page alone was no place to learn
          them. Not beside an open confirmation, whose form has the keys then. */}
      {keysOn && !open && (allowed.approve || allowed.decline) && (
        <p class="muted key-hint">{t('decisionKeysHint')}</p>
      )}
      {/* Decided, the key that goes on is said in its place. */}
      {keysOn && decided && next && <p class="muted key-hint">{t('nextKeyHint')}</p>}
      {/* A form a closed page sent is drawn once the log is read (a moment): what it says of its
          last try then comes with it, not above the comment field just focused, and is read with
          it, not said after the next try's answer. */}
      {open && !(sentAnswer === 'reading' && sent.current === null) && (
        <ConfirmAction
          // A fresh form for each decision: a comment typed for a decline never rides along
          // on an approve.
          key={open}
          confirmLabel={t(open === 'approve' ? 'confirmApprove' : 'confirmDecline')}
          danger={open === 'decline'}
          // Named as the chat knows it too: with the popup and the side panel on two inquiries, the
          // reference is what the reviewer checks before a final decision.
          question={t(open === 'approve' ? 'approveQuestion' : 'declineQuestion', named)}
          busy={busy}
          onConfirm={(comment) => {
            // Marked as sent before it goes: a popup closed before the answer came leaves it, and
            // the next one tells this decision, made, from someone else's.
            const sentAt = Date.now();
            sentHere.current = sentAt;
            setDecision({ action: open, comment: comment ?? '', sent: true, sentAt });
            return decide(open, t(open === 'approve' ? 'approved' : 'declined'), comment);
          }}
          onCancel={cancel}
          onSentBack={nav?.canGoBack ? nav.back : undefined}
          waitSeconds={wait}
          {...(open === 'approve' ? { warnings, calm } : {})}
          // A decision a page sent that did not go through, its comment kept in the form opened
          // again: its row said "did not go through: open to check", and the form said nothing
          // of it. A refusal too (409), while the status still allows it: the inquiry changed
          // meanwhile. Not once this page sends it again, nor beside its own error.
          notice={
            left?.sent &&
            left.action === open &&
            left.sentAt &&
            !busy &&
            !error &&
            sentAnswer &&
            sentAnswer !== 'reading' &&
            sentAnswer !== 'waiting' &&
            sentAnswer !== 'answered'
              ? t(lastTryText[open][sentAnswer], formatAgo(left.sentAt, now))
              : undefined
          }
          initialComment={left?.action === open ? left.comment : typed.current[open]}
          onComment={(comment) => {
            typed.current[open] = comment;
            typedHere.current[open] = true;
            // A sent one stays marked sent (its answer is still awaited); the field is read-only
            // then anyway.
            const { sent, sentAt } = left?.action === open ? left : {};
            setDecision({
              action: open,
              comment,
              ...(sent ? { sent, sentAt } : keptOther(open)),
            });
          }}
        />
      )}
      {sendingWords && (
        <p class="muted" role="status" data-testid="action-sending" ref={sendingLine}>
          {t(sendingWords)}
          {/* Held by Persona's rate limit, a decision can take a minute: nothing keeps the reviewer
              here meanwhile, and the answer is said where they are. Said of a decision only (its
              confirmation open), not of a slow watch or tag. */}
          {slow && open && ` ${t('goOnMeanwhile')}`}
        </p>
      )}
      {busy && resetIn > 0 && <RateLimitCount seconds={resetIn} />}
      {error && (
        <div ref={problem}>
          <ProblemMessage error={changeProblem(error)} />
        </div>
      )}
      {overtaken && (
        <div class="banner is-warn" role="alert" tabIndex={-1} ref={notice} data-testid="overtaken">
          <p class="banner-text">
            {t(
              overtakenText[overtaken.action][overtaken.sent ? 'sent' : 'unsent'],
              describeStatus(inquiry.status).label,
            )}
          </p>
          {overtaken.comment && (
            <>
              <p class="banner-meta">{t('unsentComment')}</p>
              <blockquote class="unsent-comment">{overtaken.comment}</blockquote>
              <div class="row banner-actions">
                <CopyButton
                  label={t('copyComment')}
                  text={overtaken.comment}
                  done={t('commentCopied')}
                />
              </div>
            </>
          )}
        </div>
      )}
      {otherSent && <OtherComment {...otherSent} />}
      {unlogged && inquiry.status === decisionStatus[unlogged.action] && (
        <p class="banner is-warn" role="status">
          {t(unlogged.stopped ? 'decisionNotLogged' : 'decisionLoggedAsError')}
        </p>
      )}
    </div>
  );
}
