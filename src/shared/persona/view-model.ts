// What the popup renders for one inquiry: plain data only (strings, numbers, booleans, arrays),
// so it can be kept in storage.session and sent between extension contexts as it is. It holds
// Persona's machine names (field, check, verification, report, photo and score names), not their
// words: the pages put those in words as they render (src/ui/components/view-labels.ts), which
// keeps the label tables out of the background's script.
import { toCamel } from './key-inflection.ts';

export interface FieldView {
  /** The key as Persona sent it (template casing), e.g. `name_first`. */
  key: string;
  /** The kebab form used to recognise it, e.g. `name-first`. */
  name: string;
  /** The value as text: dates and numbers as Persona wrote them, lists joined, objects as JSON. */
  value: string;
  // Whether it is masked is the pages' to say (fields.ts isMaskedField): the background's script
  // carries no list of identity numbers' names.
}

// Verifications and checks carry Persona's status, not a colour: the pages colour it
// (src/ui/components/verification-tone.ts), so the background's script carries no tones.
export interface CheckView {
  name: string;
  status: string;
  /** `required` or `requires_retry` (a failure blocks the verification). */
  required: boolean;
  reasons: string[];
}

/** A photo Persona keeps for a verification: its signed, short-lived URL, never the image. */
export interface PhotoView {
  /**
   * The attribute it came from: `front-photo-url`, `center-photo-url`, …; `photo-urls` for a
   * further page of an ID (named by `page`), `files` for a document's page (numbered by `page`).
   */
  name: string;
  page?: string | number;
  url: string;
}

/** A score Persona gives next to a verification (0–100), e.g. selfie-to-document similarity. */
export interface ScoreView {
  /** The attribute, e.g. `document-similarity-score`. */
  name: string;
  value: number;
}

export interface VerificationView {
  id: string;
  type: string;
  status: string;
  /** False when the inquiry only names the verification (not in `included`); fetch it to see more. */
  loaded: boolean;
  checks: CheckView[];
  fields: FieldView[];
  /** ID front and back, selfie poses, document pages; shown only after "Show photos". */
  photos?: PhotoView[];
  scores?: ScoreView[];
}

/** One hit of a watchlist, PEP or adverse-media report. */
export interface ReportMatchView {
  /** Who or what matched; absent when Persona names nobody. */
  name?: string;
  /** The watchlist it matched on, by name; absent for an unnamed list, a PEP or a media match. */
  list?: string;
  /** A politically-exposed-person or adverse-media match rather than a watchlist's. */
  kind?: 'pep' | 'media';
  /**
   * A watchlist's kind, Persona's word (`sanction`); a PEP match's position, an adverse-media
   * match's article title, as Persona wrote them.
   */
  listType?: string;
  /** Only when Persona gives one. */
  score?: number;
  /** A watchlist's region, Persona's `flag-code` (`EU`, `US`). */
  flag?: string;
  /** A watchlist's page, Persona's `url`, as given: the page links it only if it is https. */
  url?: string;
}

export interface ReportView {
  id: string;
  type: string;
  status: string;
  hasMatch?: boolean;
  loaded: boolean;
  /** Present when the report itself was read (`GET /reports/{id}` or a full include). */
  matches?: ReportMatchView[];
}

/** One inquiry session: the device and network the person used. */
export interface SessionView {
  id: string;
  status: string;
  createdAt?: string;
  ipAddress?: string;
  countryCode?: string;
  countryName?: string;
  regionName?: string;
  deviceType?: string;
  deviceName?: string;
  osName?: string;
  browserName?: string;
  userAgent?: string;
  isp?: string;
  isVpn?: boolean;
  isProxy?: boolean;
  isTor?: boolean;
  isDatacenter?: boolean;
  threatLevel?: string;
}

/** One event of `GET /events` (inquiry.approved, verification.passed, …). */
export interface EventView {
  id: string;
  name: string;
  createdAt?: string;
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
  referenceId?: string;
  /** `itmpl_…` (or a legacy `tmpl_…`). */
  templateId?: string;
  templateVersionId?: string;
  accountId?: string;
  tags: string[];
  note?: string;
  reviewerComment?: string;
  /**
   * Persona's risk signals of the person's behaviour in the flow (`behaviors`), as they came,
   * unread: the public spec names none of its keys (an object, or null), and says they may be
   * added or removed over time. The page shows what is there (behaviour-signals.ts).
   */
  behaviors?: unknown;
  timestamps: InquiryTimestamps;
  redacted: boolean;
  verifications: VerificationView[];
  reports: ReportView[];
  /** Device and network of each session, when the read included sessions. */
  sessions?: SessionView[];
  /** Who decided: Persona's `reviewer` relationship (user, workflow, workflow-run). */
  reviewer?: { type: string; id: string };
  fields: FieldView[];
}

/** Sets an optional property only when there is a value, keeping the view free of `undefined`. */
export function assign<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
) {
  if (value !== undefined) target[key] = value;
}

/** `reviewer-comment` → `reviewerComment`: a view's name for an attribute, as toCamel spells it. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** `K` where the view `T` has its camel-case name, else `never`: a key it lacks is a type error. */
type ViewKey<T, K extends string> = K extends unknown
  ? Camel<K> extends keyof T
    ? K
    : never
  : never;

/**
 * {@link assign} for each of `keys`, from the attribute to the view's property of the same name
 * in camel case, so the view's names are not written out a second time.
 */
export function assignAttributes<T extends object, K extends string>(
  target: T,
  attributes: NoInfer<{ readonly [P in K]?: Camel<P> extends keyof T ? T[Camel<P>] : never }>,
  keys: readonly NoInfer<ViewKey<T, K>>[] & readonly K[],
): void {
  for (const key of keys) {
    const name = toCamel(key) as Camel<K> & keyof T;
    assign(target, name, attributes[key] as T[typeof name] | undefined);
  }
}
