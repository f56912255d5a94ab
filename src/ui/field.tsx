import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { ManagedContext } from './use-policy.ts';

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  /**
   * Something to settle before the form goes, not a mistake: said with the field, as an error is,
   * but in the warning's colour and without `aria-invalid` (an optional field left empty on
   * purpose is not invalid).
   */
  note?: string | undefined;
  /** The setting this field edits: disabled, and said so, when the organisation sets it. */
  setting?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A labelled control with its hint, error and note wired to aria-describedby. */
export function Field({ id, label, hint, error, note, setting, children }: FieldProps) {
  const managedSettings = useContext(ManagedContext);
  const managed = setting !== undefined && managedSettings.has(setting);
  const ids = [hint && `${id}-hint`, error && `${id}-error`, note && `${id}-note`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {managed ? (
        <fieldset class="managed" disabled>
          {children(ids || undefined, Boolean(error))}
          <p class="hint managed-note">{t('managedNote')}</p>
        </fieldset>
      ) : (
        children(ids || undefined, Boolean(error))
      )}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {note && (
        <p class="field-note" id={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}
