// The vendored Persona examples (fixtures/NOTICE) and variants built from them. Every loader
// returns a fresh deep copy, so a test may change it freely.
import inquiryCreate from './fixtures/inquiry-create-201.json' with { type: 'json' };
import inquiryOneTimeLink from './fixtures/inquiry-generate-one-time-link-200.json' with {
  type: 'json',
};
import inquiryList from './fixtures/inquiry-list-200.json' with { type: 'json' };
import inquiryRetrieve from './fixtures/inquiry-retrieve-200.json' with { type: 'json' };
import inquiryRetrieveV2023 from './fixtures/inquiry-retrieve-200-v2023-01-05.json' with {
  type: 'json',
};
import verificationDatabase from './fixtures/verification-database-retrieve-200.json' with {
  type: 'json',
};
import verificationGovernmentId from './fixtures/verification-government-id-retrieve-200.json' with {
  type: 'json',
};
import eventInquiryCompleted from './fixtures/webhook-event-inquiry-completed.json' with {
  type: 'json',
};
import eventGovernmentIdFailed from './fixtures/webhook-event-verification-failed-government-id.json' with {
  type: 'json',
};
import eventSelfieRetry from './fixtures/webhook-event-verification-requires-retry-selfie.json' with {
  type: 'json',
};

const fixtures = {
  'inquiry-create-201': inquiryCreate,
  'inquiry-generate-one-time-link-200': inquiryOneTimeLink,
  'inquiry-list-200': inquiryList,
  'inquiry-retrieve-200': inquiryRetrieve,
  'inquiry-retrieve-200-v2023-01-05': inquiryRetrieveV2023,
  'verification-database-retrieve-200': verificationDatabase,
  'verification-government-id-retrieve-200': verificationGovernmentId,
  'webhook-event-inquiry-completed': eventInquiryCompleted,
  'webhook-event-verification-failed-government-id': eventGovernmentIdFailed,
  'webhook-event-verification-requires-retry-selfie': eventSelfieRetry,
};

export type FixtureName = keyof typeof fixtures;
export const fixtureNames = Object.keys(fixtures) as FixtureName[];

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely in tests
export type Json = any;

export function fixture(name: FixtureName): Json {
  return structuredClone(fixtures[name]);
}

/** The `{data, included}` document inside a webhook event's payload. */
export function eventPayload(name: FixtureName): Json {
  return fixture(name).data.attributes.payload;
}

type Inflection = 'snake' | 'camel';

const inflect: Record<Inflection, (key: string) => string> = {
  snake: (key) => key.replace(/-/g, '_'),
  camel: (key) => key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
};

/**
 * The body as Persona sends it with `Key-Inflection: snake|camel`: every key re-cased, `type`
 * values untouched. With `fieldKeys`, keys inside `fields` too (a template keyed that way).
 */
export function reinflect(value: Json, inflection: Inflection, fieldKeys = false): Json {
  if (Array.isArray(value)) return value.map((item) => reinflect(item, inflection, fieldKeys));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, Json> = {};
  for (const [key, child] of Object.entries(value)) {
    const inFields = key === 'fields';
    out[inflect[inflection](key)] =
      inFields && !fieldKeys
        ? child
        : inFields
          ? Object.fromEntries(
              Object.entries(child as object).map(([k, v]) => [inflect[inflection](k), v]),
            )
          : reinflect(child, inflection, fieldKeys);
  }
  return out;
}
