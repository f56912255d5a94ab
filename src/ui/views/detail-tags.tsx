import { t } from '../../shared/i18n.ts';
import type { InquiryReply } from '../../shared/messages.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { useAnnounce } from '../components/announce.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { TagEditor } from '../components/tag-editor.tsx';
import { useRequest } from '../use-request.ts';
import { isConflict } from './detail-actions.tsx';

/** The inquiry's tags, each change saved to Persona on its own (add-tag, remove-tag). */
export function DetailTags({
  inquiry,
  onReply,
  onStale,
}: {
  inquiry: InquiryView;
  onReply: (reply: InquiryReply) => void;
  /** Persona refused the change for the inquiry's state (409): it is read again. */
  onStale: () => void;
}) {
  const announce = useAnnounce();
  // A removed tag takes its × with it: the focus goes on to the field for a new one.
  const newTag = () => document.getElementById('new-tag');
  const { busy, error, run } = useRequest(
    async (change: 'add' | 'remove', tag: string) => {
      const send = sendRequest({ type: 'changeTag', id: inquiry.id, change, tag });
      onReply(
        await send.catch((failure: unknown) => {
          if (isConflict(failure)) onStale();
          throw failure;
        }),
      );
      announce(t(change === 'add' ? 'tagAdded' : 'tagRemoved', tag));
    },
    { refocus: newTag },
  );
  const save = (change: 'add' | 'remove', tag: string) => run(change, tag);
  return (
    <section aria-labelledby="tags-heading">
      <h3 id="tags-heading">{t('tags')}</h3>
      <TagEditor
        tags={inquiry.tags}
        busy={busy}
        disabled={inquiry.redacted}
        onAdd={(tag) => save('add', tag)}
        onRemove={(tag) => save('remove', tag)}
      />
      {error && <ProblemMessage error={error} />}
    </section>
  );
}
