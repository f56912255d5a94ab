import { useEffect, useRef, useState } from 'preact/hooks';
import { DeskError, type ErrorInfo, toErrorInfo } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';
import type { ConnectionReport } from '../shared/messages.ts';
import { DEFAULT_BASE_URL, isLoopbackBaseUrl } from '../shared/persona/api-origin.ts';
import { applyPolicy, managedSettings, ownSettings } from '../shared/policy.ts';
import { sendRequest } from '../shared/send-request.ts';
import type { Settings } from '../shared/settings.ts';
import { readItem } from '../shared/storage.ts';
import { keyInfoItem, settingsItem, settingsUnderPolicyItem } from '../shared/storage-items.ts';
import { validateSettings } from '../shared/validate-settings.ts';
import { BackgroundStatus } from '../ui/background-status.tsx';
import { EnvironmentBadge, ProductionWarning } from '../ui/environment-badge.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useActivityTouch } from '../ui/use-activity-touch.ts';
import { useLock } from '../ui/use-lock.ts';
import { ManagedContext, usePolicy } from '../ui/use-policy.ts';
import { useRequest } from '../ui/use-request.ts';
import { useStored } from '../ui/use-stored.ts';
import { notePermissions } from '../ui/write-refusal.ts';
import { AutoLockField } from './auto-lock-field.tsx';
import { ConnectionReportView } from './connection-report.tsx';
import { ConnectionSection } from './connection-section.tsx';
import { goToField } from './go-to-field.ts';
import { InquiriesSection } from './inquiries-section.tsx';
import { type Patch, savedElsewhere, unsavedChanges } from './settings-patch.ts';
import { checkRanges, withSandboxApiPath } from './settings-ranges.ts';
import { typedKey } from './typed-key.ts';
import { useBarRoom } from './use-bar-room.ts';
import { useLeavePrompt } from './use-leave-prompt.ts';
import { WatchSection } from './watch-section.tsx';
import { WaysIn } from './ways-in.tsx';

/** A field the page's own checks found wrong: where, and what to do. */
interface Problem {
  pointer: string;
  message: string;
}

/** What trying a typed key before saving it gave: where it connects, or why it could not tell. */
type KeyTried = { report: ConnectionReport } | { error: ErrorInfo };

/** Where Persona listed the key's permissions (best effort), what they say of its writes. */
function notePermissionsOf(masked: string, report: ConnectionReport) {
  if (report.permissionsRead && report.permissions)
    void notePermissions(masked, report.permissions);
}

/** What the last Save or Test connection gave. */
type Done =
  | { what: 'save'; tried?: KeyTried }
  | {
      what: 'test';
      report: ConnectionReport;
      /** What was tested: the typed key ('' for the saved one) and the base URL. */
      key: string;
      baseUrl: string;
    };

