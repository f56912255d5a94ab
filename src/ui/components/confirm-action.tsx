import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { goesBack } from '../back-key.ts';
import { scrollViewTo } from '../scroll-view.ts';
import { useAnnounce } from './announce.tsx';
import { useGrowWithText } from './use-grow-with-text.ts';
import { WaitLabel } from './wait-label.tsx';

interface Props {
  /** Names the form and its confirm button ("Confirm approve"). */
  confirmLabel: string;
  question: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: (comment: string) => void;
  /** `byKey`: Escape or Alt+←, or Cancel pressed from the keyboard, whose focus should show. */
  onCancel: (byKey: boolean) => void;
  /**
   * Escape once the decision is sent: nothing is left to call off, so it goes back, as Back does,
   * and the answer is said wherever the reviewer is by then.
   */
  onSentBack?: (() => void) | undefined;
  /** The comment as it was left (a popup closed mid-way), and each change to it. */
  initialComment?: string;
  onComment?: (comment: string) => void;
  /** Seconds until Persona's rate-limit window resets: till then, confirming would be refused. */
  waitSeconds?: number;
  /** What the decision would pass over, said above the question (needs-a-look.ts). */
  warnings?: readonly string[];
  /** None of them speaks against it ("Other inquiries: none declined"): not drawn as a warning. */
  calm?: boolean;
  /**
   * What became of this decision's last try, sent from a page that closed (detail-actions.tsx):
   * at the form's top, and read with the comment field.
   */
  notice?: string | undefined;
}

/**
 * An inline confirmation for a final action, with an optional comment. Focus goes to the comment;
 * Escape cancels (the caller puts focus back on the button that opened it). Enter in the comment
 * starts a new line, not the decision: with the form opened by Enter on Approve, a second Enter
 * (or a key held a moment too long) would have made a final decision. The confirm button, or
 * Ctrl+Enter (⌘+Enter) in the comment, confirms.
 */
