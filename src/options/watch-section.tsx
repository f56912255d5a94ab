import { useContext } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { MAX_POLL_SECONDS, MIN_POLL_SECONDS, type Settings } from '../shared/settings.ts';
import { Field } from '../ui/field.tsx';
import { ManagedContext } from '../ui/use-policy.ts';
import { NumberInput } from './number-input.tsx';
import type { Patch } from './settings-patch.ts';

interface Props {
  draft: Settings;
  patch: Patch;
  fieldError: (name: string) => string | undefined;
}

export function WatchSection({ draft, patch, fieldError }: Props) {
  const managed = useContext(ManagedContext);
  return (
    <section aria-labelledby="watch-heading">
      <h2 id="watch-heading">{t('watching')}</h2>
      <Field
        setting="pollSeconds"
        id="poll-seconds"
        label={t('pollInterval')}
        error={fieldError('pollSeconds')}
        hint={t('pollHint', MIN_POLL_SECONDS)}
      >
        {(describedBy, invalid) => (
          <NumberInput
            id="poll-seconds"
            min={MIN_POLL_SECONDS}
            max={MAX_POLL_SECONDS}
            step={1}
            value={draft.pollSeconds}
            onValue={(value) => patch({ pollSeconds: value })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field
        id="forget-hours"
        label={t('forgetAfter')}
        error={fieldError('forgetDecidedAfterHours')}
      >
        {(describedBy, invalid) => (
          <NumberInput
            id="forget-hours"
            min={1}
            step={1}
            value={draft.forgetDecidedAfterHours}
            onValue={(value) => patch({ forgetDecidedAfterHours: value })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <label class="check">
        <input
          type="checkbox"
          disabled={managed.has('notifications')}
          checked={draft.notifications}
          onChange={(e) => patch({ notifications: e.currentTarget.checked })}
        />
        {t('notifyOnChange')}
        {managed.has('notifications') && <span class="muted"> {t('setByOrganisation')}</span>}
      </label>
      {/* Off by default: what a notification says, the system may keep, and a reference ID can
          be an email address. Said beside the switch, for the reviewer who turns it on. */}
      <label class="check">
        <input
          type="checkbox"
          disabled={!draft.notifications || managed.has('notifyReference')}
          checked={draft.notifyReference}
          aria-describedby="notify-reference-hint"
          onChange={(e) => patch({ notifyReference: e.currentTarget.checked })}
        />
        {t('notifyReference')}
        {managed.has('notifyReference') && <span class="muted"> {t('setByOrganisation')}</span>}
      </label>
      <p class="section-note" id="notify-reference-hint">
        {t('notifyReferenceHint')}
      </p>
    </section>
  );
}
