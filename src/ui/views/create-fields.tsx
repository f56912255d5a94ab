import type { NamedTemplate } from '../../shared/settings.ts';
import type { Draft } from '../../shared/storage-items.ts';
import { Field } from '../field.tsx';
import type { CreateErrors } from './create-form-check.ts';

interface Props {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  errors: CreateErrors;
  templates: NamedTemplate[];
  defaultTemplateId: string;
}

type TextKey = Exclude<keyof Draft, 'search' | 'pendingCreate'>;

/** The create form's inputs; every keystroke goes to the draft (storage.session). */
export function CreateFields({ draft, update, errors, templates, defaultTemplateId }: Props) {
  const text = (
    key: TextKey,
    id: string,
    label: string,
    type: 'text' | 'email' | 'tel' = 'text',
    hint?: string,
  ) => (
    <Field id={id} label={label} hint={hint} error={errors[key as keyof CreateErrors]}>
      {(describedBy, invalid) => (
        <input
          id={id}
          // Preact's input types pair each `type` with its allowed roles; all three are textboxes.
          type={type as 'text'}
          spellcheck={false}
          autoComplete="off"
          value={draft[key]}
          onInput={(event) => update({ [key]: event.currentTarget.value })}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
  const named = templates.find((t) => t.id === draft.templateId.trim());
  const templateHint = named
    ? `Template “${named.name}”.`
    : draft.templateId && draft.templateId === defaultTemplateId
      ? 'Your default template.'
      : 'itmpl_ followed by letters and digits.';
  return (
    <>
      {text('templateId', 'template-id', 'Inquiry template ID', 'text', templateHint)}
      {templates.length > 0 && (
        <ul class="template-choices" aria-label="Saved templates">
          {templates.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                class="chip-button"
                aria-pressed={template.id === draft.templateId.trim()}
                onClick={() => update({ templateId: template.id })}
              >
                {template.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {text(
        'referenceId',
        'reference-id',
        'Reference ID',
        'text',
        'Your ID for this person (customer or ticket number); find the inquiry by it later.',
      )}
      <fieldset class="prefill">
        <legend>Prefill (optional)</legend>
        <div class="two-columns">
          {text('nameFirst', 'name-first', 'First name')}
          {text('nameLast', 'name-last', 'Last name')}
        </div>
        {text('emailAddress', 'email-address', 'Email', 'email')}
        {text('phoneNumber', 'phone-number', 'Phone', 'tel')}
      </fieldset>
    </>
  );
}
