import { buildChecks, type CheckProfile, verdict } from './checks.ts';
import type { Identity } from './identity.ts';
import { newId, stableId } from './ids.ts';
import type { SandboxStore } from './store.ts';
import type { InquiryRecord, VerificationKind, VerificationRecord } from './types.ts';

export const VERIFICATION_KINDS: readonly VerificationKind[] = [
  'government-id',
  'selfie',
  'database',
];

const DEFAULT_TEMPLATES = new Map(
  VERIFICATION_KINDS.map((kind) => [kind, stableId('vtmpl_', `sandbox-${kind}`)]),
);
const templateVersions = new Map<string, string>();

export function defaultTemplateId(kind: VerificationKind): string {
  return DEFAULT_TEMPLATES.get(kind) as string;
}

function templateVersionOf(templateId: string): string {
  let version = templateVersions.get(templateId);
  if (!version) {
    version = stableId('vtmplv_', templateId);
    templateVersions.set(templateId, version);
  }
  return version;
}

/**
 * Persona knows each verification template's type; the sandbox cannot, so it reads the type
 * from the id: "selfie" or "database"/"db" in a `vtmpl_` id picks that type, anything else is a
 * government ID. The sandbox's own template ids (defaultTemplateId) resolve to their type.
 */
export function kindForTemplate(templateId: string): VerificationKind {
  for (const kind of VERIFICATION_KINDS) if (defaultTemplateId(kind) === templateId) return kind;
  const lower = templateId.toLowerCase();
  if (lower.includes('selfie')) return 'selfie';
  if (lower.includes('database') || lower.includes('db')) return 'database';
  return 'government-id';
}

function governmentIdData(identity: Identity, failed: boolean, year: number) {
  return {
    'entity-confidence-score': failed ? 41.7 : 97.4,
    'entity-confidence-reasons': failed ? ['low_confidence_entity_match'] : ['generic'],
    'id-class': 'dl',
    'capture-method': 'upload',
    'name-first': identity.nameFirst.toUpperCase(),
    'name-middle': identity.nameMiddle?.toUpperCase() ?? null,
    'name-last': identity.nameLast.toUpperCase(),
    'name-suffix': null,
    'native-name-first': null,
    'native-name-middle': null,
    'native-name-last': null,
    'native-name-title': null,
    birthdate: identity.birthdate,
    'issuing-authority': identity.addressSubdivisionAbbr,
    'issuing-subdivision': identity.addressSubdivisionAbbr,
    nationality: null,
    'document-number': identity.documentNumber,
    'visa-status': null,
    // A failed ID is an expired licence, which is what id_expired_detection then reports.
    'issue-date': `${failed ? year - 9 : year - 2}-03-14`,
    'expiration-date': `${failed ? year - 1 : year + 4}-03-14`,
    designations: [],
    birthplace: null,
    endorsements: null,
    height: null,
    sex: null,
    restrictions: null,
    'vehicle-class': 'C',
    'identification-number': identity.identificationNumber,
    'from-reusable-persona': false,
    'address-street-1': identity.addressStreet1.toUpperCase(),
    'address-street-2': identity.addressStreet2?.toUpperCase() ?? null,
    'address-city': identity.addressCity.toUpperCase(),
    'address-subdivision': identity.addressSubdivisionAbbr,
    'address-postal-code': identity.addressPostalCode,
  };
}

function selfieData(failed: boolean) {
  return {
    'capture-method': 'video',
    'center-photo-face-coordinates': null,
    'document-similarity-score': failed ? 12.6 : 96.2,
    'entity-confidence-reasons': failed ? ['low_similarity'] : [],
    'from-reusable-persona': false,
    'selfie-similarity-score-left': failed ? 33.1 : 94.8,
    'selfie-similarity-score-right': failed ? 30.4 : 95.3,
  };
}

function databaseData(identity: Identity) {
  return {
    'name-first': identity.nameFirst,
    'name-middle': identity.nameMiddle,
    'name-last': identity.nameLast,
    birthdate: identity.birthdate,
    'phone-number': identity.phoneNumber,
    'email-address': identity.emailAddress,
    'address-street-1': identity.addressStreet1,
    'address-street-2': identity.addressStreet2,
    'address-city': identity.addressCity,
    'address-subdivision': identity.addressSubdivision,
    'address-postal-code': identity.addressPostalCode,
    'normalized-address-street-1': identity.addressStreet1.toUpperCase(),
    'normalized-address-street-2': identity.addressStreet2?.toUpperCase() ?? null,
    'normalized-address-city': identity.addressCity.toUpperCase(),
    'normalized-address-subdivision': identity.addressSubdivisionAbbr,
    'normalized-address-postal-code': identity.addressPostalCode,
    'identification-number': null,
    'document-number': null,
    'document-issuing-date': null,
    'document-expiry-date': null,
    'document-issuing-subdivision': null,
  };
}

const FILES: Record<VerificationKind, string[]> = {
  'government-id': ['front', 'back'],
  selfie: ['center', 'left', 'right'],
  database: [],
};

export interface VerificationInput {
  kind: VerificationKind;
  profile: CheckProfile;
  identity: Identity;
  /** Created → submitted → completed happen between these two instants. */
  from: number;
  to: number;
  templateId?: string;
}

export function createVerification(
  store: SandboxStore,
  inquiry: InquiryRecord,
  input: VerificationInput,
): VerificationRecord {
  const { kind, profile, identity, from, to } = input;
  const checks = buildChecks(kind, profile);
  const status = verdict(checks);
  const failed = status === 'failed';
  const templateId = input.templateId ?? defaultTemplateId(kind);
  const span = Math.max(0, to - from);
  const year = new Date(to).getUTCFullYear();
  const record: VerificationRecord = {
    id: newId('ver_'),
    kind,
    inquiryId: inquiry.id,
    status,
    createdAt: from,
    submittedAt: from + Math.round(span * 0.6),
    completedAt: to,
    redactedAt: null,
    countryCode: identity.countryCode,
    templateId,
    templateVersionId: templateVersionOf(templateId),
    checks,
    extracted:
      kind === 'government-id'
        ? governmentIdData(identity, failed, year)
        : kind === 'selfie'
          ? selfieData(failed)
          : databaseData(identity),
    files: FILES[kind],
  };
  store.verifications.set(record.id, record);
  inquiry.verificationIds.push(record.id);
  return record;
}
