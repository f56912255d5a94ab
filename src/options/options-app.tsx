import { useEffect, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../shared/errors.ts';
import type { ConnectionReport } from '../shared/messages.ts';
import { applyPolicy, managedSettings } from '../shared/policy.ts';
import { sendRequest } from '../shared/send-request.ts';
import { linkExpiryProblem, type Settings } from '../shared/settings.ts';
import { keyInfoItem, settingsItem } from '../shared/storage-items.ts';
import { BackgroundStatus } from '../ui/background-status.tsx';
import { EnvironmentBadge, ProductionWarning } from '../ui/environment-badge.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { ManagedContext, usePolicy } from '../ui/use-policy.ts';
import { useStored } from '../ui/use-stored.ts';
import { AutoLockField } from './auto-lock-field.tsx';
import { ConnectionReportView } from './connection-report.tsx';
import { ConnectionSection } from './connection-section.tsx';
import { InquiriesSection } from './inquiries-section.tsx';
import type { Patch } from './settings-patch.ts';
import { WatchSection } from './watch-section.tsx';

type Outcome =
  | { state: 'idle' }
  | { state: 'busy'; what: 'save' | 'test' }
  | { state: 'saved' }
  | { state: 'tested'; report: ConnectionReport }
  | { state: 'failed'; what: 'save' | 'test'; error: ErrorInfo };

export function OptionsApp() {
  const policy = usePolicy();
  const stored = useStored(settingsItem);
  const keyInfo = useStored(keyInfoItem);
  const [draft, setDraft] = useState<Settings | undefined>(undefined);
  const [key, setKey] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  useEffect(() => {
    if (stored && !draft) setDraft(stored);
  }, [stored, draft]);

  if (!draft) return <p class="page muted">Loading settings…</p>;

  // What the organisation sets is shown as it sets it, whatever the draft held.
  const patch: Patch = (change) => setDraft({ ...draft, ...change });
  const shown = applyPolicy(draft, policy);
  const fieldError = (name: string) =>
    outcome.state === 'failed' && outcome.error.pointer === name
      ? outcome.error.message
      : undefined;

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    // Out of the settings schema's range: say so at the field instead of a malformed request.
    const expiry = linkExpiryProblem(draft.linkExpiryHours);
    if (expiry) {
      const error: ErrorInfo = { kind: 'invalid', message: expiry, pointer: 'linkExpiryHours' };
      setOutcome({ state: 'failed', what: 'save', error });
      return;
    }
    setOutcome({ state: 'busy', what: 'save' });
    try {
      const typed = key.trim();
      const saved = await sendRequest({
        type: 'saveOptions',
        settings: draft,
        ...(typed ? { key: typed } : {}),
      });
      setDraft(saved.settings);
      // The typed key is dropped from the page as soon as the background holds it.
      setKey('');
      setOutcome({ state: 'saved' });
    } catch (error) {
      setOutcome({ state: 'failed', what: 'save', error: toErrorInfo(error) });
    }
  }

  async function test() {
    if (!draft) return;
    setOutcome({ state: 'busy', what: 'test' });
    try {
      const typed = key.trim();
      const report = await sendRequest({
        type: 'testConnection',
        baseUrl: draft.baseUrl,
        ...(typed ? { key: typed } : {}),
      });
      setOutcome({ state: 'tested', report });
    } catch (error) {
      setOutcome({ state: 'failed', what: 'test', error: toErrorInfo(error) });
    }
  }

  const busy = outcome.state === 'busy';
  return (
    <ManagedContext.Provider value={managedSettings(policy)}>
      <form class="page options" onSubmit={save} noValidate>
        <header class="options-head">
          <h1>Inquiry Desk settings</h1>
          <EnvironmentBadge keyInfo={keyInfo} />
        </header>
        <ProductionWarning keyInfo={keyInfo} />
        <ConnectionSection
          draft={shown}
          patch={patch}
          keyInfo={keyInfo}
          typedKey={key}
          setTypedKey={setKey}
          fieldError={fieldError}
        />
        <InquiriesSection draft={shown} patch={patch} fieldError={fieldError} />
        <WatchSection draft={shown} patch={patch} fieldError={fieldError} />
        <AutoLockField draft={shown} patch={patch} fieldError={fieldError} />
        <div class="actions-bar">
          <button type="submit" class="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={test} disabled={busy}>
            Test connection
          </button>
          <span class="muted" aria-live="polite">
            {busy ? (outcome.what === 'save' ? 'Saving…' : 'Testing…') : ''}
          </span>
        </div>
        <div aria-live="polite" data-testid="options-outcome">
          {outcome.state === 'saved' && (
            <div class="banner is-ok" role="status">
              Settings saved.
            </div>
          )}
          {outcome.state === 'tested' && <ConnectionReportView report={outcome.report} />}
          {outcome.state === 'failed' && <ErrorMessage error={outcome.error} />}
        </div>
        <BackgroundStatus />
      </form>
    </ManagedContext.Provider>
  );
}
