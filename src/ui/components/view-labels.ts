// Persona's machine names in an inquiry's view (src/shared/persona/view-model.ts) in the reader's
// language: the background keeps the names, the pages say them. Names not listed here (types,
// fields and checks are open sets) are turned into words as they are.
import { type MessageKey, t } from '../../shared/i18n.ts';
import { inquiryFieldLabels } from '../../shared/persona/fields.ts';
import { humanise } from '../../shared/persona/labels.ts';
import type { PhotoView, VerificationView } from '../../shared/persona/view-model.ts';
import { formatNumber } from './format-time.ts';

/** Labels of the fields verifications extract beside the inquiry's own (government ID, document). */
const otherFieldLabels: Record<string, MessageKey> = {
  'id-class': 'fieldIdClass',
  'issuing-authority': 'fieldIssuingAuthority',
  'issuing-subdivision': 'fieldIssuingSubdivision',
  'issue-date': 'fieldIssueDate',
  'expiration-date': 'fieldExpirationDate',
  'capture-method': 'fieldCaptureMethod',
  'document-type': 'fieldDocumentType',
};

const verificationLabels: Record<string, MessageKey> = {
  'verification/government-id': 'verificationGovernmentId',
  'verification/government-id-nfc': 'verificationGovernmentIdNfc',
  'verification/selfie': 'verificationSelfie',
  'verification/database': 'verificationDatabase',
  'verification/document': 'verificationDocument',
  'verification/phone-number': 'verificationPhone',
  'verification/email-address': 'verificationEmail',
};

const reportLabels: Record<string, MessageKey> = {
  'report/watchlist': 'reportWatchlist',
  'report/politically-exposed-person': 'reportPep',
  'report/adverse-media': 'reportAdverseMedia',
};

// Kinds of screening list; Persona documents `sanction` (its reports' `list-type`); the others are
// the usual kinds screening providers name, in either spelling.
const listTypeLabels: Record<string, MessageKey> = {
  sanction: 'listTypeSanction',
  warning: 'listTypeWarning',
  'fitness-probity': 'listTypeFitnessProbity',
  pep: 'listTypePep',
  'adverse-media': 'listTypeAdverseMedia',
};

const photoLabels: Record<string, MessageKey> = {
  'front-photo-url': 'photoIdFront',
  'back-photo-url': 'photoIdBack',
  'center-photo-url': 'photoSelfieCenter',
  'left-photo-url': 'photoSelfieLeft',
  'right-photo-url': 'photoSelfieRight',
};

const scoreLabels: Record<string, MessageKey> = {
  'entity-confidence-score': 'scoreEntityConfidence',
  'document-similarity-score': 'scoreSelfieToId',
  'selfie-similarity-score-left': 'scoreLeftPose',
  'selfie-similarity-score-right': 'scoreRightPose',
};

/** A field by its kebab name: `name-first` → "First name"; others in words. */
export function fieldLabel(name: string): string {
  const key = inquiryFieldLabels[name] ?? otherFieldLabels[name];
  return key ? t(key) : humanise(name);
}

/** "Government ID" for `verification/government-id`; unknown types in words, prefix dropped. */
export function verificationLabel(type: string): string {
  const key = verificationLabels[type];
  if (key) return t(key);
  return humanise(type.replace(/^verification\//, '')) || t('verificationFallback');
}

/**
 * The verifications whose type repeats in the inquiry, by id, each named with its number in
 * Persona's order ("Selfie 1", "Selfie 2": a retry beside the one that failed).
 */
export function numberedNames(verifications: readonly VerificationView[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const v of verifications) counts.set(v.type, (counts.get(v.type) ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  for (const v of verifications) {
    if ((counts.get(v.type) ?? 0) < 2) continue;
    const nth = (seen.get(v.type) ?? 0) + 1;
    seen.set(v.type, nth);
    names.set(v.id, `${verificationLabel(v.type)} ${formatNumber(nth)}`);
  }
  return names;
}

/**
 * Each verification's name by id, numbered where its type repeats ({@link numberedNames}), so
 * that no two cards, nor their Reveal buttons and the links to them, read alike.
 */
export function verificationNames(verifications: readonly VerificationView[]): Map<string, string> {
  const numbered = numberedNames(verifications);
  return new Map(verifications.map((v) => [v.id, numbered.get(v.id) ?? verificationLabel(v.type)]));
}

export function reportLabel(type: string): string {
  const key = reportLabels[type];
  if (key) return t(key);
  return humanise(type.replace(/^report\//, '')) || t('reportFallback');
}

/** A watchlist's kind: `sanction` → "sanctions"; another machine word spaced out, any else as is. */
export function listTypeLabel(type: string): string {
  const key = listTypeLabels[type.toLowerCase().replace(/[_\s]+/g, '-')];
  if (key) return t(key);
  return /^[a-z0-9_-]+$/.test(type) ? type.replace(/[_-]+/g, ' ') : type;
}

/** What a photo's alt text says, e.g. "Government ID front", "Document page 2". */
export function photoLabel(photo: Pick<PhotoView, 'name' | 'page'>): string {
  const key = photoLabels[photo.name];
  if (key) return t(key);
  if (photo.name === 'files') return t('photoDocumentPage', String(photo.page ?? 1));
  const page = String(photo.page ?? photo.name)
    .replace(/[_-]+/g, ' ')
    .trim();
  return t('photoIdPage', page);
}

export function scoreLabel(name: string): string {
  const key = scoreLabels[name];
  return key ? t(key) : humanise(name);
}
