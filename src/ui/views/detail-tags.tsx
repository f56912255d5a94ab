import { useRef } from 'preact/hooks';
import type { ErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { InquiryReply } from '../../shared/messages.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { useAnnounce } from '../components/announce.tsx';
import { ProblemMessage, waitsForReset } from '../components/problem-message.tsx';
import { TagEditor } from '../components/tag-editor.tsx';
import { useRequest } from '../use-request.ts';
import { useResetWait } from '../use-reset-wait.ts';
import { changeProblem, isConflict, rereadAfter } from './stale-after.ts';

/** The inquiry's tags, each change saved to Persona on its own (add-tag, remove-tag). */
export function DetailTags({
  inquiry,
  onReply,
  onStale,
  onLimited,
}: {
  inquiry: InquiryView;
  onReply: (reply: InquiryReply) => void;
  /** The change failed so that the inquiry shown may be out of date (stale-after.ts). */
  /** `later`: the change's outcome is unknown, so read again a moment later too. */
  onStale: (later?: boolean) => void;
  /** A change met Persona's rate limit: the detail's Refresh waits for the same reset. */
  onLimited?: (error: ErrorInfo) => void;
}) {
  const announce = useAnnounce();
  // A removed tag takes its × with it: the focus goes on to the × now in its place (the next
  // tag's, or the last one's), so several are removed in a row; with none left, to the field
  // for a new one.
  const removedAt = useRef(-1);
  const nextFocus = () => {
    const left = document.querySelectorAll<HTMLElement>('.tags .tag-remove');
    return left[Math.min(removedAt.current, left.length - 1)] ?? document.getElementById('new-tag');
  };
  const { busy, slow, error, run } = useRequest(
    async (change: 'add' | 'remove', tag: string) => {
      const send = sendRequest({ type: 'changeTag', id: inquiry.id, change, tag });
      onReply(
        await send.catch((failure: unknown) => {
          if (rereadAfter(failure)) onStale(!isConflict(failure));
          throw failure;
        }),
      );
      announce(t(change === 'add' ? 'tagAdded' : 'tagRemoved', tag));
    },
    { refocus: nextFocus },
  );
  // A change sent before Persona's rate-limit window resets is refused again: Enter in the tag
  // field and the × wait it out as Try again does.
  const wait = useResetWait(error, onLimited);
  const last = useRef<{ change: 'add' | 'remove'; tag: string }>(undefined);
  const save = (change: 'add' | 'remove', tag: string) => {
    if (wait > 0) return;
    removedAt.current = inquiry.tags.indexOf(tag);
    last.current = { change, tag };
    return run(change, tag);
  };
  // Refused for Persona's rate limit, the change did not happen: it can go again once the window
  // resets, and the button counts that down. After a lost answer it may have happened, and the
  // tags shown (read again) say whether; the reviewer decides.
  const retry = () => last.current && save(last.current.change, last.current.tag);
  return (
    <section aria-labelledby="tags-heading">
      <h3 id="tags-heading">{t('tags')}</h3>
      <TagEditor
        tags={inquiry.tags}
        busy={busy}
        slow={slow}
        disabled={inquiry.redacted}
        onAdd={(tag) => save('add', tag)}
        onRemove={(tag) => save('remove', tag)}
      />
      {error && (
        <ProblemMessage
          error={changeProblem(error)}
          onRetry={waitsForReset(error) ? retry : undefined}
        />
      )}
    </section>
  );
}
