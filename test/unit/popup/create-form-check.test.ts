// The create form's own checks say at the field what the background's request schema would
// refuse as malformed: one longer than the request allows is marked, one at the limit is sent.
import { describe, expect, it } from 'vitest';
import { parseRequest as backgroundParse } from '../../../src/shared/generated/request-checks.ts';
import { parseRequest } from '../../../src/shared/messages.ts';
import { perPrefillField } from '../../../src/shared/per-prefill-field.ts';
import type { Draft } from '../../../src/shared/storage-items.ts';
import {
  buildCreateRequest,
  type CreateField,
  checkCreateForm,
  longestField,
} from '../../../src/ui/views/create-form-check.ts';

const valid: Draft = {
  templateId: 'itmpl_Form00000001',
  referenceId: 'ticket-1',
  ...perPrefillField(() => ''),
  emailAddress: 'ada@example.com',
  phoneNumber: '+1 (415) 555-0100',
  search: '',
};

/** A field filled to `length` in a way its own format check accepts. */
function filled(key: CreateField, length: number): string {
  if (key === 'templateId') return `itmpl_${'A'.repeat(length - 6)}`;
  if (key === 'emailAddress') return `${'a'.repeat(length - 12)}@example.com`;
  if (key === 'phoneNumber') return '5'.repeat(length);
  return 'x'.repeat(length);
}

describe('checkCreateForm', () => {
  it.each(Object.keys(longestField) as CreateField[])(
    '%s: sends one at the request’s limit, says at the field one past it',
    (key) => {
      const max = longestField[key];
      const atLimit = { ...valid, [key]: filled(key, max) };
      expect(checkCreateForm(atLimit)).toEqual({});
      const request = buildCreateRequest(atLimit, 'key-00000001');
      expect(parseRequest(request)).toBeDefined();
      expect(backgroundParse(request)).toBeDefined();

      const over = { ...valid, [key]: filled(key, max + 1) };
      expect(checkCreateForm(over)).toEqual({
        [key]: `At most ${max} characters: this has ${max + 1}.`,
      });
      expect(parseRequest(buildCreateRequest(over, 'key-00000001'))).toBeUndefined();
    },
  );

  it.each(['abc', '12', '+1 415 abc 0100', 'call me'])('says %j is no phone number', (phone) => {
    expect(checkCreateForm({ ...valid, phoneNumber: phone })).toEqual({
      phoneNumber:
        'This does not look like a phone number: use digits, with + and spaces if you like.',
    });
  });

  it.each(['+49 30 1234567', '(415) 555-0100', '030.123.456', '5550100'])(
    'takes %j as a phone number',
    (phone) => {
      expect(checkCreateForm({ ...valid, phoneNumber: phone })).toEqual({});
    },
  );
});
