import { t } from '../../shared/i18n.ts';
import type { Tone } from '../../shared/persona/status.ts';
import type { CheckView, VerificationView } from '../../shared/persona/view-model.ts';
import { checkName } from './check-name.ts';
import { reasonInWords } from './check-reasons.ts';
import { FieldList } from './field-list.tsx';
import { formatNumber } from './format-time.ts';
import { verificationHeadingId } from './needs-a-look.ts';
import { resultWords } from './result-words.ts';
import { StatusChip } from './status-chip.tsx';
import type { Reveal } from './use-reveal.ts';
import { verificationTone } from './verification-tone.ts';
import { scoreLabel } from './view-labels.ts';

const marks = { success: '✓', danger: '✗', warning: '!', info: '•', neutral: '•' } as const;
const order = { danger: 0, warning: 1, info: 2, success: 3, neutral: 4 } as const;
const settled = new Set(['passed', 'not_applicable']);

// What a reviewer looks for first: failed checks, then the others not (yet) passed; the passed
// and not-applicable ones fold into one line. Ties keep Persona's order (sort is stable).
function sortChecks(checks: CheckView[]): CheckView[] {
  const rank = (check: CheckView) => order[verificationTone(check.status)];
  return [...checks].sort((a, b) => rank(a) - rank(b));
}

/**
 * A verification's (`tone`: as a chip) or a check's status: Persona's word, with the reader's
 * words beside it where they are not the code itself (result-words.ts), which are then heard.
 */
function Result({ status, tone }: { status: string; tone?: Tone }) {
  // Persona sent none (null): said so, not an empty chip.
  if (!status) return <span class="muted">{t('statusNotGiven')}</span>;
  const words = resultWords(status);
  const quiet = words ? true : undefined;
  return (
    <>
      {tone ? (
        <StatusChip status={status} tone={tone} quiet={quiet} />
      ) : (
        <code class="check-status" aria-hidden={quiet}>
          {status}
        </code>
      )}
      {words && <span class="result-words">{words}</span>}
    </>
  );
}

function CheckRow({ check }: { check: CheckView }) {
  const tone = verificationTone(check.status);
  return (
    <li class={`check-row tone-${tone}`}>
      <span class="check-mark" aria-hidden="true">
        {marks[tone]}
      </span>
      {/* The name, result and "required" wrap together in the column beside the mark
          (views.css .check-row), so a line they wrap onto starts under the name. */}
      <span class="check-body">
        <span class="check-name">{checkName(check)}</span>
        <Result status={check.status} />
        {check.required && <span class="check-required">{t('checkRequired')}</span>}
      </span>
      {check.reasons.length > 0 && (
        <span class="check-reasons">{check.reasons.map(reasonInWords).join('. ')}</span>
      )}
    </li>
  );
}

/** `label`: the verification's, in each summary's name: a list of the page's controls, or Tab,
 * reaches "7 checks passed" once per verification, the card's heading out of sight. */
function Checks({ checks, label }: { checks: CheckView[]; label: string }) {
  const sorted = sortChecks(checks);
  const open = sorted.filter((check) => !settled.has(check.status));
  const folded = sorted.filter((check) => settled.has(check.status));
  const passed = folded.filter((check) => check.status === 'passed').length;
  const other = folded.length - passed;
  return (
    <>
      {open.length > 0 && (
        <ul class="check-list">
          {open.map((check) => (
            <CheckRow key={check.name} check={check} />
          ))}
        </ul>
      )}
      {folded.length > 0 && (
        <details class="checks-passed">
          <SummaryOf label={label}>
            {(passed === 1 ? t('checkPassedOne') : t('checksPassed', formatNumber(passed))) +
              (other > 0
                ? `, ${other === 1 ? t('checkNotApplicableOne') : t('checksNotApplicable', formatNumber(other))}`
                : '')}
          </SummaryOf>
          <ul class="check-list">
            {folded.map((check) => (
              <CheckRow key={check.name} check={check} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/**
 * A summary named with its verification after its words, which it shows as they are: the name
 * starts with what is on screen, for a reviewer who says it to voice control.
 */
function SummaryOf({ label, children }: { label: string; children: string }) {
  return <summary aria-label={`${children} (${label})`}>{children}</summary>;
}

/** Some check failed, and none of those that failed is one Persona marks required. */
function passedOverOptional(checks: readonly CheckView[]): boolean {
  const failed = checks.filter((check) => verificationTone(check.status) === 'danger');
  return failed.length > 0 && failed.every((check) => !check.required);
}

/** One verification: the checks that need a look first, its scores, and its fields. */
export function VerificationCard({
  verification,
  reveal,
  label,
}: {
  verification: VerificationView;
  reveal: Reveal;
  /** Its name among the inquiry's verifications (view-labels.ts verificationNames). */
  label: string;
}) {
  const v = verification;
  const headingId = verificationHeadingId(v.id);
  return (
    <section class="card verification" aria-labelledby={headingId} data-type={v.type}>
      {/* Focusable from the list of those needing a look (attention-list.tsx), not by Tab. */}
      <h4 id={headingId} class="card-head" title={v.type} tabIndex={-1}>
        <span class="grow">{label}</span>
        {/* A stub (named, not read) has no status to speak of: its note below says why. */}
        {(v.loaded || v.status) && (
          <span class="result">
            <Result status={v.status} tone={verificationTone(v.status)} />
          </span>
        )}
      </h4>
      {!v.loaded && <p class="muted">{t('verificationNoDetails')}</p>}
      {/* Passed beside a failed check read as a fault of the desk's: Persona passes a verification
          whose failed checks its template does not require. Not said beside a failed check Persona
          marks required, which the note would contradict. */}
      {verificationTone(v.status) === 'success' && passedOverOptional(v.checks) && (
        <p class="muted">{t('passedDespiteCheck')}</p>
      )}
      {v.scores && (
        <p class="scores">
          {v.scores.map((score) => (
            <span key={score.name} class="score">
              {t('scoreLabel', scoreLabel(score.name))} <strong>{formatNumber(score.value)}</strong>
            </span>
          ))}
        </p>
      )}
      {v.checks.length > 0 && <Checks checks={v.checks} label={label} />}
      {v.fields.length > 0 && (
        <details class="verification-fields">
          <SummaryOf label={label}>{t('extractedFields', formatNumber(v.fields.length))}</SummaryOf>
          <FieldList fields={v.fields} scope={v.id} reveal={reveal} context={label} />
        </details>
      )}
    </section>
  );
}
