import { describe, expect, it } from 'vitest';
import type {
  FieldView,
  InquiryView,
  VerificationView,
} from '../../../src/shared/persona/view-model.ts';
import { idMismatches } from '../../../src/ui/components/id-mismatch.ts';
import { signals } from '../../../src/ui/components/needs-a-look.ts';

const fields = (values: Record<string, string>): FieldView[] =>
  Object.entries(values).map(([name, value]) => ({ key: name, name, value }));

function governmentId(id: string, status: string, read: Record<string, string>): VerificationView {
  return {
    id,
    type: 'verification/government-id',
    status,
    loaded: true,
    checks: [],
    fields: fields(read),
  };
}

function inquiry(held: Record<string, string>, ...verifications: VerificationView[]): InquiryView {
  return {
    id: 'inq_1',
    status: 'needs_review',
    tags: [],
    timestamps: {},
    redacted: false,
    verifications,
    reports: [],
    fields: fields(held),
  };
}

const anna = { 'name-first': 'Anna', 'name-last': 'Schmidt', birthdate: '1990-04-02' };

describe('a passed government ID against the inquiry’s name and date of birth', () => {
  it('says a name that differs, both spelled as they are, and a date of birth that differs, unshown', () => {
    const read = inquiry(
      anna,
      governmentId('ver_1', 'passed', {
        'name-first': 'ANNE',
        'name-last': 'SCHMITT',
        birthdate: '1990-02-04',
      }),
    );
    expect(idMismatches(read)).toEqual([
      [
        'ver_1',
        "name on the ID ANNE SCHMITT, the inquiry's Anna Schmidt; date of birth on the ID differs from the inquiry's",
      ],
    ]);
    // Among what needs a look, by the card's name, leading to it.
    expect(signals(read)).toContainEqual({
      text: "Government ID: name on the ID ANNE SCHMITT, the inquiry's Anna Schmidt; date of birth on the ID differs from the inquiry's",
      target: 'verification-ver_1',
    });
  });

  it('reads capitals, accents, spacing and hyphens as the same, and a time after the date', () => {
    const read = inquiry(
      { 'name-first': 'Anna-Lena', 'name-last': 'Müller', birthdate: '1990-04-02' },
      governmentId('ver_1', 'passed', {
        'name-first': 'ANNA LENA',
        'name-last': 'MULLER',
        birthdate: '1990-04-02T00:00:00.000Z',
      }),
    );
    expect(idMismatches(read)).toEqual([]);
  });

  it('compares only what both hold, and only IDs that passed', () => {
    expect(
      idMismatches(inquiry(anna, governmentId('ver_1', 'passed', { 'name-last': 'Schmidt' }))),
    ).toEqual([]);
    // Redacted: the view's "—" is no value.
    expect(
      idMismatches(
        inquiry(anna, governmentId('ver_1', 'passed', { 'name-first': '—', birthdate: '—' })),
      ),
    ).toEqual([]);
    // A failed one is listed for failing already; its reading is not the person's.
    expect(
      idMismatches(inquiry(anna, governmentId('ver_1', 'failed', { 'name-first': 'Bob' }))),
    ).toEqual([]);
  });
});
