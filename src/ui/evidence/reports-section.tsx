// Each report with its match flag; opening one reads `GET /reports/{id}` once and lists what
// matched: the name, the list, and the score where Persona gives one.
import { useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { ReportMatchView, ReportView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatNumber } from '../components/format-time.ts';
import { reportRowId } from '../components/needs-a-look.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { ReportRowParts } from '../components/report-list.tsx';
import { listTypeLabel } from '../components/view-labels.ts';
import { useRequest } from '../use-request.ts';

/** The list or source a match is on, in words. */
function listWords(match: ReportMatchView): string {
  if (match.kind) return t(match.kind === 'pep' ? 'listPep' : 'listAdverseMedia');
  return match.list ?? t('unnamedList');
}

function Matches({ matches }: { matches: ReportMatchView[] }) {
  if (matches.length === 0) return <p class="muted">{t('nothingMatched')}</p>;
  return (
    <ul class="matches">
      {matches.map((m, i) => (
        <li key={`${m.list}-${m.name}-${i}`} class="match">
          <strong>{m.name ?? t('noName')}</strong>
          <span>
            {listWords(m)}
            {m.listType && ` (${m.kind ? m.listType : listTypeLabel(m.listType)})`}
            {m.flag && `, ${m.flag.toUpperCase()}`}
          </span>
          {m.score !== undefined && <span>{t('matchScore', formatNumber(m.score, 2))}</span>}
          {/* The list's own page, to tell a namesake from the person without leaving the desk
              for Persona's dashboard: in a tab of its own, told nothing of the desk. https only:
              a javascript: or data: link would run in the desk's page, or mislead. */}
          {m.url?.startsWith('https://') && (
            <a href={m.url} target="_blank" rel="noopener noreferrer">
              {t('listPage')}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

function Report({ report }: { report: ReportView }) {
  const summary = useRef<HTMLElement>(null);
  // A Try again that worked is gone with its message: the focus goes back to the report's row.
  const read = useRequest(() => sendRequest({ type: 'getReport', reportId: report.id }, true), {
    refocus: () => summary.current,
  });
  // A ref, not state: two toggle events before a re-render must still ask only once.
  const asked = useRef(false);
  const load = () => {
    asked.current = true;
    void read.run();
  };
  const loaded = read.data && (read.data.report.matches ?? []);
  return (
    <li class="report" id={reportRowId(report.id)}>
      <details
        onToggle={(event) => {
          if ((event.currentTarget as HTMLDetailsElement).open && !asked.current) load();
        }}
      >
        <summary class="report-row" title={report.type} ref={summary}>
          <ReportRowParts report={report} />
        </summary>
        <div class="report-body">
          {read.error ? (
            <ProblemMessage error={read.error} onRetry={load} />
          ) : loaded ? (
            <Matches matches={loaded} />
          ) : (
            <p class="muted" role="status">
              {t('loadingMatches')}
            </p>
          )}
        </div>
      </details>
    </li>
  );
}

export function ReportsSection({ reports }: { reports: ReportView[] }) {
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="reports-heading">
      <h3 id="reports-heading">{t('reports')}</h3>
      <ul class="plain-list">
        {reports.map((report) => (
          <Report key={report.id} report={report} />
        ))}
      </ul>
    </section>
  );
}
