// Persona's risk signals of how the person went through the flow: an inquiry's `behaviors`. The
// public spec names none of its keys and says they may be added or removed over time
// (docs/persona.md, Behaviours), so every one that comes is listed as it came, and the few that
// Persona's dashboard shows as risks (a threat level, spoof or tamper attempts, developer tools
// open) are also said among what needs a look. Which keys those are is a guess: one spelled
// otherwise is still listed here, never hidden.
import { t } from '../../shared/i18n.ts';
import { isRecord } from '../../shared/is-record.ts';
import { humanise } from '../../shared/persona/labels.ts';
import { formatNumber } from '../components/format-time.ts';
import { threatWord, WarningNote } from './device-network.tsx';

/** The section's heading, which the list of what needs a look leads to (attention-list.tsx). */
export const BEHAVIOUR_HEADING = 'behaviour-heading';

/** One signal's value in words: a flag as yes or no, a count as a number, anything else as sent. */
function valueWords(value: unknown): string {
  if (typeof value === 'boolean') return t(value ? 'behaviourYes' : 'behaviourNo');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value).slice(0, 200);
}

/**
 * The signals, in the order of their names: a view read back from the browser's storage has its
 * keys sorted, one just read has Persona's order, and the page would change order between two
 * openings.
 */
const signalsOf = (behaviors: unknown): [string, unknown][] =>
  isRecord(behaviors) ? Object.entries(behaviors).sort(([a], [b]) => (a < b ? -1 : 1)) : [];

/** Every signal Persona sent, by its name in words; none set (null, empty) left out. */
export function behaviourFacts(behaviors: unknown): [name: string, value: string][] {
  return signalsOf(behaviors)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => [humanise(key), valueWords(value)]);
}

/** The signals read as risks, in words: "Threat level high", "Request spoof attempts: 4". */
export function behaviourWarnings(behaviors: unknown): string[] {
  const out: string[] = [];
  for (const [key, value] of signalsOf(behaviors)) {
    const name = key.toLowerCase();
    if (/threat[-_]level$/.test(name)) {
      const level = typeof value === 'string' ? value.toLowerCase() : '';
      // Persona's own summary of them: said first.
      if (level && level !== 'low') out.unshift(t('flagThreat', threatWord(level)));
    } else if (
      /spoof|tamper/.test(name) &&
      (value === true || (typeof value === 'number' && value > 0))
    ) {
      out.push(`${humanise(key)}: ${valueWords(value)}`);
    } else if (/devtools/.test(name) && value === true) {
      out.push(humanise(key));
    }
  }
  return out;
}

/** The section, where Persona sent any signal: those read as risks, then every one, folded. */
export function BehaviourSection({ behaviors }: { behaviors: unknown }) {
  const facts = behaviourFacts(behaviors);
  if (facts.length === 0) return null;
  return (
    <section aria-labelledby={BEHAVIOUR_HEADING}>
      {/* Focusable from the list of what needs a look (attention-list.tsx), not by Tab. */}
      <h3 id={BEHAVIOUR_HEADING} tabIndex={-1}>
        {t('behaviour')}
      </h3>
      <div class="card session">
        <WarningNote warnings={behaviourWarnings(behaviors)} />
        {/* Folded, as a verification's extracted fields are: mostly counts of nothing. */}
        <details class="verification-fields">
          <summary>{t('behaviourSignals', formatNumber(facts.length))}</summary>
          <dl class="facts">
            {facts.map(([name, value]) => (
              <div class="fact" key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
    </section>
  );
}
