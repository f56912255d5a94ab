import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { RESUME_WITHIN_MS } from '../../shared/create-resume.ts';
import { type ErrorInfo, type ErrorKind, toErrorInfo } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import { formatDateTime } from '../../shared/format-date-time.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import type { Reply, RequestOf } from '../../shared/messages.ts';
import { perPrefillField } from '../../shared/per-prefill-field.ts';
import { type PrefillKey, prefillKeys } from '../../shared/prefill.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { type Draft, keyInfoItem, settingsItem } from '../../shared/storage-items.ts';
import { goesBack } from '../back-key.ts';
import { checkAfterAnswer } from '../check-after-answer.ts';
import { NoKeyNotice } from '../components/no-key-notice.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import {
  READ_ONLY_NOTE,
  ReadOnlyKeyNote,
  refusalBeside,
  useWriteRefusal,
} from '../components/read-only-key-note.tsx';
import { useDraft } from '../components/use-draft.ts';
import { WaitLabel } from '../components/wait-label.tsx';
import { useKeptInPlace } from '../use-kept-in-place.ts';
import { useReadPolicy } from '../use-policy.ts';
import { useRequest } from '../use-request.ts';
import { useResetWait } from '../use-reset-wait.ts';
import { useStored } from '../use-stored.ts';
import { noteWriteAnswer } from '../write-refusal.ts';
import { CreateFields } from './create-fields.tsx';
import {
  buildCreateRequest,
  type CreateErrors,
  checkCreateForm,
  clearedForm,
  formOf,
} from './create-form-check.ts';
import { CreatedPanel } from './created-panel.tsx';
import { useNavigation } from './router.ts';
import './views.css';

/**
 * Failures where no answer came back, so Persona may or may not have stored one for the key: only
 * then is the key kept for the next click. Any answer (a 5xx included) is stored by Persona and
 * would be replayed for 24 hours (https://docs.withpersona.com/idempotence).
 */
const NO_ANSWER: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'network',
  'timeout',
  'disconnected',
]);

/**
 * One create, asked again once with the same key when the background was stopped mid-request: the
 * restarted worker finishes the pending create, and this request joins it or gets its replay.
 */
async function sendCreate(request: RequestOf<'createInquiry'>, onRetry: () => void) {
  try {
    return await sendRequest(request);
  } catch (error) {
    if (toErrorInfo(error).kind !== 'disconnected') throw error;
    onRetry();
    return sendRequest(request);
  }
}