export function OptionsApp() {
  const policy = usePolicy();
  // Work on this page is use too, for the auto-lock.
  useActivityTouch();
  const stored = useStored(settingsItem);
  // The reviewer's own values of the fields the organisation sets: the draft holds those, not the
  // organisation's (shown instead while it sets them), so a policy lifted while this page is open
  // does not have its values saved as the reviewer's.
  const underPolicy = useStored(settingsUnderPolicyItem);
  const keyInfo = useStored(keyInfoItem);
  const lock = useLock();
  // The stored settings as this tab last saw them (the reviewer's own, as above), and the fields
  // typed here over them: a field not edited here follows what another tab saves; an edited one
  // keeps what was typed. A Save writes the edits alone (unsavedChanges).
  const [base, setBase] = useState<Settings | undefined>(undefined);
  const [edits, setEdits] = useState<Partial<Settings>>({});
  const draft = base && { ...base, ...edits };
  // Another tab saved, since this one opened, what this one shows or would write over.
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [key, setKey] = useState('');
  const [what, setWhat] = useState<Done['what']>('save');
  // A Save with a typed key tries it first (tryKey): said while it does, since it may take seconds.
  const [trying, setTrying] = useState(false);
  // Every field the last Save found wrong, each said at its field at once (not one per Save).
  const [problems, setProblems] = useState<Problem[]>([]);
  // Whether the last Save or Test had a typed key: what it said about that key goes with it.
  const keyTyped = useRef(false);
  // The address the last Save or Test asked, for an answer that names it (below).
  const asked = useRef('');
  const action = useRequest(
    async (shown: Settings, typedHere: Partial<Settings>, what: Done['what']): Promise<Done> => {
      const typed = typedKey(key);
      keyTyped.current = typed !== '';
      // A Save lays this tab's edits over the settings stored at this moment, not as the tab read
      // them: what another tab saved since, in a field not edited here, stays.
      const [storedNow, underNow] =
        what === 'save'
          ? await Promise.all([readItem(settingsItem), readItem(settingsUnderPolicyItem)])
          : [];
      const current = storedNow && ownSettings(storedNow, underNow ?? null);
      const settings = current ? { ...current, ...unsavedChanges(typedHere, current) } : shown;
      // An empty field means the default address, which is the one asked.
      asked.current = settings.baseUrl.trim() || DEFAULT_BASE_URL;
      if (what === 'test') {
        setProblems([]);
        const report = await sendRequest({
          type: 'testConnection',
          baseUrl: settings.baseUrl,
          allowProduction: applyPolicy(settings, policy).allowProduction,
          ...(typed ? { key: typed } : {}),
        });
        // The saved key's own permissions: the desk's pages say, at the create form and the
        // decisions, when they lack `inquiry.write` (read-only-key-note.tsx).
        // Not of another address than the saved one's, which the desk does not ask.
        if (!typed && keyInfo && settings.baseUrl === stored?.baseUrl) {
          notePermissionsOf(keyInfo.masked, report);
        }
        return { what, report, key: typed, baseUrl: settings.baseUrl };
      }
      // Checked here first, so a value out of range is said at its field (the background would
      // refuse it too, but only as a malformed request), and every wrong field at once.
      const found: Problem[] = [];
      const report = (pointer: string, message: string) => {
        found.push({ pointer, message });
      };
      const checked = withSandboxApiPath(applyPolicy(settings, policy));
      checkRanges(checked, report);
      const valid = validateSettings(checked, report);
      setProblems(found);
      if (found[0]) throw new DeskError({ kind: 'invalid', ...found[0] });
      let tried: KeyTried | undefined;
      // Locked, the background refuses the save: the typed key is not sent to Persona to be tried
      // first (a refusal there would be said instead of the lock).
      if (typed && lock !== 'locked') {
        setTrying(true);
        try {
          tried = await tryKey(typed, valid);
        } finally {
          setTrying(false);
        }
      }
      const saved = await sendRequest({
        type: 'saveOptions',
        settings: valid,
        ...(typed ? { key: typed } : {}),
      });
      setBase(ownSettings(saved.settings, underNow ?? null));
      // What was typed while the Save was on its way stays; the rest now follows storage.
      setEdits((now) => unsavedChanges(now, settings));
      setChangedElsewhere(false);
      if (tried && 'report' in tried && saved.keyInfo) {
        notePermissionsOf(saved.keyInfo.masked, tried.report);
      }
      // The typed key is dropped from the page as soon as the background holds it.
      setKey('');
      return tried ? { what, tried } : { what };
    },
    { tryOf: (_shown, _edits, what) => what },
  );

  useEffect(() => {
    if (!stored || underPolicy === undefined) return;
    const next = ownSettings(stored, underPolicy);
    // This tab's own Save writes too: not news. What the policy sets changes with the policy.
    if (base && !action.busy && savedElsewhere(base, next, edits, managedSettings(policy))) {
      setChangedElsewhere(true);
    }
    setBase(next);
  }, [stored, underPolicy]);
  // Unsaved: a field differs from what is stored, or a key is typed and not saved.
  const unsaved =
    base !== undefined &&
    (Object.keys(unsavedChanges(edits, base)).length > 0 || typedKey(key) !== '');
  useLeavePrompt(unsaved);
  // "The desk is locked", said by a Save, is over once the desk is unlocked (below, or in the
  // popup): the typed settings wait in the form for the next Save.
  useEffect(() => {
    if (lock === 'unlocked' && action.error?.message === t('deskLocked')) action.clearError();
  }, [lock]);
  // A key removed or replaced ends what was said about the one before ("remove it first").
  useEffect(() => {
    if (action.error) action.clearError();
  }, [keyInfo === null ? null : keyInfo?.masked]);

  // The key field emptied ("keep the saved key", as its hint says): what was said about the key
  // typed there no longer applies. Not what was said about the saved key, which stays in use.
  useEffect(() => {
    const said = action.error;
    if (key === '' && keyTyped.current && said && (said.pointer === 'key' || isRefusedKey(said))) {
      action.clearError();
    }
    // Also one that arrives after the field was emptied, from a Save or Test under way then.
  }, [key === '', action.error]);

  // Ticking "Allow production keys" answers what was said about a production key: the message
  // asking for it goes (other problems stay till the next Save says them again).
  useEffect(() => {
    const asked = action.error;
    if (!draft?.allowProduction || asked?.kind !== 'invalid') return;
    // The background's refusal of a typed production key has no code of its own: its words do.
    if (asked.pointer === 'allowProduction' || asked.message === t('productionKeyRefused')) {
      action.clearError();
    }
  }, [draft?.allowProduction]);

  // A problem a field marks is said there, and the focus goes to it (its message is read out with
  // it); the box below the buttons is for the ones no field marks (Persona unreachable, say).
  const form = useRef<HTMLFormElement>(null);
  // Known once the error has been drawn (a field marks it or none does): until then the box is
  // not drawn either, or a problem said at its field was in the box too for a render, and its
  // alert said twice.
  const [marked, setMarked] = useState<{ error: ErrorInfo | undefined; atField: boolean }>();
  useEffect(() => {
    const field = action.error && form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    setMarked({ error: action.error, atField: Boolean(field) });
    field?.focus();
  }, [action.error]);
  const markedAtField = !marked || marked.error !== action.error || marked.atField;

  // Save and Test connection stay in view as the settings scroll (options.css), so a reviewer may
  // press them mid-page: what they found is brought into view, below the settings' end. Not a
  // problem a field marks, which has the focus there.
  const outcomeBox = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  useBarRoom(bar, draft !== undefined);
  useEffect(() => {
    const atField = form.current?.querySelector('[aria-invalid="true"]');
    if (!action.busy && (action.data || action.error) && !atField) {
      outcomeBox.current?.scrollIntoView({ block: 'nearest' });
    }
    // Again once an error no field marks is drawn in the box, a render after the rest (above).
  }, [action.busy, markedAtField]);

  if (!draft) return <p class="page muted">{t('loadingSettings')}</p>;

  // What the organisation sets is shown as it sets it, whatever the draft held.
  const patch: Patch = (change) => setEdits((now) => ({ ...now, ...change }));
  const shown = applyPolicy(draft, policy);
  const { busy } = action;
  // Persona refused the key: said at the key's field, since this page is where it is changed
  // (elsewhere the message sends the reviewer here).
  const error =
    action.error && isRefusedKey(action.error)
      ? {
          ...action.error,
          pointer: 'key',
          message: [
            t('errUnauthorizedHere'),
            // Tried before saving: the key saved before, and what the session holds, stay.
            ...(what === 'save' ? [t('keyRefusedNothingSaved')] : []),
            ...(action.error.requestId ? [t('requestId'), action.error.requestId] : []),
          ].join(' '),
        }
      : unreachable(action.error, asked.current);
  const result = busy || error ? undefined : action.data;
  // A test's report speaks for the key and base URL it tried: once either is changed in the
  // form, it would vouch for what is no longer there, so it goes.
  const done =
    result?.what === 'test' && (result.key !== typedKey(key) || result.baseUrl !== draft.baseUrl)
      ? undefined
      : result;
  const fieldError = (name: string) =>
    error?.pointer === name
      ? error.message
      : error?.kind === 'invalid'
        ? problems.find((problem) => problem.pointer === name)?.message
        : undefined;
  const run = (next: Done['what']) => {
    setWhat(next);
    void action.run(draft, edits, next);
  };
  const save = (event: Event) => {
    event.preventDefault();
    run('save');
  };

  return (
    <ManagedContext.Provider value={managedSettings(policy)}>
      <form class="page options" ref={form} onSubmit={save} noValidate>
        <header class="options-head">
          <h1>{t('settingsHeading')}</h1>
          <EnvironmentBadge keyInfo={keyInfo} />
        </header>
        <ProductionWarning keyInfo={keyInfo} />
        {/* Locked, every field still takes input, and Save is refused: said where it is seen
            first, with the way to the unlock form further down. */}
        {lock === 'locked' && (
          <div class="banner is-warn" role="status" data-testid="options-locked">
            <p class="banner-text">{t('optionsLocked')}</p>
            <button type="button" class="link" onClick={() => goToField('unlock-passphrase')}>
              {t('goToUnlock')}
            </button>
          </div>
        )}
        <ConnectionSection
          draft={shown}
          patch={patch}
          keyInfo={keyInfo}
          typedKey={key}
          setTypedKey={setKey}
          fieldError={fieldError}
          passphraseFirst={policy.requirePassphrase === true && lock === 'none'}
        />
        <WaysIn addressBar={shown.addressBarLookup} contextMenu={shown.contextMenuLookup} />
        <InquiriesSection draft={shown} patch={patch} fieldError={fieldError} />
        <WatchSection draft={shown} patch={patch} fieldError={fieldError} />
        <section aria-labelledby="auto-lock-heading">
          <h2 id="auto-lock-heading">{t('autoLockHeading')}</h2>
          <AutoLockField draft={shown} patch={patch} fieldError={fieldError} />
        </section>
        <div class="actions-bar" ref={bar}>
          <button type="submit" class="primary" disabled={busy}>
            {t('save')}
          </button>
          <button type="button" onClick={() => run('test')} disabled={busy}>
            {t('testConnection')}
          </button>
          {/* Said once as the form first differs from what is stored, not at each keystroke:
              the words stay the same while the reviewer types. */}
          <span class="muted" aria-live="polite" data-testid="save-status">
            {busy
              ? t(trying ? 'checkingKey' : what === 'save' ? 'saving' : 'testing')
              : unsaved
                ? t('unsavedChanges')
                : ''}
          </span>
        </div>
        <div aria-live="polite" data-testid="options-outcome" ref={outcomeBox}>
          {changedElsewhere && (
            <p class="muted" data-testid="saved-elsewhere">
              {t('settingsSavedElsewhere')}
            </p>
          )}
          {done?.what === 'save' && (
            <div class="banner is-ok" role="status">
              {t('settingsSaved')}
            </div>
          )}
          {done?.what === 'save' && done.tried && (
            <KeyCheck tried={done.tried} asked={asked.current} />
          )}
          {done?.what === 'test' && (
            // A typed key is tested as typed: said so, since nothing uses it until it is saved.
            <ConnectionReportView report={done.report} unsaved={done.key !== ''} />
          )}
          {error && !markedAtField && <ErrorMessage error={error} />}
        </div>
        <BackgroundStatus />
      </form>
    </ManagedContext.Provider>
  );
}

