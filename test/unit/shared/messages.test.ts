// parseRequest: every message the background accepts is parsed with the schema of the request its
// `type` names, built on first use (so a worker started for one request builds one schema). The
// background parses with the checks generated from those schemas; the cases below hold both.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRequest as backgroundParse } from '../../../src/shared/generated/request-checks.ts';
import { parseRequest, type RequestType, requests } from '../../../src/shared/messages.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([
  ['the zod schemas (messages.ts)', parseRequest],
  ["the background's generated checks", backgroundParse],
])('parseRequest with %s', (_, parseRequest) => {
  it('parses a request with its own fields, and drops fields it does not have', () => {
    expect(parseRequest({ type: 'getInquiry', id: 'inq_AAAAAA111111', extra: 'x' })).toEqual({
      type: 'getInquiry',
      id: 'inq_AAAAAA111111',
    });
    expect(parseRequest({ type: 'ping', id: 'inq_AAAAAA111111' })).toEqual({ type: 'ping' });
  });

  it('refuses a request whose fields do not fit its type, even if they fit another', () => {
    expect(parseRequest({ type: 'getInquiry' })).toBeUndefined();
    expect(parseRequest({ type: 'getInquiry', id: 42 })).toBeUndefined();
    // `query` is findInquiries', not getInquiry's.
    expect(parseRequest({ type: 'getInquiry', query: 'inq_AAAAAA111111' })).toBeUndefined();
    expect(parseRequest({ type: 'inquiryAction', id: 'inq_A', action: 'delete' })).toBeUndefined();
  });

  it.each([
    ['no object', 'ping'],
    ['null', null],
    ['an array', [{ type: 'ping' }]],
    ['no type', {}],
    ['an unknown type', { type: 'nope' }],
    ['a type that is no string', { type: 42 }],
    ['a name every object has', { type: 'toString' }],
    ['a prototype name', { type: '__proto__' }],
    ['a constructor name', { type: 'constructor' }],
  ])('refuses %s', (_, message) => {
    expect(parseRequest(message)).toBeUndefined();
  });
});

describe('parseRequest', () => {
  it('builds a request’s schema when the first request of its type comes, and only once', () => {
    const types = Object.keys(requests) as RequestType[];
    const built = types.map((type) => vi.spyOn(requests[type], 'shape'));
    for (let i = 0; i < 3; i++) parseRequest({ type: 'markSeen', ids: ['inq_AAAAAA111111'] });
    const calls = Object.fromEntries(types.map((type, i) => [type, built[i]?.mock.calls.length]));
    expect(calls.markSeen).toBe(1);
    expect(Object.entries(calls).filter(([type, n]) => type !== 'markSeen' && n !== 0)).toEqual([]);
  });

  it('has a schema for every request', () => {
    for (const type of Object.keys(requests) as RequestType[]) {
      const shape = requests[type].shape();
      expect(typeof shape, type).toBe('object');
      // Every field is a zod schema (it has zod's internals).
      for (const [field, schema] of Object.entries(shape))
        expect(schema, `${type}.${field}`).toHaveProperty('_zod');
    }
  });
});
