import { useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { Reply } from '../../shared/messages.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { type Draft, keyInfoItem, settingsItem } from '../../shared/storage-items.ts';
import { NoKeyNotice } from '../components/no-key-notice.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useDraft } from '../components/use-draft.ts';
import { useStored } from '../use-stored.ts';
import { CreateFields } from './create-fields.tsx';
import {
  buildCreateRequest,
  type CreateErrors,
  checkCreateForm,
  clearedDraft,
} from './create-form-check.ts';
import { CreatedPanel } from './created-panel.tsx';

/** "New inquiry": the form, kept as a draft while typed; then the new inquiry and its link. */
export function CreateView() {
  const [draft, updateDraft] = useDraft();
  const settings = useStored(settingsItem);
  const keyInfo = useStored(keyInfoItem);
  const [errors, setErrors] = useState<CreateErrors>({});
  const [failure, setFailure] = useState<ErrorInfo | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Reply<'createInquiry'> | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);
  // A click after a failed create of the very same form may follow a create that did happen
  // (a 5xx or timeout after Persona acted), so it reuses that try's Idempotency-Key, kept in the
  // session draft so a popup closed and opened again reuses it too; any edit or success means a
  // new inquiry and a fresh key (docs/architecture.md#create).
  const keyFor = (typed: Draft): string => {
    const form = JSON.stringify(buildCreateRequest(typed, ''));
    if (typed.pendingCreate?.form === form) return typed.pendingCreate.key;
    const key = crypto.randomUUID();
    updateDraft({ pendingCreate: { key, form } });
    return key;
  };

  const ready = draft !== undefined && settings !== undefined;
  useEffect(() => {
    if (!ready) return;
    // The default template fills an empty field once; after that the field is the reviewer's.
    const template = draft.templateId || settings.defaultTemplateId;
    if (!draft.templateId && template) updateDraft({ templateId: template });
    form.current
      ?.querySelector<HTMLInputElement>(template ? '#reference-id' : '#template-id')
      ?.focus();
  }, [ready]);

  if (created) return <CreatedPanel created={created} onAnother={() => setCreated(undefined)} />;
  if (!ready) return <p class="muted">{t('loading')}</p>;

  async function create(event: Event) {
    event.preventDefault();
    if (!draft || !settings || busy) return;
    const found = checkCreateForm(draft);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const reply = await sendRequest(buildCreateRequest(draft, keyFor(draft)));
      updateDraft(clearedDraft(draft, settings.defaultTemplateId));
      setCreated(reply);
    } catch (error) {
      const info = toErrorInfo(error);
      // Persona names the bad attribute on a 422; the template is the one a reviewer can fix here.
      if (info.pointer?.includes('template'))
        setErrors({ templateId: info.details ?? info.message });
      setFailure(info);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="view create" ref={form} onSubmit={create} noValidate>
      <h2 class="view-title">{t('newInquiry')}</h2>
      {keyInfo === null && <NoKeyNotice />}
      <CreateFields
        draft={draft}
        update={updateDraft}
        errors={errors}
        templates={settings.templates}
        defaultTemplateId={settings.defaultTemplateId}
      />
      {failure && <ProblemMessage error={failure} />}
      <div class="row form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('create')}
        </button>
        <span class="muted" role="status">
          {busy ? t('creating') : ''}
        </span>
      </div>
    </form>
  );
}