/** "New inquiry": the form, kept as a draft while typed; then the new inquiry and its link. */
export function CreateView() {
  const [draft, updateDraft] = useDraft();
  const settings = useStored(settingsItem);
  // Whether the organisation sets the default template: then the settings have no field to save
  // one. Until the policy is read, taken as set: the way to the setting is said once it is known
  // to be open, not said and then taken back.
  const policy = useReadPolicy();
  const defaultHeld = !policy || policy.defaultTemplateId !== undefined;
  const keyInfo = useStored(keyInfoItem);
  const knownRefusal = useWriteRefusal();
  const [errors, setErrors] = useState<CreateErrors>({});
  // Create pressed with no reference ID: said once at the field, and the next Create makes the
  // inquiry without one. Persona takes an inquiry without it, but the desk then has nothing to find
  // it by later, nor to look for it by after a server error (errServerCreateBlind). Typing one
  // makes it go; clearing it again does not ask again.
  // When it was asked: a second Enter a moment later answered it before it could be read, and
  // made an inquiry with no reference (UX review s71b L1). The answer counts from a second on.
  const [bareAskedAt, setBareAskedAt] = useState<number>();
  const bareAsked = bareAskedAt !== undefined;
  // The reference ID the prefill was last typed under: a draft left for one customer kept their
  // name and email, and a reference replaced for the next customer sent those with it (UX review
  // s71b M4). Create asks once when it differs; typing in the prefill, or clearing it, answers.
  // A form opened on a kept draft takes the draft's reference as the prefill's.
  const [prefillFor, setPrefillFor] = useState<string>();
  const [prefillAskedAt, setPrefillAskedAt] = useState<number>();
  const [asking, setAsking] = useState<MessageKey>('creating');
  // Set synchronously: two submits in one task both see it, unlike `busy`, which waits a render.
  const submitting = useRef(false);
  const [created, setCreated] = useState<Reply<'createInquiry'> | undefined>(undefined);
  // The prefill fields it went with, which the created panel names.
  const [prefilled, setPrefilled] = useState<PrefillKey[]>([]);
  const form = useRef<HTMLFormElement>(null);
  // Found problems take the focus to the first field they mark, where its message is read out
  // with it (aria-describedby): from the Create button, a keyboard or screen-reader user would
  // otherwise not learn that nothing was sent.
  const focusProblem = useRef(false);
  useEffect(() => {
    if (!focusProblem.current) return;
    focusProblem.current = false;
    // An error stops the form before the question does: the field with one goes first.
    const problem = (selector: string) => form.current?.querySelector<HTMLElement>(selector);
    (problem('[aria-invalid="true"]') ?? problem('[data-asks]'))?.focus();
  }, [errors]);
  const keySaved = keyInfo === undefined ? undefined : (keyInfo?.savedAt ?? 0);
  // This form was sent with a key saved over since (while its answer was out, or after none
  // came): the new key may not be given the old one's answer, so it is not asked again by
  // itself, nor offered as a form never sent. Create reuses its Idempotency-Key all the same,
  // which Persona may replay and cannot make worse (docs/persona.md, Idempotency).
  const sent = draft?.pendingCreate;
  const sentAt = sent?.form === (draft && formOf(draft)) ? sent?.at : undefined;
  const sentEarlier = !!sentAt && !!keySaved && sentAt < keySaved;
  // This form was sent, and got no answer, which a page said: Persona may have made it or not.
  // Within the day Persona keeps the key; after that, the same key may make a second inquiry,
  // and the form says nothing it cannot stand behind.
  const unanswered =
    !!sentAt &&
    !sentEarlier &&
    sent?.unanswered === true &&
    Date.now() - sentAt <= RESUME_WITHIN_MS;
  // Past that day its answer may be forgotten: a Create may make a second inquiry. Said, with the
  // way to look for the first by its reference before creating it again.
  const longAgo = !!sentAt && !sentEarlier && Date.now() - sentAt > RESUME_WITHIN_MS;
  const nav = useNavigation();
  const reference = draft?.referenceId.trim() ?? '';
  // Asked, and still none typed: the field says why, and Create makes it without.
  const bare = bareAsked && !reference;
  const filled = draft ? prefillKeys.filter((key) => draft[key].trim()) : [];
  const otherPrefill = !!prefillFor && prefillFor !== reference && filled.length > 0;
  const prefillAsked = otherPrefill && prefillAskedAt !== undefined;
  useEffect(() => {
    if (draft && prefillFor === undefined) setPrefillFor(reference);
  }, [draft === undefined]);
  // Every edit goes to the draft; one of the prefill's says whose it is.
  const edit = (patch: Partial<Draft>) => {
    if (prefillKeys.some((key) => key in patch)) {
      setPrefillFor(reference);
      setPrefillAskedAt(undefined);
    }
    updateDraft(patch);
  };
  // A click after a create that got no answer (lost connection, timeout, stopped background) of
  // the very same form may follow a create that did happen, so it reuses that try's
  // Idempotency-Key, kept in the session draft so a popup closed and opened again reuses it too.
  // An answer, any edit or a success means a fresh key.
  const requestFor = (typed: Draft): RequestOf<'createInquiry'> => {
    const form = formOf(typed);
    const sent = typed.pendingCreate;
    if (sent?.form === form) {
      // Asked after with the new key from here on (the background joins the old key's create
      // if it is still running).
      const clickedAt = sentEarlier ? Date.now() : sent.at;
      // Out again: a popup closed before this answer comes leaves it for the next to ask for.
      const { unanswered: _, ...asked } = sent;
      if (sentEarlier || sent.unanswered)
        updateDraft({ pendingCreate: { ...asked, at: clickedAt } });
      return {
        ...buildCreateRequest(typed, sent.key),
        ...(clickedAt ? { clickedAt } : {}),
        linkSeconds: sent.linkSeconds,
      };
    }
    const key = crypto.randomUUID();
    const clickedAt = Date.now();
    // The link's lifetime goes with the key: asked again under it, the request is the same.
    const linkSeconds = (settings?.linkExpiryHours ?? 0) * 3600 || undefined;
    updateDraft({ pendingCreate: { key, form, at: clickedAt, linkSeconds } });
    return { ...buildCreateRequest(typed, key), clickedAt, linkSeconds };
  };

  // Whether the form is still on screen when an answer comes: closed meanwhile (a lookup or a
  // notification opened another view), the answer is not shown, so the draft keeps the create for
  // the next opening of the form, which asks for it again under the same key and shows it. (A
  // lock takes the whole draft with it; the inquiry is watched all the same.)
  const shown = useRef(true);
  useLayoutEffect(
    () => () => {
      shown.current = false;
    },
    [],
  );
  const request = useRequest(async (typed: Draft, defaultTemplateId: string) => {
    // The pending create is this one's to change, not one another page sent meanwhile (the popup
    // and the side panel share the draft).
    let key: string | undefined;
    const mine = (draft: Draft) => draft.pendingCreate?.key === key;
    const sentWith = keyInfo?.masked;
    try {
      const ask = requestFor(typed);
      key = ask.idempotencyKey;
      const reply = await sendCreate(ask, () => setAsking('createAskingAgain'));
      void noteWriteAnswer(sentWith);
      void checkAfterAnswer();
      if (!shown.current) return;
      const { pendingCreate, ...form } = clearedForm(defaultTemplateId);
      updateDraft((stored) => (mine(stored) ? { ...form, pendingCreate } : form));
      setPrefilled(prefillKeys.filter((key) => typed[key].trim()));
      setCreated(reply);
      // The next form, after Create another, is asked of again.
      setBareAskedAt(undefined);
      setPrefillAskedAt(undefined);
    } catch (error) {
      const info = toErrorInfo(error);
      void noteWriteAnswer(sentWith, info);
      void checkAfterAnswer(info);
      // No answer: the key stays for the next click. The failure is on screen, so the next
      // opening of the form does not send it again by itself: the reviewer decides.
      updateDraft((stored) => {
        if (!mine(stored) || !stored.pendingCreate) return {};
        if (!NO_ANSWER.has(info.kind)) return { pendingCreate: undefined };
        return shown.current
          ? { pendingCreate: { ...stored.pendingCreate, unanswered: true } }
          : {};
      });
      // Persona names the bad attribute on a 422; the template is the one a reviewer can fix here.
      if (info.pointer?.includes('template')) {
        focusProblem.current = true;
        setErrors({ templateId: info.details ?? info.message });
      }
      throw error;
    } finally {
      submitting.current = false;
    }
  });
  const { busy, slow, error: failure } = request;
  const refusal = refusalBeside(knownRefusal, failure);
  // What is above the failure may change height as it shows (a 403 takes the read-only key's
  // note away, its alert saying the same): the failure, and Create, stay where they were.
  const failureBox = useRef<HTMLDivElement>(null);
  useKeptInPlace(failureBox, failure, 'form');
  // Leaving while a create is out would leave its answer unseen, the inquiry and its link, and
  // the form emptied by it: a second create for the same customer would follow. So the top
  // bar's Back and the keys that go back (Escape, Alt+←) wait for the answer, and say so; the
  // rest of the page stays usable.
  // From the click on (submitting is set in the same task), not from the next render.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!busy) setHeld(false);
  }, [busy]);
  useEffect(() => {
    const hold = (event: Event) => {
      const back =
        event instanceof KeyboardEvent
          ? goesBack(event)
          : event.target instanceof Element && event.target.closest('.topbar .back');
      if (!back || !submitting.current) return;
      // Before the shell's own listeners (escape-back.ts, the Back button's click).
      event.stopPropagation();
      event.preventDefault();
      setHeld(true);
    };
    document.addEventListener('click', hold, true);
    document.addEventListener('keydown', hold, true);
    return () => {
      document.removeEventListener('click', hold, true);
      document.removeEventListener('keydown', hold, true);
    };
  }, []);
  // A key saved since in the options: the background wiped the old key's session but kept this
  // form's draft. The error on screen was the old key's (a 401, as likely as not, which sent the
  // reviewer there): it goes, and the form says the next Create uses the new key.
  const keySeen = useRef(keySaved);
  const [keyChanged, setKeyChanged] = useState(false);
  useEffect(() => {
    if (keySaved === undefined || keySeen.current === keySaved) return;
    const before = keySeen.current;
    keySeen.current = keySaved;
    if (before === undefined) return;
    request.clearError();
    // Removed, not replaced: the no-key notice says so.
    setKeyChanged(keySaved > 0);
  }, [keySaved]);
  // A create sent before Persona's rate-limit window resets is refused again, and spends the
  // limit the team shares: the button waits the window out.
  const wait = useResetWait(failure);
  // The failure is drawn between the fields and Create, which keeps the focus it was pressed
  // with: in a 600 px popup that pushed both below the view, the alert half hidden and the
  // focused button out of sight. The alert is brought into view, then whatever has the focus
  // (Create, just below it; or the template field a 422 named, at the top, whose own message
  // says what is wrong), which stays in view.
  useEffect(() => {
    if (!failure) return;
    for (const shown of [form.current?.querySelector('[role="alert"]'), document.activeElement]) {
      shown?.scrollIntoView({ block: 'nearest' });
    }
  }, [failure]);

  const ready = draft !== undefined && settings !== undefined;
  // The default template fills an empty field; the field then follows a default saved since,
  // until the reviewer types another or picks one (create-fields.tsx). One the reviewer chose
  // stays: the default changing is no reason to create with another template than they chose.
  const defaultId = settings?.defaultTemplateId;
  const following = draft !== undefined && (!draft.templateId || draft.templateFromDefault);
  useEffect(() => {
    if (!following || !defaultId || created || draft?.templateId === defaultId) return;
    updateDraft({ templateId: defaultId, templateFromDefault: true });
  }, [following, defaultId, created]);
  // A create sent from a popup that closed before its answer came (a toolbar popup closes as soon
  // as the reviewer clicks into the chat): the same form under the same key is that create's
  // answer, asked again on opening the form. The background joins it if it is still running, and
  // Persona replays what it answered to the key; never a second inquiry. Only within the day
  // Persona surely keeps a key (docs/persona.md, Idempotency); after that, the form waits.
  // The key's info is awaited too: without it, a create sent with an earlier key looks resumable.
  const resumable = ready && keyInfo !== undefined;
  useEffect(() => {
    if (!resumable || created || submitting.current || !sentAt || sentEarlier || unanswered) {
      return;
    }
    if (Date.now() - sentAt > RESUME_WITHIN_MS) return;
    submitting.current = true;
    setAsking('createFinishing');
    void request.run(draft, settings.defaultTemplateId);
  }, [resumable]);
  useEffect(() => {
    // On opening, and again after "Create another": the focus starts where typing starts.
    if (!ready || created) return;
    const template = draft.templateId || settings.defaultTemplateId;
    form.current
      ?.querySelector<HTMLInputElement>(template ? '#reference-id' : '#template-id')
      ?.focus();
  }, [ready, created]);

  if (created) {
    return (
      <CreatedPanel
        created={created}
        prefilled={prefilled}
        onAnother={() => setCreated(undefined)}
      />
    );
  }
  if (!ready) return <p class="muted">{t('loading')}</p>;

  async function create(event: Event) {
    event.preventDefault();
    if (!draft || !settings || submitting.current || wait > 0) return;
    // A question takes no answer within a second of being asked: a second Enter is no reading.
    if ((bare && tooSoon(bareAskedAt)) || (prefillAsked && tooSoon(prefillAskedAt))) return;
    const found = checkCreateForm(draft);
    // Not of a form already sent (its answer lost, a key saved since): that create was asked of,
    // and Create sends it again, as the form says. One question at a time, the reference's first.
    const wrong = Object.keys(found).length > 0;
    const askBare = !wrong && !sentAt && !reference && !bareAsked;
    const askPrefill = !wrong && !sentAt && !askBare && otherPrefill && !prefillAsked;
    focusProblem.current = wrong || askBare || askPrefill;
    setErrors(found);
    request.clearError();
    if (askBare) setBareAskedAt(performance.now());
    if (askPrefill) setPrefillAskedAt(performance.now());
    if (focusProblem.current) return;
    submitting.current = true;
    setAsking('creating');
    await request.run(draft, settings.defaultTemplateId);
  }

  return (
    <form class="view create-form" ref={form} onSubmit={create} noValidate data-drafted="">
      <h2 class="view-title">{t('newInquiry')}</h2>
      {keyInfo === null && <NoKeyNotice />}
      <ReadOnlyKeyNote refusal={refusal} />
      {sentEarlier && !busy ? (
        <p class="banner" role="status" id="sent-earlier-key" data-testid="sent-earlier-key">
          {t('createSentEarlierKey', formatDateTime(sentAt ?? 0))}
        </p>
      ) : keyChanged ? (
        <p class="banner" role="status" data-testid="key-changed">
          {t('keyChangedFormKept')}
        </p>
      ) : longAgo && !busy && !failure ? (
        <div class="banner" role="status" data-testid="sent-long-ago">
          <p id="sent-long-ago">{t('createSentLongAgo', formatDateTime(sentAt ?? 0))}</p>
          {reference && (
            <div class="row banner-actions">
              <button type="button" onClick={() => nav.go({ name: 'matches', query: reference })}>
                {t('lookUpReference', reference)}
              </button>
            </div>
          )}
        </div>
      ) : (
        unanswered &&
        !busy &&
        !failure && (
          <p class="banner" role="status" id="sent-unanswered" data-testid="sent-unanswered">
            {t('createSentUnanswered', formatDateTime(sentAt ?? 0))}
          </p>
        )
      )}
      <CreateFields
        draft={draft}
        update={edit}
        errors={errors}
        notes={
          bare
            ? { referenceId: t('createNoReference') }
            : prefillAsked && filled[0]
              ? { [filled[0]]: t('createPrefillOther', prefillFor ?? '') }
              : undefined
        }
        templates={settings.templates}
        defaultTemplateId={settings.defaultTemplateId}
        defaultHeld={defaultHeld}
        sending={busy}
      />
      {failure && (
        <div ref={failureBox}>
          <ProblemMessage error={createProblem(failure, draft.referenceId)} creating />
        </div>
      )}
      <div class="row form-actions">
        {/* Sending or counting down, it keeps the focus it was pressed with (aria-disabled;
            the submit is ignored): a disabled button drops it to the page. The earlier-key
            warning is shown as the form opens, the focus in a field: Create reads it out. */}
        <button
          type="submit"
          class="primary"
          aria-disabled={busy || wait > 0}
          aria-describedby={
            busy
              ? undefined
              : sentEarlier
                ? 'sent-earlier-key'
                : failure
                  ? undefined
                  : longAgo
                    ? 'sent-long-ago'
                    : unanswered
                      ? 'sent-unanswered'
                      : refusal && READ_ONLY_NOTE
          }
        >
          <WaitLabel
            label={t(
              bare ? 'createWithoutReference' : prefillAsked ? 'createWithPrefill' : 'create',
            )}
            wait={wait}
            counted={t('createIn', formatNumber(wait))}
          />
        </button>
        {prefillAsked && !busy && (
          <button
            type="button"
            onClick={() => {
              edit(perPrefillField(() => ''));
              form.current?.querySelector<HTMLInputElement>('#name-first')?.focus();
            }}
          >
            {t('clearPrefill')}
          </button>
        )}
        <span class="muted" role="status">
          {busy
            ? [t(asking), slow && t('stillWaiting'), held && t('backWaitsForCreate')]
                .filter(Boolean)
                .join(' ')
            : ''}
        </span>
      </div>
    </form>
  );
}

const tooSoon = (askedAt: number | undefined) =>
  askedAt !== undefined && performance.now() - askedAt < 1_000;

/**
 * A 5xx on Create comes after the background's recovery (the reference ID looked up, one more
 * try under a new key): said as what happened to this create, not the generic "the desk has read
 * the inquiry again", which a create has no inquiry for.
 */
function createProblem(failure: ErrorInfo, referenceId: string | undefined): ErrorInfo {
  if (failure.kind !== 'server') return failure;
  const key = referenceId?.trim() ? 'errServerCreateLooked' : 'errServerCreateBlind';
  return { ...failure, message: t(key, String(failure.status ?? '')) };
}
