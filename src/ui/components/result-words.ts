// Verification, check and report statuses in the reader's language, beside Persona's own word (as
// an inquiry's status is: status-chip.tsx). Where the words are the code itself, as in English
// ("passed", Passed), the code alone says it; a status no catalogue knows keeps the code alone.
// The values are those Persona documents for verifications, checks and reports
// (docs/persona.md#verifications-and-checks, #reports); the lists are open.
import { type MessageKey, t } from '../../shared/i18n.ts';
import { humanise } from '../../shared/persona/labels.ts';

const words: Record<string, MessageKey> = {
  passed: 'resultPassed',
  failed: 'resultFailed',
  not_applicable: 'resultNotApplicable',
  requires_retry: 'resultRequiresRetry',
  tentatively_passed: 'resultTentativelyPassed',
  initiated: 'resultInitiated',
  submitted: 'resultSubmitted',
  confirmed: 'resultConfirmed',
  canceled: 'resultCanceled',
};

// A report's words apart: "ready" is said of a report (Spanish "listo", the report), not of a
// verification ("lista").
const reportWords: Record<string, MessageKey> = {
  ready: 'reportReady',
  pending: 'reportPending',
  errored: 'reportErrored',
};

/** The status in the reader's words, or undefined when the code says it already. */
export function resultWords(status: string, report?: boolean): string | undefined {
  const key = (report ? reportWords : words)[status];
  if (!key) return undefined;
  const said = t(key);
  return said.toLowerCase() === humanise(status).toLowerCase() ? undefined : said;
}
