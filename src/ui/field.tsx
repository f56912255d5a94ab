import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { ManagedContext } from './use-policy.ts';

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** The setting this field edits: disabled, and said so, when the organisation sets it. */
  setting?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A labelled control with its hint and error wired to aria-describedby. */
export function Field({ id, label, hint, error, setting, children }: FieldProps) {
  const managedSettings = useContext(ManagedContext);
  const managed = setting !== undefined && managedSettings.has(setting);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
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
    </div>
  );
}
