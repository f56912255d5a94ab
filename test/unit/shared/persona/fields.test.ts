// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  collectInquiryFields,
  displayValue,
  isMaskedField,
  isSensitiveField,
  readField,
  toFieldView,
} from '../../../../src/shared/persona/fields.ts';
import {
  keyVariants,
  normaliseKeys,
  toCamel,
  toKebab,
  toSnake,
} from '../../../../src/shared/persona/key-inflection.ts';

describe('key inflection', () => {
  it.each([
    ['nameFirst', 'name-first'],
    ['name_first', 'name-first'],
    ['name-first', 'name-first'],
    ['addressStreet1', 'address-street-1'],
    ['address_street_1', 'address-street-1'],
    ['IDClass', 'id-class'],
    ['createdAtTs', 'created-at-ts'],
    ['selfie', 'selfie'],
  ])('%s → %s', (key, kebab) => {
    expect(toKebab(key)).toBe(kebab);
  });

  it('gives every form of a name', () => {
    expect(toSnake('addressStreet1')).toBe('address_street_1');
    expect(toCamel('address-street-1')).toBe('addressStreet1');
    expect(keyVariants('name-first')).toEqual(['name-first', 'name_first', 'nameFirst']);
  });

  it('re-cases keys but not type values and not the keys inside fields', () => {
    const body = {
      data: {
        type: 'verification/government-id',
        attributes: {
          createdAt: 'x',
          fields: { name_first: { type: 'string', value: 'Ann' }, selectedCountryCode: 'NO' },
          checks: [{ metadata: { matchLevel: 'full' } }],
        },
        relationships: { inquiry_template: { data: null } },
      },
    };
    expect(normaliseKeys(body)).toEqual({
      data: {
        type: 'verification/government-id',
        attributes: {
          'created-at': 'x',
          fields: { name_first: { type: 'string', value: 'Ann' }, selectedCountryCode: 'NO' },
          checks: [{ metadata: { 'match-level': 'full' } }],
        },
        relationships: { 'inquiry-template': { data: null } },
      },
    });
  });
});

