import type { VerificationCheck, VerificationKind } from './types.ts';

/**
 * How a generated verification turns out:
 * - passed: every required check passes;
 * - failed: some required checks fail with Persona-style reasons;
 * - flagged: passes, but a not-required check fails (what a reviewer should look at).
 */
export type CheckProfile = 'passed' | 'failed' | 'flagged';

type Spec = readonly [
  name: string,
  requirement: VerificationCheck['requirement'],
  onFail?: readonly string[],
];

// Check names as Persona reports them (the OAS examples).
const GOVERNMENT_ID: readonly Spec[] = [
  ['id_aamva_database_lookup', 'not_required'],
  ['id_age_inconsistency_detection', 'required'],
  ['id_barcode_detection', 'required', ['barcode_not_detected']],
  ['id_barcode_inconsistency_detection', 'required'],
  ['id_blur_detection', 'required'],
  ['id_color_inconsistency_detection', 'required'],
  ['id_compromised_detection', 'required'],
  ['id_disallowed_country_detection', 'required'],
  ['id_disallowed_type_detection', 'required'],
  ['id_double_side_detection', 'required'],
  ['id_electronic_replica_detection', 'required'],
  ['id_entity_detection', 'required'],
  ['id_expired_detection', 'required', ['expired']],
  ['id_extracted_properties_detection', 'required'],
  ['id_fabrication_detection', 'required'],
  ['id_glare_detection', 'required'],
  ['id_mrz_detection', 'not_required'],
  ['id_po_box_detection', 'required'],
  ['id_portrait_clarity_detection', 'required'],
  ['id_portrait_detection', 'required'],
  ['id_repeat_detection', 'not_required', ['repeat_detected']],
  ['id_tamper_detection', 'required'],
  ['id_type_detection', 'required'],
  ['id_valid_dates_detection', 'required'],
];

const SELFIE: readonly Spec[] = [
  ['selfie_account_comparison', 'not_required'],
  ['selfie_glasses_detection', 'not_required'],
  ['selfie_id_comparison', 'required', ['low_similarity']],
  ['selfie_liveness_detection', 'required', ['low_liveness_confidence']],
  ['selfie_multiple_faces_detection', 'required'],
  ['selfie_pose_detection', 'required'],
  ['selfie_pose_repeat_detection', 'required'],
  ['selfie_public_figure_detection', 'not_required', ['public_figure_detected']],
  ['selfie_suspicious_entity_detection', 'not_required'],
];

const DATABASE: readonly Spec[] = [
  ['database_address_comparison', 'required'],
  ['database_address_deliverable_detection', 'not_required'],
  ['database_birthdate_comparison', 'required'],
  ['database_deceased_detection', 'required'],
  ['database_identity_comparison', 'required', ['no_matching_record']],
  ['database_name_comparison', 'required', ['name_mismatch']],
  ['database_phone_number_comparison', 'not_required'],
  ['database_po_box_detection', 'not_required'],
];

const SPECS: Record<VerificationKind, readonly Spec[]> = {
  'government-id': GOVERNMENT_ID,
  selfie: SELFIE,
  database: DATABASE,
};

// Which checks fail (or get flagged) for each kind; everything else passes.
const FAILING: Record<VerificationKind, readonly string[]> = {
  'government-id': ['id_expired_detection', 'id_barcode_detection'],
  selfie: ['selfie_id_comparison', 'selfie_liveness_detection'],
  database: ['database_name_comparison', 'database_identity_comparison'],
};
const FLAGGED: Record<VerificationKind, readonly string[]> = {
  'government-id': ['id_repeat_detection'],
  selfie: ['selfie_public_figure_detection'],
  database: [],
};
// Checks Persona reports as not applicable to a US driver licence with no account history.
const NOT_APPLICABLE = new Set([
  'id_aamva_database_lookup',
  'id_mrz_detection',
  'selfie_account_comparison',
  'database_phone_number_comparison',
]);

function metadataFor(name: string): Record<string, unknown> {
  if (name === 'id_type_detection' || name === 'id_disallowed_type_detection') {
    return { 'country-code': 'US', 'detected-id-class': 'dl', 'detected-id-designations': [] };
  }
  if (name === 'database_name_comparison') return { 'match-level': 'full' };
  return {};
}

const built = new Map<string, readonly VerificationCheck[]>();

/**
 * The checks of a verification. Lists are shared between verifications of the same kind and
 * profile and never mutated (redaction keeps checks), which keeps 10,000 seeded inquiries light.
 */
export function buildChecks(
  kind: VerificationKind,
  profile: CheckProfile,
): readonly VerificationCheck[] {
  const key = `${kind}/${profile}`;
  let checks = built.get(key);
  if (!checks) {
    checks = Object.freeze(makeChecks(kind, profile));
    built.set(key, checks);
  }
  return checks;
}

function makeChecks(kind: VerificationKind, profile: CheckProfile): VerificationCheck[] {
  const failing = new Set(
    profile === 'failed' ? FAILING[kind] : profile === 'flagged' ? FLAGGED[kind] : [],
  );
  return SPECS[kind].map(([name, requirement, onFail]) => {
    const failed = failing.has(name);
    const status = failed ? 'failed' : NOT_APPLICABLE.has(name) ? 'not_applicable' : 'passed';
    return {
      name,
      status,
      reasons: failed ? [...(onFail ?? ['failed'])] : [],
      requirement,
      metadata: status === 'failed' && name === 'database_name_comparison' ? {} : metadataFor(name),
    };
  });
}

/** A verification fails exactly when one of its required checks fails. */
export function verdict(checks: readonly VerificationCheck[]): 'passed' | 'failed' {
  return checks.some((check) => check.requirement === 'required' && check.status === 'failed')
    ? 'failed'
    : 'passed';
}
