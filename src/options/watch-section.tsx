import { useContext } from 'preact/hooks';
import { MIN_POLL_SECONDS, type Settings } from '../shared/settings.ts';
import { Field } from '../ui/field.tsx';
import { ManagedContext } from '../ui/use-policy.ts';
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
      <h2 id="watch-heading">Watching</h2>
      <Field
        setting="pollSeconds"
        id="poll-seconds"
        label="Poll interval (seconds)"
        error={fieldError('pollSeconds')}
        hint={`How often watched inquiries are checked; at least ${MIN_POLL_SECONDS} s. Persona’s rate limit is shared with your own backend.`}
      >
        {(describedBy, invalid) => (
          <input
            id="poll-seconds"
            type="number"
            min={MIN_POLL_SECONDS}
            step={1}
            value={draft.pollSeconds}
            onInput={(e) => patch({ pollSeconds: Number(e.currentTarget.value) })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field
        id="forget-hours"
        label="Forget decided inquiries after (hours)"
        error={fieldError('forgetDecidedAfterHours')}
      >
        {(describedBy, invalid) => (
          <input
            id="forget-hours"
            type="number"
            min={1}
            step={1}
            value={draft.forgetDecidedAfterHours}
            onInput={(e) => patch({ forgetDecidedAfterHours: Number(e.currentTarget.value) })}
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
        Notify me when a watched inquiry changes
        {managed.has('notifications') && <span class="muted"> (set by your organisation)</span>}
      </label>
    </section>
  );
}
