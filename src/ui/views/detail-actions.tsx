import { useRef, useState } from 'preact/hooks';
import type { InquiryReply, OneTimeLink } from '../../shared/messages.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { useAnnounce } from '../components/announce.tsx';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useRequest } from '../use-request.ts';

interface Props {
  inquiry: InquiryView;
  watched: boolean;
  onReply: (reply: InquiryReply) => void;
  onLink: (link: OneTimeLink) => void;
}

type Final = 'approve' | 'decline';

/** Only the actions the status allows; approve and decline are final, so they ask first. */
export function DetailActions({ inquiry, watched, onReply, onLink }: Props) {
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState<Final | null>(null);
  const openers = {
    approve: useRef<HTMLButtonElement>(null),
    decline: useRef<HTMLButtonElement>(null),
  };
  const allowed = inquiry.actions;
  const id = inquiry.id;

  const request = useRequest(async (done: string, send: () => Promise<unknown>) => {
    await send();
    // The button that was pressed may be gone now (approved: no more actions); keep focus near.
    if (confirming) document.getElementById('detail-status')?.focus();
    setConfirming(null);
    announce(done);
  });
  const { busy, error } = request;
  const run = <T,>(done: string, send: () => Promise<T>, after?: (reply: T) => void) =>
    request.run(done, async () => {
      const reply = await send();
      after?.(reply);
    });
  /** Approve, decline or mark for review: the decision, then the inquiry as Persona now has it. */
  const decide = (action: Final | 'markForReview', done: string, comment?: string) =>
    run(
      done,
      () => sendRequest({ type: 'inquiryAction', id, action, ...(comment ? { comment } : {}) }),
      onReply,
    );
  const cancel = () => {
    const opener = confirming && openers[confirming].current;
    setConfirming(null);
    opener?.focus();
  };

  return (
    <div class="detail-actions">
      <div class="row wrap">
        {allowed.approve && (
          <button
            type="button"
            class="primary"
            ref={openers.approve}
            disabled={busy}
            onClick={() => setConfirming('approve')}
          >
            Approve
          </button>
        )}
        {allowed.decline && (
          <button
            type="button"
            class="danger"
            ref={openers.decline}
            disabled={busy}
            onClick={() => setConfirming('decline')}
          >
            Decline
          </button>
        )}
        {allowed.markForReview && (
          <button
            type="button"
            disabled={busy}
            onClick={() => decide('markForReview', 'Marked for review')}
          >
            Mark for review
          </button>
        )}
        {allowed.newLink && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                'New link ready',
                () => sendRequest({ type: 'newLink', id }),
                (reply) => {
                  onReply(reply);
                  onLink(reply.link);
                },
              )
            }
          >
            New link
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            watched
              ? run('No longer watched', () => sendRequest({ type: 'unwatch', id }))
              : run('Watching for changes', () => sendRequest({ type: 'watch', id }))
          }
        >
          {watched ? 'Unwatch' : 'Watch'}
        </button>
      </div>
      {confirming && (
        <ConfirmAction
          verb={confirming}
          danger={confirming === 'decline'}
          question={`${confirming === 'approve' ? 'Approve' : 'Decline'} ${id}? This decision is final.`}
          busy={busy}
          onConfirm={(comment) =>
            decide(confirming, confirming === 'approve' ? 'Approved' : 'Declined', comment)
          }
          onCancel={cancel}
        />
      )}
      {busy && (
        <p class="muted" role="status">
          Sending…
        </p>
      )}
      {error && <ProblemMessage error={error} />}
    </div>
  );
}
