// Who decided and when (`decisioned-at`, `reviewer-comment`, the `reviewer` relationship), and
// the inquiry's events from `GET /events`, read when the reviewer opens them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '../../shared/format-date-time.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import { describeStatus, isFinalStatus } from '../../shared/persona/status.ts';
import type { EventView, InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useRequest } from '../use-request.ts';
import { useLoggedDecision } from './logged-decision.ts';

const reviewerKinds: Record<string, MessageKey> = {
  user: 'reviewerUser',
  workflow: 'reviewerWorkflow',
  'workflow-run': 'reviewerWorkflowRun',
};

// Persona's event names in the reader's words; Persona's name stays beside them, and an event
// not listed here (Persona adds them without a new API version) shows its name alone.
const eventWords: Record<string, MessageKey> = {
  'inquiry.created': 'eventInquiryCreated',
  'inquiry.started': 'eventInquiryStarted',
  'inquiry.completed': 'eventInquiryCompleted',
  'inquiry.failed': 'eventInquiryFailed',
  'inquiry.expired': 'eventInquiryExpired',
  'inquiry.marked-for-review': 'eventInquiryMarkedForReview',
  'inquiry.approved': 'eventInquiryApproved',
  'inquiry.declined': 'eventInquiryDeclined',
  'inquiry.redacted': 'eventInquiryRedacted',
  'verification.created': 'eventVerificationCreated',
  'verification.submitted': 'eventVerificationSubmitted',
  'verification.passed': 'eventVerificationPassed',
  'verification.failed': 'eventVerificationFailed',
};

function EventName({ name }: { name: string }) {
  const words = eventWords[name];
  return words ? (
    <>
      {t(words)} <code>{name}</code>
    </>
  ) : (
    <code>{name}</code>
  );
}

function reviewerWords(type: string): string {
  const key = reviewerKinds[type];
  return key ? t(key) : type;
}

function Decision({ inquiry }: { inquiry: InquiryView }) {
  const at = inquiry.timestamps.decisionedAt;
  const reviewer = inquiry.reviewer;
  // This browser's activity log names who decided where Persona names no one; with no decision
  // time from Persona, its newest decision of this kind on the inquiry.
  const logged = useLoggedDecision(
    inquiry.id,
    reviewer ? '' : inquiry.status,
    at ? Date.parse(at) : Number.POSITIVE_INFINITY,
  );
  // Decided with no time (none in Persona's answer): the decision all the same, not "not decided".
  if (!at && !isFinalStatus(inquiry.status)) return <p class="muted">{t('notDecided')}</p>;
  return (
    <dl class="facts decision">
      <div class="fact">
        <dt>{t('decision')}</dt>
        <dd>
          {/* The reader's word first, Persona's own beside it (the status chip's word). */}
          {describeStatus(inquiry.status).label} (<code>{inquiry.status}</code>)
          {at ? ` ${t('decisionOn', formatDateTime(at))}` : `, ${t('decisionTimeNotGiven')}`}
        </dd>
      </div>
      <div class="fact">
        <dt>{t('decidedBy')}</dt>
        <dd>
          {reviewer ? (
            <>
              {reviewerWords(reviewer.type)} <code>{reviewer.id}</code>
            </>
          ) : logged ? (
            // Who decided first, as the log has it; that Persona names no one, after.
            t('notNamedLogged', logged.reviewer, formatDateTime(logged.at))
          ) : (
            t('notNamed')
          )}
        </dd>
      </div>
      <div class="fact">
        <dt>{t('comment')}</dt>
        <dd class="as-typed">{inquiry.reviewerComment ?? t('none')}</dd>
      </div>
    </dl>
  );
}

/**
 * The inquiry's events, read when first opened. `version` moves when the inquiry does (a decision
 * made here, a Refresh that found news): an open list is read again, a closed one on its next
 * opening, so it never shows less than the status above it.
 */
function Events({ id, version }: { id: string; version: string }) {
  const summary = useRef<HTMLElement>(null);
  const details = useRef<HTMLDetailsElement>(null);
  // Reads can overlap (a decision while the list loads): only the latest one's answer is shown,
  // whichever comes back last.
  const latest = useRef(0);
  const [events, setEvents] = useState<EventView[] | undefined>(undefined);
  // A Try again that worked is gone with its message: the focus goes back to Events.
  const read = useRequest(
    async () => {
      const mine = ++latest.current;
      const reply = await sendRequest({ type: 'listEvents', id }, true);
      if (mine === latest.current) setEvents(reply.events);
    },
    { refocus: () => summary.current },
  );
  // A ref, not state: two toggle events before a re-render must still ask only once.
  const asked = useRef(false);
  const load = () => {
    asked.current = true;
    void read.run();
  };
  const shown = useRef(version);
  useEffect(() => {
    if (shown.current === version) return;
    shown.current = version;
    if (details.current?.open) load();
    else asked.current = false;
  }, [version]);
  const { error } = read;
  return (
    <details
      ref={details}
      class="events"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && !asked.current) load();
      }}
    >
      <summary ref={summary}>{t('events')}</summary>
      {error ? (
        <ProblemMessage error={error} onRetry={load} />
      ) : !events ? (
        <p class="muted" role="status">
          {t('loadingEvents')}
        </p>
      ) : events.length === 0 ? (
        <p class="muted">{t('noEvents')}</p>
      ) : (
        <ol class="plain-list event-list">
          {events.map((e) => (
            <li key={e.id} class="event-row">
              <span class="grow">
                <EventName name={e.name} />
              </span>
              {e.createdAt && <span class="muted">{formatDateTime(e.createdAt)}</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

export function ActivitySection({ inquiry }: { inquiry: InquiryView }) {
  return (
    <section aria-labelledby="activity-heading">
      <h3 id="activity-heading">{t('activity')}</h3>
      <Decision inquiry={inquiry} />
      <Events
        key={inquiry.id}
        id={inquiry.id}
        version={`${inquiry.status} ${inquiry.timestamps.updatedAt ?? ''}`}
      />
    </section>
  );
}
