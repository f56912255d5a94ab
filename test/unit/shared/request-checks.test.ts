// The background parses every request without zod, with the checks generated from each request's
// schema (src/shared/generated/request-checks.ts). For every request type, and for messages that
// name none, it must give exactly what messages.ts `parseRequest` gives with zod; and the module
// must be what the generator makes of today's schemas.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRequestChecks, requestChecksPath } from '../../../scripts/lib/worker-checks.ts';
import { parseRequest as generatedParse } from '../../../src/shared/generated/request-checks.ts';
import {
  MAX_MARK_SEEN,
  parseRequest,
  type RequestType,
  requestSchema,
  requests,
} from '../../../src/shared/messages.ts';
import { describeRaw, expectSameValue } from './same-answers.ts';
import { keysOf, mutate, nasty, sample, seeded } from './zod-samples.ts';

const types = Object.keys(requests) as RequestType[];

function expectSameRequest(message: unknown): boolean {
  const want = parseRequest(message);
  expectSameValue(generatedParse(message), want, () => `request ${describeRaw(message)}`);
  return want !== undefined;
}

const id = 'inq_AAAAAA111111';
const emoji = (n: number) => '😀'.repeat(n);

/** Edges each request's fields have: absent, undefined, extra keys, bounds in code points. */
const handPicked: unknown[] = [
  'ping',
  null,
  undefined,
  [{ type: 'ping' }],
  Object.assign([], { type: 'ping' }),
  {},
  { type: 'nope' },
  { type: 42 },
  { type: 'toString' },
  { type: '__proto__' },
  { type: 'constructor' },
  { type: 'hasOwnProperty' },
  Object.create({ type: 'ping' }),
  Object.assign(Object.create(null), { type: 'ping' }),
  Object.assign(Object.create({ id }), { type: 'getInquiry' }),
  JSON.parse(`{"type":"getInquiry","__proto__":{"id":"${id}"}}`),
  new Date(0),
  { type: 'ping', extra: 1 },
  { type: 'getInquiry', id, extra: 'x' },
  { type: 'getInquiry', id, refresh: undefined },
  { type: 'getInquiry', id: '' },
  { type: 'getInquiry', id: 'x'.repeat(100) },
  { type: 'getInquiry', id: 'x'.repeat(101) },
  { type: 'getInquiry', id: emoji(100) },
  { type: 'getInquiry', id: emoji(101) },
  { type: 'watch', id: 'inq_A' },
  { type: 'watch', id: '../inq_AAAAAA111111' },
  { type: 'watch', id: `inq_${'A'.repeat(96)}` },
  { type: 'watch', id: `inq_${'A'.repeat(97)}` },
  { type: 'markSeen', ids: Array(MAX_MARK_SEEN).fill(id) },
  { type: 'markSeen', ids: Array(MAX_MARK_SEEN + 1).fill(id) },
  { type: 'markSeen', ids: [id, '..'] },
  // biome-ignore lint/suspicious/noSparseArray: a list with a hole in it
  { type: 'markSeen', ids: [id, , id] },
  { type: 'createInquiry', idempotencyKey: 'x'.repeat(7), templateId: 't' },
  { type: 'createInquiry', idempotencyKey: emoji(8), templateId: 't' },
  { type: 'createInquiry', idempotencyKey: `${emoji(3)}x`, templateId: 't' },
  { type: 'createInquiry', idempotencyKey: 'x'.repeat(100), templateId: 't', prefill: {} },
  { type: 'createInquiry', idempotencyKey: 'k'.repeat(8), templateId: 't', prefill: undefined },
  {
    type: 'createInquiry',
    idempotencyKey: 'k'.repeat(8),
    templateId: 't',
    prefill: { nameFirst: 'a', phoneNumber: '1'.repeat(51), other: 'x' },
  },
  { type: 'listInquiries', statuses: [] },
  { type: 'listInquiries', statuses: Array(11).fill('a') },
  ...[0, 1, 1.5, 100, 101, Number.NaN, -0].map((pageSize) => ({
    type: 'listInquiries',
    statuses: ['pending'],
    pageSize,
  })),
  { type: 'inquiryAction', id, action: 'approve', comment: 'x'.repeat(2000) },
  { type: 'inquiryAction', id, action: 'approve', comment: 'x'.repeat(2001) },
  { type: 'inquiryAction', id, action: 'toString' },
  { type: 'changeTag', id, change: 'add', tag: '' },
  { type: 'earlierInquiries', id, accountId: '', referenceId: 'r' },
  { type: 'saveOptions', settings: {} },
  { type: 'saveOptions', settings: { pollSeconds: 5 } },
  { type: 'saveOptions', settings: { templates: [{ name: 'a', id: 'b', x: 1 }] }, key: 'k' },
  { type: 'saveOptions', settings: null },
  { type: 'setPassphrase', passphrase: 'x'.repeat(501) },
  { type: 'getReport', reportId: '' },
  // A reveal's field: a name's characters, 100 at most.
  { type: 'recordReveal', id, field: 'inquiry:birthdate' },
  { type: 'recordReveal', id, field: 'all' },
  { type: 'recordReveal', id, field: 'inquiry:date of birth' },
  { type: 'recordReveal', id, field: 'k'.repeat(101) },
  { type: 'recordReveal', id, field: '' },
  { type: 'recordReveal', id },
];

describe('generated request checks', () => {
  it('have a rule for every request type', () => {
    const source = readFileSync(new URL(`../../../${requestChecksPath}`, import.meta.url), 'utf8');
    for (const type of types) expect(source, type).toContain(`  ${type}: {`);
  });

  it('parse the hand-picked edges as zod does', () => {
    let accepted = 0;
    for (const message of handPicked) if (expectSameRequest(message)) accepted += 1;
    expect(accepted).toBeGreaterThan(15);
    expect(handPicked.length - accepted).toBeGreaterThan(30);
  });

  it.each(types)('parse %s messages as zod does', (type) => {
    const random = seeded([...type].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 11));
    const schema = requestSchema(type);
    const likeKeys = [...keysOf(schema)];
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 1500; i++) {
      const valid = sample(schema, random);
      const message =
        i % 4 === 0
          ? valid
          : i % 25 === 0
            ? nasty(random, likeKeys)
            : mutate(valid, random, likeKeys);
      if (expectSameRequest(message)) accepted += 1;
      else refused += 1;
    }
    // Both answers were exercised for every type.
    expect(accepted, type).toBeGreaterThan(150);
    expect(refused, type).toBeGreaterThan(150);
  });

  it('is the module the generator makes of the schemas today', () => {
    const committed = readFileSync(
      new URL(`../../../${requestChecksPath}`, import.meta.url),
      'utf8',
    );
    // On failure: `npm run gen:checks`, then commit src/shared/generated/.
    expect(committed).toBe(generateRequestChecks());
  });
});
