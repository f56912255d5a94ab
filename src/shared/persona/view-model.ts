// What the popup renders for one inquiry: plain data only (strings, numbers, booleans, arrays),
// so it can be kept in storage.session and sent between extension contexts as it is.
import type { InquiryActions, Tone } from './status.ts';

export interface FieldView {
  /** The key as Persona sent it (template casing), e.g. `name_first`. */
  key: string;
  /** The kebab form used to recognise it, e.g. `name-first`. */
  name: string;
  label: string;
  /** The value as text: dates and numbers as Persona wrote them, lists joined, objects as JSON. */
  value: string;
  /** Persona's field type (`string`, `date`, `selfie`, …) when it said one. */
  type?: string;
  /** Identity numbers, document numbers and birthdates: masked until the reviewer reveals them. */
  sensitive: boolean;
}

export interface CheckView {
  name: string;
  label: string;
  status: string;
  tone: Tone;
  /** `required` or `requires_retry` (a failure blocks the verification). */
  required: boolean;
  requirement?: string;
  reasons: string[];
}

export interface VerificationView {
  id: string;
  type: string;
  label: string;
  status: string;
  tone: Tone;
  /** False when the inquiry only names the verification (not in `included`); fetch it to see more. */
  loaded: boolean;
  createdAt?: string;
  submittedAt?: string;
  completedAt?: string;
  redactedAt?: string;
  countryCode?: string;
  checks: CheckView[];
  fields: FieldView[];
}

export interface ReportView {
  id: string;
  type: string;
  label: string;
  status: string;
  hasMatch?: boolean;
  loaded: boolean;
  createdAt?: string;
  completedAt?: string;
}

export interface InquiryTimestamps {
  createdAt?: string;
  startedAt?: string;
  completedAt?: string;
  failedAt?: string;
  expiredAt?: string;
  markedForReviewAt?: string;
  decisionedAt?: string;
  expiresAt?: string;
  updatedAt?: string;
  redactedAt?: string;
}

export interface InquiryView {
  id: string;
  /** Persona's raw status word (`needs_review`, or anything new) shown as is. */
  status: string;
  statusLabel: string;
  tone: Tone;
  final: boolean;
  referenceId?: string;
  /** `itmpl_…` (or a legacy `tmpl_…`). */
  templateId?: string;
  templateVersionId?: string;
  accountId?: string;
  tags: string[];
  note?: string;
  reviewerComment?: string;
  creator?: string;
  previousStepName?: string;
  nextStepName?: string;
  timestamps: InquiryTimestamps;
  redacted: boolean;
  verifications: VerificationView[];
  reports: ReportView[];
  fields: FieldView[];
  actions: InquiryActions;
}

/** Sets an optional property only when there is a value, keeping the view free of `undefined`. */
export function assign<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
) {
  if (value !== undefined) target[key] = value;
}
