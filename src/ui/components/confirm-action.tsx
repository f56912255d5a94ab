import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { formatNumber } from './format-time.ts';

interface Props {
  /** Names the form and its confirm button ("Confirm approve"). */
  confirmLabel: string;
  question: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: (comment: string) => void;
  onCancel: () => void;
  /** The comment as it was left (a popup closed mid-way), and each change to it. */
  initialComment?: string;
  onComment?: (comment: string) => void;
  /** Seconds until Persona's rate-limit window resets: till then, confirming would be refused. */
  waitSeconds?: number;
}

/**
 * An inline confirmation for a final action, with an optional comment. Focus goes to the comment;
 * Enter confirms, Escape cancels (the caller puts focus back on the button that opened it).
 */
export function ConfirmAction({
  confirmLabel,
  question,
  busy,
  danger,
  onConfirm,
  onCancel,
  initialComment = '',
  onComment,
  waitSeconds = 0,
}: Props) {
  const [comment, setComment] = useState(initialComment);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="confirm"
      aria-label={confirmLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy && waitSeconds <= 0) onConfirm(comment.trim());
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The popup itself closes on Escape; here Escape means "not this", not "close everything".
        event.preventDefault();
        event.stopPropagation();
        if (!busy) onCancel();
      }}
    >
      <p class="confirm-question">{question}</p>
      <label class="field-label" for="action-comment">
        {t('comment')}
      </label>
      <input
        ref={input}
        id="action-comment"
        type="text"
        maxLength={2000}
        placeholder={t('commentPlaceholder')}
        value={comment}
        onInput={(event) => {
          setComment(event.currentTarget.value);
          onComment?.(event.currentTarget.value);
        }}
      />
      <div class="row confirm-buttons">
        {/* Counting down, it keeps the focus a keyboard user pressed it with (aria-disabled). */}
        <button
          type="submit"
          class={danger ? 'danger' : 'primary'}
          disabled={busy}
          aria-disabled={waitSeconds > 0}
        >
          {waitSeconds > 0 ? t('actionIn', confirmLabel, formatNumber(waitSeconds)) : confirmLabel}
        </button>
        {/* Once sent, the decision is Persona's to make: closing the form would not stop it, and
            would leave the reviewer believing it was called off. Focusable still (aria-disabled). */}
        <button type="button" aria-disabled={busy} onClick={() => busy || onCancel()}>
          {t('cancel')}
        </button>
      </div>
      {busy && <p class="hint">{t('sentCannotCancel')}</p>}
    </form>
  );
}
