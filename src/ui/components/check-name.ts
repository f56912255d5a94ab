// The names of Persona's checks, in the reader's language. A check named here is said in the
// reader's language; any other is its machine name in words (shared/persona/labels.ts, English).
// The names are the government ID, selfie and database checks the local sandbox produces
// (test/persona-sandbox/core/checks.ts; docs/persona.md#verifications-and-checks).
import { type MessageKey, t } from '../../shared/i18n.ts';
import { humanise } from '../../shared/persona/labels.ts';

const named: ReadonlySet<string> = new Set<MessageKey>([
  'check_database_address_comparison',
  'check_database_address_deliverable_detection',
  'check_database_birthdate_comparison',
  'check_database_deceased_detection',
  'check_database_identity_comparison',
  'check_database_name_comparison',
  'check_database_phone_number_comparison',
  'check_database_po_box_detection',
  'check_id_aamva_database_lookup',
  'check_id_age_inconsistency_detection',
  'check_id_barcode_detection',
  'check_id_barcode_inconsistency_detection',
  'check_id_blur_detection',
  'check_id_color_inconsistency_detection',
  'check_id_compromised_detection',
  'check_id_disallowed_country_detection',
  'check_id_disallowed_type_detection',
  'check_id_double_side_detection',
  'check_id_electronic_replica_detection',
  'check_id_entity_detection',
  'check_id_expired_detection',
  'check_id_extracted_properties_detection',
  'check_id_fabrication_detection',
  'check_id_glare_detection',
  'check_id_mrz_detection',
  'check_id_po_box_detection',
  'check_id_portrait_clarity_detection',
  'check_id_portrait_detection',
  'check_id_repeat_detection',
  'check_id_tamper_detection',
  'check_id_type_detection',
  'check_id_valid_dates_detection',
  'check_selfie_account_comparison',
  'check_selfie_glasses_detection',
  'check_selfie_id_comparison',
  'check_selfie_liveness_detection',
  'check_selfie_multiple_faces_detection',
  'check_selfie_pose_detection',
  'check_selfie_pose_repeat_detection',
  'check_selfie_public_figure_detection',
  'check_selfie_suspicious_entity_detection',
]);

export function checkName(check: { name: string }): string {
  const key = `check_${check.name}`;
  if (named.has(key)) return t(key as MessageKey);
  return humanise(check.name) || t('checkFallback');
}