export function ConfirmAction({
  confirmLabel,
  question,
  busy,
  danger,
  onConfirm,
  onCancel,
  onSentBack,
  initialComment = '',
  onComment,
  waitSeconds = 0,
  warnings = [],
  calm,
  notice,
}: Props) {
  const [comment, setComment] = useState(initialComment);
  // A line that comes or changes while the form is open (a refresh found a failed check, Other
  // inquiries were read, the last try's answer was read) is said where the reviewer is: the
  // comment field, described by the lines it opened with, says nothing of it. As news, said with a
  // status the same refresh brought.
  const announce = useAnnounce();
  const lines = notice ? [notice, ...warnings] : warnings;
  const heard = useRef(new Set(lines));
  useEffect(() => {
    const news = lines.filter((line) => !heard.current.has(line));
    for (const line of news) heard.current.add(line);
    if (news[0]) announce(news.join('; '), 'confirm');
  }, [lines.join('\n')]);
  // Each line at least as tall as it has been since the form opened: a line that changes in
  // place (Other inquiries read meanwhile, needs-a-look.ts) and wraps on fewer lines would pull
  // the form up under the pointer (19 px in Spanish at 320 px wide).
  const list = useRef<HTMLUListElement>(null);
  const tallest = useRef<number[]>([]);
  useLayoutEffect(() => {
    list.current?.querySelectorAll('li').forEach((li, i) => {
      tallest.current[i] = Math.max(tallest.current[i] ?? 0, li.getBoundingClientRect().height);
    });
  });
  const input = useRef<HTMLTextAreaElement>(null);
  // As tall as the comment, up to views.css's cap: a long one is read whole before Confirm.
  useGrowWithText(input, comment);
  // Typed into, the box grows, and the view, following only the caret, left Confirm and its
  // shortcut below it (popup, side panel, a 300 px window): the two are kept in view.
  const end = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (end.current && document.activeElement === input.current) {
      scrollViewTo(end.current, 'nearest');
    }
  }, [comment]);
  const form = useRef<HTMLFormElement>(null);
  // A double-click on Approve: its second click came down on the form just drawn under the pointer
  // (the warnings), and took the focus out of the comment, so what was typed next went nowhere
  // (UX review s71b L6). For a moment after the form opens, a press on its text keeps the focus.
  const openedAt = useRef(performance.now());
  // Before the form is painted, not after: a comment typed at once after the key that opened it
  // (A, D) lost its first letters to the page in the frame between.
  useLayoutEffect(() => {
    // The whole form in view, or, taller than the view, its top: what the decision would pass
    // over, then the question. The comment's own focus scrolled only as far as the comment, which
    // in a short window (a toolbar popup at 200 % zoom is 300 px tall) left the warnings above the
    // view.
    input.current?.focus({ preventScroll: true });
    if (form.current) scrollViewTo(form.current, 'nearest');
  }, []);
  return (
    <form
      ref={form}
      class="confirm"
      aria-label={confirmLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy && waitSeconds <= 0) onConfirm(comment.trim());
      }}
      onMouseDown={(event) => {
        const onText = !(event.target as Element).closest('button, textarea, a, input, select');
        if (onText && performance.now() - openedAt.current < 600) event.preventDefault();
      }}
      onKeyDown={(event) => {
        // Alt+← too, outside the comment: Firefox's popup keeps Escape from it (back-key.ts).
        if (event.key !== 'Escape' && !goesBack(event)) return;
        // The popup itself closes on Escape; here Escape means "not this", not "close everything".
        event.preventDefault();
        event.stopPropagation();
        if (!busy) onCancel(true);
        else if (!event.repeat) onSentBack?.();
      }}
    >
      {notice && (
        <p class="banner is-warn" id="confirm-notice" data-testid="last-try">
          {notice}
        </p>
      )}
      {warnings.length > 0 && (
        <div class={`banner confirm-warnings${calm ? '' : ' is-warn'}`} id="confirm-warnings">
          <p class="banner-text">{t('approveDespite')}</p>
          <ul ref={list}>
            {warnings.map((warning, i) => (
              <li
                key={warning}
                style={tallest.current[i] ? { minHeight: `${tallest.current[i]}px` } : undefined}
              >
                {warning}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="confirm-question">{question}</p>
      {/* The key that confirms, beside the label rather than under the box: at 200 % zoom the
          box ended the view, and the way to finish began below it (UX review s71 L1). */}
      <div class="comment-head">
        <label class="field-label" for="action-comment">
          {t('comment')}
        </label>
        <p class="hint" id="action-comment-hint">
          {t('confirmShortcut')}
        </p>
      </div>
      <textarea
        ref={input}
        id="action-comment"
        rows={2}
        maxLength={2000}
        placeholder={t('commentPlaceholder')}
        aria-describedby={`${notice ? 'confirm-notice ' : ''}${warnings.length > 0 ? 'confirm-warnings ' : ''}action-comment-hint`}
        value={comment}
        // Sent, the comment is the one that went: an edit would change nothing at Persona, and
        // would read as a decision still to be sent.
        readOnly={busy}
        onInput={(event) => {
          setComment(event.currentTarget.value);
          onComment?.(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
          event.preventDefault();
          event.currentTarget.form?.requestSubmit();
        }}
      />
      <div class="row confirm-buttons" ref={end}>
        {/* Sending or counting down, it keeps the focus a keyboard user pressed it with
            (aria-disabled, the submit ignored): a disabled button drops it to the page. */}
        <button
          type="submit"
          class={danger ? 'destructive' : 'primary'}
          aria-disabled={busy || waitSeconds > 0}
        >
          <WaitLabel label={confirmLabel} wait={waitSeconds} />
        </button>
        {/* Once sent, the decision is Persona's to make: closing the form would not stop it, and
            would leave the reviewer believing it was called off. Focusable still (aria-disabled). */}
        <button
          type="button"
          aria-disabled={busy}
          onClick={(event) => busy || onCancel(event.detail === 0)}
        >
          {t('cancel')}
        </button>
      </div>
      {busy && <p class="hint">{t('sentCannotCancel')}</p>}
    </form>
  );
}
