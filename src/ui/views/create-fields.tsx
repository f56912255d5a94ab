import { type MessageKey, t } from '../../shared/i18n.ts';
import type { PrefillKey } from '../../shared/prefill.ts';
import type { NamedTemplate } from '../../shared/settings.ts';
import type { Draft } from '../../shared/storage-items.ts';
import { Field } from '../field.tsx';
import type { CreateErrors } from './create-form-check.ts';
import { SameReferenceNote } from './same-reference.tsx';

interface Props {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  errors: CreateErrors;
  /** A question asked at a field before the form goes (field.tsx). */
  notes?: CreateErrors;
  templates: NamedTemplate[];
  defaultTemplateId: string;
  /** The organisation's policy sets the default template (an empty one, too). */
  defaultHeld?: boolean;
  /**
   * A create is being sent: the same-reference note asks nothing meanwhile, and the fields are
   * read-only. What went is what the form shows: an email corrected while it was out went to
   * Persona as the typo, and the answer then emptied the form (UX review s71b M1).
   */
  sending?: boolean;
}

/** Each prefill field's label: the form's, and the created panel's list of what went. */
export const PREFILL_LABEL: Record<PrefillKey, MessageKey> = {
  nameFirst: 'firstName',
  nameLast: 'lastName',
  emailAddress: 'email',
  phoneNumber: 'phone',
};

type TextKey = Exclude<
  keyof Draft,
  | 'search'
  | 'pendingCreate'
  | 'decisions'
  | 'templateFromDefault'
  | 'homeTab'
  | 'queueOrder'
  | 'lastInquiry'
>;

/** The create form's inputs; every keystroke goes to the draft (storage.session). */
export function CreateFields({
  draft,
  update,
  errors,
  notes = {},
  templates,
  defaultTemplateId,
  defaultHeld,
  sending,
}: Props) {
  const text = (
    key: TextKey,
    id: string,
    label: string,
    type: 'text' | 'email' | 'tel' = 'text',
    hint?: string,
  ) => (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={errors[key as keyof CreateErrors]}
      note={notes[key as keyof CreateErrors]}
    >
      {(describedBy, invalid) => (
        <input
          id={id}
          // Where the form takes the focus after Create, as to a field with an error.
          data-asks={notes[key as keyof CreateErrors] ? '' : undefined}
          // Preact's input types pair each `type` with its allowed roles; all three are textboxes.
          type={type as 'text'}
          spellcheck={false}
          autoComplete="off"
          value={draft[key]}
          readOnly={sending}
          onInput={(event) =>
            update({
              [key]: event.currentTarget.value,
              // Typed: the reviewer's, no longer the default's to change.
              ...(key === 'templateId' ? { templateFromDefault: false } : {}),
            })
          }
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
  const named = templates.find((t) => t.id === draft.templateId.trim());
  // The default template is a chip too when no named one is it: after picking another, the way
  // back is one click, not retyping an id.
  // Alone, and the default already in the field, it would offer nothing: a pressed chip that a
  // click leaves as it is reads as a reset that did not work. It comes once another id is typed.
  const chips =
    defaultTemplateId &&
    !templates.some((t) => t.id === defaultTemplateId) &&
    (templates[0] || draft.templateId.trim() !== defaultTemplateId)
      ? [{ name: t('defaultTemplateChip'), id: defaultTemplateId }, ...templates]
      : templates;
  // The shape's hint is left out beside an error about the id: that says the same rule, in full.
  const templateHint = named
    ? t('templateNamed', named.name)
    : draft.templateId && draft.templateId === defaultTemplateId
      ? t('templateDefault')
      : errors.templateId
        ? undefined
        : // With no default saved, the way to skip this field for every inquiry; not where the
          // policy sets none, and the settings' field is locked.
          defaultTemplateId || defaultHeld
          ? t('templateHint')
          : `${t('templateHint')} ${t('templateSaveDefault')}`;
  return (
    <>
      {text('templateId', 'template-id', t('templateId'), 'text', templateHint)}
      {chips.length > 0 && (
        <ul class="template-choices" aria-label={t('savedTemplates')}>
          {chips.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                class="chip-button"
                aria-pressed={template.id === draft.templateId.trim()}
                aria-disabled={sending}
                onClick={() =>
                  sending ||
                  update({
                    templateId: template.id,
                    templateFromDefault: template.id === defaultTemplateId,
                  })
                }
              >
                {template.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {text('referenceId', 'reference-id', t('referenceId'), 'text', t('referenceHint'))}
      <SameReferenceNote reference={draft.referenceId.trim()} paused={sending} />
      <fieldset class="prefill">
        <legend>{t('prefill')}</legend>
        <div class="two-columns">
          {text('nameFirst', 'name-first', t(PREFILL_LABEL.nameFirst))}
          {text('nameLast', 'name-last', t(PREFILL_LABEL.nameLast))}
        </div>
        {text('emailAddress', 'email-address', t(PREFILL_LABEL.emailAddress), 'email')}
        {text('phoneNumber', 'phone-number', t(PREFILL_LABEL.phoneNumber), 'tel')}
      </fieldset>
    </>
  );
}