describe('readField', () => {
  const attributes = {
    fields: {
      name_first: { type: 'string', value: 'Ann' },
      birthdate: { type: 'date', value: null },
      selectedCountryCode: 'NO',
      'address-city': { type: 'string', value: 'Bergen' },
    },
    birthdate: '1990-02-03',
    'name-last': 'Legacy',
  };

  it('finds a field by any of its names, in fields or at the legacy top level', () => {
    for (const name of ['name-first', 'name_first', 'nameFirst']) {
      expect(readField(attributes, name)).toBe('Ann');
    }
    expect(readField(attributes, 'selected_country_code')).toBe('NO');
    expect(readField(attributes, 'addressCity')).toBe('Bergen');
    // Null in fields falls back to the 2023-01-05 top-level copy.
    expect(readField(attributes, 'birthdate')).toBe('1990-02-03');
    expect(readField(attributes, 'name_last')).toBe('Legacy');
    expect(readField(attributes, 'phone-number')).toBeUndefined();
    expect(readField(undefined, 'name-first')).toBeUndefined();
  });

  it('flags identity numbers, document numbers and birthdates as sensitive', () => {
    for (const name of [
      'birthdate',
      'identification-number',
      'identification_number',
      'documentNumber',
      'social-security-number',
      'passport-number',
      'driver-license-number',
      'national-id-number',
      'ssn',
      // Part of one, masked like all of it.
      'ssn-last4',
      'ssn_last_4',
      'ssnLast4',
      'tin-last-4',
      'ssn4',
      'SSN4',
      'ssn_4',
      'ssn-last-four',
      'ssn-last4-digits',
      'ssn-last-4-digit',
      'itin',
      'itin-last4',
      'tax-identification-number',
      'tax-id',
      // Custom fields under the names KYC templates give them: each template names its own, so
      // every common spelling of an identity number or a date of birth.
      'birthday',
      'birth_day',
      'date_of_birth',
      'dob',
      'nationalIdentityNumber',
      'national_identity_number',
      'national_insurance_number',
      'social_insurance_number',
      'sin',
      'nin',
      'passport_no',
      'passportNr',
      'passport',
      'id_card_number',
      'IDCardNumber',
      'identity_card_number',
      'driver_license_no',
      'drivers_licence_number',
      'tax_number',
      'taxNo',
      'cpf',
      'curp',
      'nric',
      'aadhaar',
      'aadhaar_number',
      'pan',
      'pan_number',
      'personal_number',
      'personnummer',
      'bsn',
      'codice_fiscale',
      'dni',
      'nie',
      'steuer_id',
      'iban',
      'bank_account_number',
      'account_number',
      'document_no',
      'cpf-last-4',
      // Capitals kept by a name written with `_` or `-` (review of this rule).
      'Passport_Number',
      'Date_Of_Birth',
      'SSN_Last4',
      'ID_Number',
      'Tax_ID',
      'PASSPORT_NO',
      'Birth-Date',
      // More spellings and national numbers.
      'doc_number',
      'doc_no',
      'ni_number',
      'taxpayer_id',
      'government_id',
      'state_id',
      'voter_id',
      'citizen_id',
      'residence_permit_number',
      'ssn_full',
      'aadhar_number',
      'nric_fin',
      'tax_file_number',
      'rfc',
      'rut',
      'cuit',
      'nif',
      'pesel',
      'nik',
      'card_number',
      // Written as one word, in another language, or under names met in testing.
      'dateofbirth',
      'DateOfBirth',
      'birth_year',
      'Geburtsdatum',
      'fecha_de_nacimiento',
      'date_de_naissance',
      'data_di_nascita',
      'data_de_nascimento',
      'geboortedatum',
      'birth_month',
      'dob_year',
      'geburtsjahr',
      'anno_di_nascita',
      'date_naissance',
      'dl_number',
      'document_id',
      'numero_documento',
      'numero_de_identidad',
      'cedula',
      'medicare_number',
      'visa_number',
      'credit_card',
      'credit_card_number',
      'ein',
    ]) {
      expect(isSensitiveField(name), name).toBe(true);
    }
    for (const name of [
      'name-first',
      'address-city',
      'birthplace',
      'email-address',
      'tin-can',
      'ssn-verified-at',
      // Another word that ends like one: whole segments only.
      'valid-number',
      'android-number',
      'national-id-type',
      'passport-number-country',
      'latin4',
      // Numbers that are not a person's identity, and words that name one only with a number.
      'phone-number',
      'loyalty-number',
      'reference-number',
      'order-no',
      'vat-number',
      'customer-id',
      'account',
      'tax',
      'tax-residency',
      'document-type',
      'passport-country',
      'passport-expiration-date',
      'birth-country',
      'birthplace-city',
      'company-name',
      'spanish',
      'Phone_Number',
      'Customer_ID',
      'card-type',
      'doctor',
      'nickname',
      'router',
      'visa-type',
      'medicare-eligible',
      'document-id-type',
      'birth-city',
      'dateofissue',
    ]) {
      expect(isSensitiveField(name), name).toBe(false);
    }
  });

  it('shows values as text', () => {
    expect(displayValue('x')).toBe('x');
    expect(displayValue(3.5)).toBe('3.5');
    expect(displayValue(false)).toBe('false');
    expect(displayValue(['a', null, 2])).toBe('a, 2');
    // A list field as Persona wraps it: each item a `{type, value}` pair, shown by its value.
    expect(
      displayValue([
        { type: 'number', value: 3 },
        { type: 'string', value: 'high' },
        { type: 'string', value: null },
      ]),
    ).toBe('3, high');
    // A list or an object among an object's entries, in brackets: left out, it was hidden with no
    // sign (UX re-test s68 L6).
    expect(displayValue({ a: 1, nested: { b: 2 } })).toBe('A: 1, Nested: (B: 2)');
    expect(displayValue({ a: 1, b: [1, 2], c: 'x' })).toBe('A: 1, B: (1, 2), C: x');
    expect(displayValue([[1, 2], [3], { x: 1, y: 2 }])).toBe('(1, 2), (3), (X: 1, Y: 2)');
    expect(displayValue({ level: 'high', empty: [], none: {}, nothing: null })).toBe('Level: high');
    // A hash field as Persona sends it (OAS 2023-01-05, an account's `name`, `address` and
    // `identification_numbers`): its entries are field objects, each shown by its value; an
    // entry with no value shows nothing, not its type.
    const hash = (entries: Record<string, string | null>) => ({
      type: 'hash',
      value: Object.fromEntries(
        Object.entries(entries).map(([k, value]) => [k, { type: 'string', value }]),
      ),
    });
    expect(toFieldView('name', hash({ first: 'Jane', middle: null, last: 'Doe' }))?.value).toBe(
      'First: Jane, Last: Doe',
    );
    const numbers = toFieldView('identification_numbers', {
      type: 'array',
      value: [
        hash({ identification_class: 'visa', identification_number: 'AB-12345678' }),
        hash({ identification_class: 'cct', identification_number: '12345678' }),
      ],
    });
    expect(numbers?.value).toBe(
      '(Identification class: visa, Identification number: AB-12345678), (Identification class: cct, Identification number: 12345678)',
    );
    // A list of identity numbers is masked like one.
    expect(isMaskedField(numbers)).toBe(true);
    expect(displayValue({ id: 'self_ABC123', type: 'Selfie::ProfileAndCenter' })).toBe(
      'Selfie::ProfileAndCenter self_ABC123',
    );
    expect(displayValue({ id: 'doc_XYZ' })).toBe('doc_XYZ');
    for (const empty of [null, undefined, '', '   ', [], ['', null]]) {
      expect(displayValue(empty)).toBeUndefined();
    }
  });

  it('shows a template field without a value as a dash, and object values by type and id', () => {
    const views = collectInquiryFields({
      fields: {
        'name-first': { type: 'string', value: 'Ada' },
        'favourite-colour': { type: 'string' },
        'loyalty-number': { type: 'string', value: null },
        'selfie-photo': {
          type: 'selfie',
          value: { id: 'self_ABC123', type: 'Selfie::ProfileAndCenter' },
        },
        'id-document': { type: 'file', value: { id: 'doc_XYZ', type: 'Document::GovernmentId' } },
        'social-security-number': { type: 'string' },
        // Blank: a field the person left empty, shown as a dash like a null one.
        'email-address': { type: 'string', value: '' },
        'address-street-1': { type: 'string', value: '   ' },
        nickname: { type: 'string', value: '' },
      },
    });
    const shown = Object.fromEntries(views.map((v) => [v.name, v.value]));
    expect(shown).toEqual({
      'name-first': 'Ada',
      'favourite-colour': '—',
      'loyalty-number': '—',
      'selfie-photo': 'Selfie::ProfileAndCenter self_ABC123',
      'id-document': 'Document::GovernmentId doc_XYZ',
      'social-security-number': '—',
      'email-address': '—',
      'address-street-1': '—',
      nickname: '—',
    });
    for (const view of views) expect(view.value).not.toMatch(/[{}"]/);
    // Nothing to mask in a dash; a value is.
    expect(isMaskedField(views.find((v) => v.name === 'social-security-number'))).toBe(false);
    expect(
      isMaskedField({ key: 'ssn', name: 'social-security-number', value: '123-45-6789' }),
    ).toBe(true);
  });
});
