import { createRandom, digits, hashToInt, pick } from './ids.ts';
import type { FieldValue } from './types.ts';

export interface Identity {
  nameFirst: string;
  nameMiddle: string | null;
  nameLast: string;
  birthdate: string;
  addressStreet1: string;
  addressStreet2: string | null;
  addressCity: string;
  addressSubdivision: string;
  addressSubdivisionAbbr: string;
  addressPostalCode: string;
  countryCode: string;
  emailAddress: string;
  phoneNumber: string;
  identificationNumber: string;
  documentNumber: string;
}

const FIRST = ['Jane', 'John', 'Maria', 'Wei', 'Amara', 'Lucas', 'Priya', 'Omar', 'Sofia', 'Kenji'];
const MORE_FIRST = ['Elena', 'Noah', 'Fatima', 'Liam', 'Chloe', 'Mateo', 'Aiko', 'Ivan', 'Zara'];
const MIDDLE = ['Marie', 'Lee', 'Ann', 'James', 'Rose', null, null, null];
const LAST = ['Doe', 'Smith', 'Garcia', 'Chen', 'Okafor', 'Müller', 'Patel', 'Haddad', 'Rossi'];
const MORE_LAST = ['Nguyen', 'Kowalski', 'Silva', 'Tanaka', 'Johnson', 'Ivanova', 'Brown', 'Kim'];
const STREETS = ['Main St', 'Market St', 'Oak Ave', 'Pine St', 'Sunset Blvd', 'Elm Dr', 'Lake Rd'];
const PLACES = [
  { city: 'San Francisco', state: 'California', abbr: 'CA', zip: '941' },
  { city: 'Austin', state: 'Texas', abbr: 'TX', zip: '787' },
  { city: 'Seattle', state: 'Washington', abbr: 'WA', zip: '981' },
  { city: 'Brooklyn', state: 'New York', abbr: 'NY', zip: '112' },
  { city: 'Denver', state: 'Colorado', abbr: 'CO', zip: '802' },
  { city: 'Miami', state: 'Florida', abbr: 'FL', zip: '331' },
  { city: 'Chicago', state: 'Illinois', abbr: 'IL', zip: '606' },
] as const;

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A made-up US identity; the same inquiry id always yields the same person. */
export function generateIdentity(inquiryId: string): Identity {
  const random = createRandom(hashToInt(inquiryId));
  const nameFirst = pick(random, [...FIRST, ...MORE_FIRST]);
  const nameLast = pick(random, [...LAST, ...MORE_LAST]);
  const place = pick(random, PLACES);
  const year = 1950 + Math.floor(random() * 55);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const letter = String.fromCharCode(65 + Math.floor(random() * 26));
  return {
    nameFirst,
    nameMiddle: pick(random, MIDDLE),
    nameLast,
    birthdate: `${year}-${month}-${day}`,
    addressStreet1: `${1 + Math.floor(random() * 9000)} ${pick(random, STREETS)}`,
    addressStreet2: random() < 0.3 ? `Apt ${1 + Math.floor(random() * 40)}` : null,
    addressCity: place.city,
    addressSubdivision: place.state,
    addressSubdivisionAbbr: place.abbr,
    addressPostalCode: `${place.zip}${digits(random, 2)}`,
    countryCode: 'US',
    emailAddress: `${ascii(nameFirst)}.${ascii(nameLast)}@example.com`.toLowerCase(),
    // 555-01xx numbers are reserved for fiction, so no real person is ever "verified".
    phoneNumber: `+1 555-01${digits(random, 2)}`,
    identificationNumber: `${letter}${digits(random, 7)}`,
    documentNumber: digits(random, 9),
  };
}

/** Persona's standard inquiry fields, in the template's kebab casing. */
export function identityFields(identity: Identity): Record<string, FieldValue> {
  const text = (value: string | null): FieldValue => ({ type: 'string', value });
  return {
    'name-first': text(identity.nameFirst),
    'name-middle': text(identity.nameMiddle),
    'name-last': text(identity.nameLast),
    'address-street-1': text(identity.addressStreet1),
    'address-street-2': text(identity.addressStreet2),
    'address-city': text(identity.addressCity),
    'address-subdivision': text(identity.addressSubdivision),
    'address-postal-code': text(identity.addressPostalCode),
    'address-country-code': text(identity.countryCode),
    birthdate: { type: 'date', value: identity.birthdate },
    'email-address': text(identity.emailAddress),
    'phone-number': text(identity.phoneNumber),
    'identification-number': text(identity.identificationNumber),
  };
}

const EMPTY_FIELDS = Object.entries(identityFields(generateIdentity('empty'))).map(
  ([key, field]) => [key, field.type] as const,
);

export function emptyStandardFields(): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [key, type] of EMPTY_FIELDS) fields[key] = { type, value: null };
  return fields;
}

/** The identity the end user "presents": values already on the inquiry win over generated ones. */
export function identityFor(inquiryId: string, fields: Record<string, FieldValue>): Identity {
  const identity = generateIdentity(inquiryId);
  const given = (key: string): string | null => {
    const value = fields[key]?.value;
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return {
    ...identity,
    nameFirst: given('name-first') ?? identity.nameFirst,
    nameMiddle: given('name-middle') ?? identity.nameMiddle,
    nameLast: given('name-last') ?? identity.nameLast,
    birthdate: given('birthdate') ?? identity.birthdate,
    emailAddress: given('email-address') ?? identity.emailAddress,
    phoneNumber: given('phone-number') ?? identity.phoneNumber,
  };
}
