import { t } from '../shared/i18n.ts';
import type { Settings } from '../shared/settings.ts';
import { Field } from '../ui/field.tsx';
import { NumberInput } from './number-input.tsx';
import type { Patch } from './settings-patch.ts';

interface Props {
  draft: Settings;
  patch: Patch;
  fieldError: (name: string) => string | undefined;
  disabled?: boolean;
}

export function AutoLockField({ draft, patch, fieldError, disabled }: Props) {
  return (
    <Field
      setting="autoLockMinutes"
      id="auto-lock-minutes"
      label={t('autoLockAfter')}
      error={fieldError('autoLockMinutes')}
      hint={t('autoLockHint')}
    >
      {(describedBy, invalid) => (
        <NumberInput
          id="auto-lock-minutes"
          min={1}
          max={1440}
          step={1}
          disabled={disabled}
          value={draft.autoLockMinutes}
          onValue={(value) => patch({ autoLockMinutes: value })}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
}
