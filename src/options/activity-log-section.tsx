import { useState } from 'preact/hooks';
import {
  type AuditTrail,
  trailToCsv,
  type VerifyResult,
  verifyExport,
  verifyTrail,
} from '../shared/audit/trail.ts';
import { auditTrailItem } from '../shared/audit/trail-item.ts';
import { sendRequest } from '../shared/send-request.ts';
import { useStored } from '../ui/use-stored.ts';

const SHOWN = 50;

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function describe(result: VerifyResult): string {
  return result.ok
    ? `The chain verifies: ${result.entries} entries, none changed, none missing${result.firstSeq ? ` since the checkpoint after entry ${result.firstSeq}` : ''}.`
    : `The chain does NOT verify: ${result.reason}.`;
}

const when = (ms: number) => new Date(ms).toLocaleString();

/** The audit trail: the latest entries, its exports, and checks of it or of an exported file. */
export function ActivityLogSection() {
  const trail = useStored(auditTrailItem);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  if (!trail) return null;

  async function exported(name: string, type: string, text: string) {
    download(name, type, text);
    await sendRequest({ type: 'auditExported' }).catch(() => undefined);
  }
  const stamp = new Date().toISOString().slice(0, 10);
  const check = async (run: () => Promise<VerifyResult>) => {
    const result = await run();
    setVerdict({ ok: result.ok, text: describe(result) });
  };

  return (
    <section aria-labelledby="activity-heading" class="activity-log">
      <h2 id="activity-heading">Activity log</h2>
      <p class="hint">
        Every action, reveal, key and lock event on this browser, hash-chained so that an edited or
        cut log shows. No personal data is kept in it.
      </p>
      <p data-testid="log-facts">
        {trail.entries.length} entries.{' '}
        {trail.checkpoint
          ? `${trail.checkpoint.dropped} older entries were dropped for size on ${when(trail.checkpoint.droppedAt)}; the chain continues from their last hash. `
          : 'No entry has been dropped. '}
        {trail.lastExportedAt ? `Last exported ${when(trail.lastExportedAt)}.` : 'Never exported.'}
      </p>
      <div class="row wrap">
        <button
          type="button"
          onClick={() =>
            void exported(`inquiry-desk-activity-${stamp}.csv`, 'text/csv', trailToCsv(trail))
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            void exported(
              `inquiry-desk-activity-${stamp}.json`,
              'application/json',
              JSON.stringify(trail, null, 2),
            )
          }
        >
          Export JSON
        </button>
        <button type="button" onClick={() => void check(() => verifyTrail(trail))}>
          Verify
        </button>
      </div>
      <div class="field">
        <label for="verify-file">Check an exported JSON file</label>
        <input
          id="verify-file"
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file) {
              const text = await file.text();
              await check(() => verifyExport(text));
            }
          }}
        />
      </div>
      <div aria-live="polite">
        {verdict && (
          <div
            class={verdict.ok ? 'banner is-ok' : 'banner is-error'}
            role={verdict.ok ? 'status' : 'alert'}
            data-testid="verify-result"
          >
            {verdict.text}
          </div>
        )}
      </div>
      <LatestEntries trail={trail} />
    </section>
  );
}

function LatestEntries({ trail }: { trail: AuditTrail }) {
  const latest = trail.entries.slice(-SHOWN).reverse();
  if (latest.length === 0) return <p class="muted">Nothing recorded yet.</p>;
  return (
    <table class="log-table">
      <caption class="muted">Latest {latest.length}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Reviewer</th>
          <th scope="col">Action</th>
          <th scope="col">Inquiry</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {latest.map((e) => (
          <tr key={e.seq}>
            <td>{when(e.at)}</td>
            <td>{e.reviewer}</td>
            <td>{e.action}</td>
            <td>{e.inquiryId ?? ''}</td>
            <td>
              {e.outcome === 'ok' ? 'ok' : `error: ${e.errorKind ?? ''}`}
              {e.requestId ? ` (${e.requestId})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
