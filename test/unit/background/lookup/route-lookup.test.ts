import { describe, expect, it } from 'vitest';
import { suggestLookups } from '../../../../src/background/lookup/omnibox-suggestions.ts';
import { routeLookup } from '../../../../src/background/lookup/route-lookup.ts';

describe('routeLookup', () => {
  it.each([
    ['inq_2Y5p8Ykw3YnmTAyc6fNV9bKk', { inquiry: 'inq_2Y5p8Ykw3YnmTAyc6fNV9bKk' }],
    ['customer sent inq_ABCDEF123456 yesterday', { inquiry: 'inq_ABCDEF123456' }],
    [
      'https://app.withpersona.com/dashboard/inquiries/inq_ABCDEF123456?x=1',
      { inquiry: 'inq_ABCDEF123456' },
    ],
    ['  user-123 ', { search: 'user-123' }],
    ['two\n  lines', { search: 'two lines' }],
  ])('routes %j', (text, expected) => {
    expect(routeLookup(text, 1)).toEqual({ ...expected, at: 1 });
  });

  it('ignores an empty selection and caps a long one', () => {
    expect(routeLookup('   ', 1)).toBeUndefined();
    expect(routeLookup('x'.repeat(500), 1)?.search).toHaveLength(200);
  });
});

describe('suggestLookups', () => {
  const watchlist = [
    {
      id: 'inq_AAAAAA111111',
      referenceId: 'user-123',
      status: 'completed',
      addedAt: 1,
      changedAt: 1,
      seen: true,
    },
    {
      id: 'inq_BBBBBB222222',
      referenceId: '<script>',
      status: 'needs_review',
      addedAt: 1,
      changedAt: 1,
      seen: false,
    },
  ];

  it('suggests watched inquiries and recent lookups that match, escaped for the omnibox', () => {
    const out = suggestLookups('user', watchlist, ['user-999', 'other']);
    expect(out.map((s) => s.content)).toEqual(['inq_AAAAAA111111', 'user-999']);
    const all = suggestLookups('', watchlist, []);
    expect(all[1]?.description).toContain('&lt;script&gt;');
    expect(all[1]?.description).not.toContain('<script>');
    // The status in words, not Persona's machine word.
    expect(all[0]?.description).toContain('<dim>Completed, awaiting decision</dim>');
    expect(all[1]?.description).toContain('<dim>Needs review</dim>');
  });
});
