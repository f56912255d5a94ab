import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** "approve" or "decline": names the confirm button ("Confirm approve"). */
  verb: string;
  question: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: (comment: string) => void;
  onCancel: () => void;
}

/**
 * An inline confirmation for a final action, with an optional comment. Focus goes to the comment;
 * Enter confirms, Escape cancels (the caller puts focus back on the button that opened it).
 */
export function ConfirmAction({ verb, question, busy, danger, onConfirm, onCancel }: Props) {
  const [comment, setComment] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="confirm"
      aria-label={`Confirm ${verb}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onConfirm(comment.trim());
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The popup itself closes on Escape; here Escape means "not this", not "close everything".
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <p class="confirm-question">{question}</p>
      <label class="field-label" for="action-comment">
        Comment
      </label>
      <input
        ref={input}
        id="action-comment"
        type="text"
        maxLength={2000}
        placeholder="Optional, kept in Persona"
        value={comment}
        onInput={(event) => setComment(event.currentTarget.value)}
      />
      <div class="row confirm-buttons">
        <button type="submit" class={danger ? 'danger' : 'primary'} disabled={busy}>
          Confirm {verb}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
