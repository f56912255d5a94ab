import type { CheckView, VerificationView } from '../../shared/persona/view-model.ts';
import { FieldList } from './field-list.tsx';
import { StatusChip } from './status-chip.tsx';
import type { Reveal } from './use-reveal.ts';

const marks = { success: '✓', danger: '✗', warning: '!', info: '•', neutral: '•' } as const;
const order = { danger: 0, warning: 1, info: 2, success: 3, neutral: 4 } as const;

// What a reviewer looks for first: failed checks, then passed, then not applicable; ties keep
// Persona's order (Array.prototype.sort is stable).
function sortChecks(checks: CheckView[]): CheckView[] {
  return [...checks].sort((a, b) => order[a.tone] - order[b.tone]);
}

/** One verification with every check (name, outcome, required or not, reasons) and its fields. */
export function VerificationCard({
  verification,
  reveal,
}: {
  verification: VerificationView;
  reveal: Reveal;
}) {
  const v = verification;
  const headingId = `verification-${v.id}`;
  return (
    <section class="card verification" aria-labelledby={headingId} data-type={v.type}>
      <h4 id={headingId} class="card-head" title={v.type}>
        <span class="grow">{v.label}</span>
        <StatusChip status={v.status} tone={v.tone} />
      </h4>
      {!v.loaded && <p class="muted">Persona sent no details for this verification.</p>}
      {v.checks.length > 0 && (
        <ul class="checks">
          {sortChecks(v.checks).map((check) => (
            <li key={check.name} class={`check-row tone-${check.tone}`}>
              <span class="check-mark" aria-hidden="true">
                {marks[check.tone]}
              </span>
              <span class="check-name">{check.label}</span>
              <code class="check-status">{check.status}</code>
              {check.required && <span class="check-required">required</span>}
              {check.reasons.length > 0 && (
                <span class="check-reasons">{check.reasons.join('; ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {v.fields.length > 0 && (
        <details class="verification-fields">
          <summary>Extracted fields ({v.fields.length})</summary>
          <FieldList fields={v.fields} scope={v.id} reveal={reveal} />
        </details>
      )}
    </section>
  );
}
