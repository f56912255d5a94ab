import { useContext, useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { MAX_LINK_EXPIRY_HOURS, type Settings } from '../shared/settings.ts';
import { fillChatMessage } from '../ui/components/chat-message.ts';
import { useGrowWithText } from '../ui/components/use-grow-with-text.ts';
import { Field } from '../ui/field.tsx';
import { ManagedContext } from '../ui/use-policy.ts';
import { NumberInput } from './number-input.tsx';
import type { Patch } from './settings-patch.ts';

interface Props {
  draft: Settings;
  patch: Patch;
  fieldError: (name: string) => string | undefined;
}

export function InquiriesSection({ draft, patch, fieldError }: Props) {
  const managed = useContext(ManagedContext);
  const templates = draft.templates;
  // Add and Remove take their rows' controls away from under the focus, or bring new ones: the
  // focus goes where the reviewer goes on, a new row's name or what follows a removed row.
  const rows = useRef<HTMLFieldSetElement>(null);
  const focusAfter = useRef<number | undefined>(undefined);
  // As tall as the message, up to options.css's cap: the default's last line was cut at 400 px.
  const chatBox = useRef<HTMLTextAreaElement>(null);
  useGrowWithText(chatBox, draft.chatTemplate);
  useEffect(() => {
    const index = focusAfter.current;
    if (index === undefined) return;
    focusAfter.current = undefined;
    const row = rows.current?.querySelectorAll('.template-row')[index];
    (
      row?.querySelector('input') ?? rows.current?.querySelector<HTMLElement>('.add-template')
    )?.focus();
  }, [templates.length]);
  // A template field's problem, said below the rows, is its description: read out with the field
  // when the focus goes to it after a Save, as every other field's is.
  const problemAt = (name: string, errorId: string) =>
    fieldError(name)
      ? { 'aria-invalid': true, 'aria-describedby': errorId }
      : { 'aria-invalid': false };
  const setTemplate = (index: number, change: Partial<Settings['templates'][number]>) =>
    patch({
      templates: templates.map((entry, i) => (i === index ? { ...entry, ...change } : entry)),
    });

  return (
    <section aria-labelledby="inquiries-heading">
      <h2 id="inquiries-heading">{t('inquiries')}</h2>
      <Field
        setting="defaultTemplateId"
        id="default-template"
        label={t('defaultTemplate')}
        error={fieldError('defaultTemplateId')}
        hint={t('defaultTemplateHint')}
      >
        {(describedBy, invalid) => (
          <input
            id="default-template"
            type="text"
            spellcheck={false}
            placeholder="itmpl_…"
            value={draft.defaultTemplateId}
            onInput={(e) => patch({ defaultTemplateId: e.currentTarget.value.trim() })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field
        id="link-expiry"
        label={t('linkLifetime')}
        error={fieldError('linkExpiryHours')}
        hint={t('linkLifetimeHint')}
      >
        {(describedBy, invalid) => (
          <NumberInput
            id="link-expiry"
            min={1}
            max={MAX_LINK_EXPIRY_HOURS}
            step={1}
            value={draft.linkExpiryHours}
            onValue={(value) => patch({ linkExpiryHours: value })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <fieldset class="templates" ref={rows} disabled={managed.has('templates')}>
        <legend>
          {t('namedTemplates')}
          {managed.has('templates') && <span class="muted"> {t('setByOrganisation')}</span>}
        </legend>
        {templates.length === 0 && <p class="muted">{t('noNamedTemplates')}</p>}
        {templates.map((template, index) => (
          <div class="row template-row" key={index}>
            <input
              type="text"
              aria-label={t('templateNameLabel', index + 1)}
              placeholder={t('templateNamePlaceholder')}
              value={template.name}
              onInput={(e) => setTemplate(index, { name: e.currentTarget.value })}
              {...problemAt(`templates.${index}.name`, `template-${index}-name-error`)}
            />
            <input
              type="text"
              aria-label={t('templateIdLabel', index + 1)}
              spellcheck={false}
              placeholder="itmpl_…"
              value={template.id}
              onInput={(e) => setTemplate(index, { id: e.currentTarget.value.trim() })}
              {...problemAt(`templates.${index}.id`, `template-${index}-id-error`)}
            />
            <button
              type="button"
              aria-label={t('removeTemplate', index + 1)}
              onClick={() => {
                focusAfter.current = index;
                patch({ templates: templates.filter((_, i) => i !== index) });
              }}
            >
              {t('remove')}
            </button>
          </div>
        ))}
        {templates.flatMap((_, index) =>
          (['name', 'id'] as const).map((part) => {
            const error = fieldError(`templates.${index}.${part}`);
            return error ? (
              <p class="field-error" key={`${part}${index}`} id={`template-${index}-${part}-error`}>
                {error}
              </p>
            ) : null;
          }),
        )}
        <button
          type="button"
          class="add-template"
          onClick={() => {
            focusAfter.current = templates.length;
            patch({ templates: [...templates, { name: '', id: '' }] });
          }}
        >
          {t('addTemplate')}
        </button>
      </fieldset>
      <Field
        id="chat-template"
        label={t('chatTemplate')}
        error={fieldError('chatTemplate')}
        hint={t('chatTemplateHint', '{link}', '{expires}')}
      >
        {(describedBy, invalid) => (
          <textarea
            ref={chatBox}
            id="chat-template"
            rows={3}
            value={draft.chatTemplate}
            onInput={(e) => patch({ chatTemplate: e.currentTarget.value })}
            aria-describedby={[describedBy, 'chat-template-preview'].filter(Boolean).join(' ')}
            aria-invalid={invalid}
          />
        )}
      </Field>
      {/* What {expires} becomes is seen before a customer reads it ("valid until in 24 hours"). */}
      <div class="chat-preview" id="chat-template-preview" data-testid="chat-preview">
        <p class="hint">{t('chatPreview')}</p>
        <p class="as-typed">
          {fillChatMessage(draft.chatTemplate, {
            url: 'https://withpersona.com/verify?code=…',
            // Copied a minute after the link was made, as a reviewer does: "in 24 hours", where
            // the full lifetime would read "tomorrow".
            expiresAt: new Date(
              Date.now() + draft.linkExpiryHours * 3_600_000 - 60_000,
            ).toISOString(),
            createdAt: Date.now(),
          })}
        </p>
      </div>
    </section>
  );
}