/**
 * Nothing answered the address a Save or Test asked: named here, where it is typed, since the
 * message the desk's pages give ("check the internet connection") sent a reviewer with a wrong
 * address to check a connection that worked. The local sandbox's message names it already.
 */
function unreachable(error: ErrorInfo | undefined, baseUrl: string): ErrorInfo | undefined {
  const kind = error?.kind;
  if ((kind !== 'network' && kind !== 'timeout') || isLoopbackBaseUrl(baseUrl)) return error;
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return error;
  }
  // No answer in time (a Save's try of a key waits 3 s): the same address, before its words.
  const message =
    kind === 'network' ? t('errNetworkAt', origin) : `${t('askedAt', origin)} ${error?.message}`;
  return { ...(error as ErrorInfo), message };
}

/** What trying the key just saved gave: where it connects, or why Persona refused it. */
function isRefusedKey(error: ErrorInfo | undefined): boolean {
  return error?.kind === 'unauthorized' && error.status === 401;
}

/**
 * How long a Save waits on the try of a typed key. Persona refuses a wrong key at once; when it is
 * unreachable, the try's retries would hold the Save for many seconds.
 */
const KEY_TRY_MS = 3_000;

/**
 * A typed key is tried before it is saved (one request, as Test connection makes): a key Persona
 * refuses, mistyped or revoked, is not saved over the one in use, which would also end the
 * session's drafts and copies, and a production key while they are off is refused as the save
 * would refuse it. Any other answer (Persona unreachable, slow, rate-limited), or none within
 * {@link KEY_TRY_MS}, cannot tell: the key is saved, and what the try gave is said beside
 * "Settings saved."
 */
async function tryKey(key: string, settings: Settings): Promise<KeyTried> {
  const answer = sendRequest({
    type: 'testConnection',
    key,
    baseUrl: settings.baseUrl,
    allowProduction: settings.allowProduction,
  }).then(
    (report): KeyTried | { refused: unknown } => ({ report }),
    (failure: unknown) => {
      const error = toErrorInfo(failure);
      return isRefusedKey(error) || error.kind === 'invalid' ? { refused: failure } : { error };
    },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<KeyTried>((resolve) => {
    timer = setTimeout(
      () => resolve({ error: { kind: 'timeout', message: t('keyNotTriedInTime') } }),
      KEY_TRY_MS,
    );
  });
  const tried = await Promise.race([answer, late]);
  clearTimeout(timer);
  if ('refused' in tried) throw tried.refused;
  return tried;
}

/** What trying the key just saved gave: where it connects, or why it could not tell. */
function KeyCheck({ tried, asked }: { tried: KeyTried; asked: string }) {
  return 'report' in tried ? (
    <ConnectionReportView report={tried.report} />
  ) : (
    <ErrorMessage error={unreachable(tried.error, asked) ?? tried.error} />
  );
}
