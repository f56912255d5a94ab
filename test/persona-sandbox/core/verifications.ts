import { buildChecks, type CheckProfile, verdict } from './checks.ts';
import { databaseData, governmentIdData, selfieData } from './extracted-data.ts';
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
