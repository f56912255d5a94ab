import { useContext } from 'preact/hooks';
import { MAX_LINK_EXPIRY_HOURS, type Settings, TEMPLATE_ID_HINT } from '../shared/settings.ts';
import { Field } from '../ui/field.tsx';
import { ManagedContext } from '../ui/use-policy.ts';
import type { Patch } from './settings-patch.ts';

interface Props {
  draft: Settings;
  patch: Patch;
  fieldError: (name: string) => string | undefined;
}

export function InquiriesSection({ draft, patch, fieldError }: Props) {
  const managed = useContext(ManagedContext);
  const templates = draft.templates;
  const setTemplate = (index: number, change: Partial<Settings['templates'][number]>) =>
    patch({ templates: templates.map((t, i) => (i === index ? { ...t, ...change } : t)) });

  return (
    <section aria-labelledby="inquiries-heading">
      <h2 id="inquiries-heading">Inquiries</h2>
      <Field
        setting="defaultTemplateId"
        id="default-template"
        label="Default inquiry template ID"
        error={fieldError('defaultTemplateId')}
        hint={`${TEMPLATE_ID_HINT} Sandbox keys cannot list templates, so paste the ID.`}
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
        label="One-time link lifetime (hours)"
        error={fieldError('linkExpiryHours')}
        hint="How long a new one-time link works (Persona’s default is 24 hours). The inquiry’s own expiry still ends it earlier."
      >
        {(describedBy, invalid) => (
          <input
            id="link-expiry"
            type="number"
            min={1}
            max={MAX_LINK_EXPIRY_HOURS}
            step={1}
            value={draft.linkExpiryHours}
            onInput={(e) => patch({ linkExpiryHours: Number(e.currentTarget.value) })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <fieldset class="templates" disabled={managed.has('templates')}>
        <legend>
          Named templates
          {managed.has('templates') && <span class="muted"> (set by your organisation)</span>}
        </legend>
        {templates.length === 0 && <p class="muted">None yet. Add the templates you use often.</p>}
        {templates.map((template, index) => (
          <div class="row template-row" key={index}>
            <input
              type="text"
              aria-label={`Template ${index + 1} name`}
              placeholder="Name, e.g. KYC basic"
              value={template.name}
              onInput={(e) => setTemplate(index, { name: e.currentTarget.value })}
            />
            <input
              type="text"
              aria-label={`Template ${index + 1} ID`}
              spellcheck={false}
              placeholder="itmpl_…"
              value={template.id}
              onInput={(e) => setTemplate(index, { id: e.currentTarget.value.trim() })}
              aria-invalid={Boolean(fieldError(`templates.${index}.id`))}
            />
            <button
              type="button"
              aria-label={`Remove template ${index + 1}`}
              onClick={() => patch({ templates: templates.filter((_, i) => i !== index) })}
            >
              Remove
            </button>
          </div>
        ))}
        {templates.map((_, index) => {
          const error =
            fieldError(`templates.${index}.id`) ?? fieldError(`templates.${index}.name`);
          return error ? (
            <p class="field-error" key={`e${index}`}>
              {error}
            </p>
          ) : null;
        })}
        <button
          type="button"
          onClick={() => patch({ templates: [...templates, { name: '', id: '' }] })}
        >
          Add template
        </button>
      </fieldset>
      <Field
        id="chat-template"
        label="Chat message template"
        error={fieldError('chatTemplate')}
        hint={
          <>
            “Copy message” fills in <code>{'{link}'}</code> and <code>{'{expires}'}</code>.
          </>
        }
      >
        {(describedBy, invalid) => (
          <textarea
            id="chat-template"
            rows={3}
            value={draft.chatTemplate}
            onInput={(e) => patch({ chatTemplate: e.currentTarget.value })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
    </section>
  );
}
