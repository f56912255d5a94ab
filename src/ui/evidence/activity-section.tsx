// Who decided and when (`decisioned-at`, `reviewer-comment`, the `reviewer` relationship), and
// the inquiry's events from `GET /events`, read when the reviewer opens them.
import { useRef } from 'preact/hooks';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatDateTime } from '../components/format-time.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useRequest } from '../use-request.ts';

const reviewerKinds: Record<string, string> = {
  user: 'a dashboard user',
  workflow: 'a workflow',
  'workflow-run': 'a workflow run',
};

function Decision({ inquiry }: { inquiry: InquiryView }) {
  const at = inquiry.timestamps.decisionedAt;
  if (!at) return <p class="muted">Not decided yet.</p>;
  const reviewer = inquiry.reviewer;
  return (
    <dl class="facts decision">
      <div class="fact">
        <dt>Decision</dt>
        <dd>
          <code>{inquiry.status}</code> on {formatDateTime(at)}
        </dd>
      </div>
      <div class="fact">
        <dt>Decided by</dt>
        <dd>
          {reviewer ? (
            <>
              {reviewerKinds[reviewer.type] ?? reviewer.type} <code>{reviewer.id}</code>
            </>
          ) : (
            'not named by Persona'
          )}
        </dd>
      </div>
      <div class="fact">
        <dt>Comment</dt>
        <dd>{inquiry.reviewerComment ?? 'none'}</dd>
      </div>
    </dl>
  );
}

function Events({ id }: { id: string }) {
  const read = useRequest(() => sendRequest({ type: 'listEvents', id }));
  // A ref, not state: two toggle events before a re-render must still ask only once.
  const asked = useRef(false);
  const load = () => {
    asked.current = true;
    void read.run();
  };
  const { error } = read;
  const events = read.data?.events;
  return (
    <details
      class="events"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && !asked.current) load();
      }}
    >
      <summary>Events</summary>
      {error ? (
        <ProblemMessage error={error} onRetry={load} />
      ) : !events ? (
        <p class="muted" role="status">
          Loading events…
        </p>
      ) : events.length === 0 ? (
        <p class="muted">Persona lists no events for this inquiry.</p>
      ) : (
        <ol class="plain-list event-list">
          {events.map((e) => (
            <li key={e.id} class="event-row">
              <code>{e.name}</code>
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
      <h3 id="activity-heading">Activity</h3>
      <Decision inquiry={inquiry} />
      <Events key={inquiry.id} id={inquiry.id} />
    </section>
  );
}
