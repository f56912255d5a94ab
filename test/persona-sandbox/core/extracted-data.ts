import type { Identity } from './identity.ts';

// Type-specific attributes of generated verifications, in Persona's kebab attribute names
// (OAS verification-government-id, verification-selfie, verification-database).

/** What the government-id verification read off the document; a failed ID is an expired one. */
export function governmentIdData(identity: Identity, failed: boolean, year: number) {
  return {
    'entity-confidence-score': failed ? 41.7 : 97.4,
    'entity-confidence-reasons': failed ? ['low_confidence_entity_match'] : ['generic'],
    'id-class': 'dl',
    'capture-method': 'upload',
    'name-first': identity.nameFirst.toUpperCase(),
    'name-middle': identity.nameMiddle?.toUpperCase() ?? null,
    'name-last': identity.nameLast.toUpperCase(),
    'name-suffix': null,
    'native-name-first': null,
    'native-name-middle': null,
    'native-name-last': null,
    'native-name-title': null,
    birthdate: identity.birthdate,
    'issuing-authority': identity.addressSubdivisionAbbr,
    'issuing-subdivision': identity.addressSubdivisionAbbr,
    nationality: null,
    'document-number': identity.documentNumber,
    'visa-status': null,
    // A failed ID is an expired licence, which is what id_expired_detection then reports.
    'issue-date': `${failed ? year - 9 : year - 2}-03-14`,
    'expiration-date': `${failed ? year - 1 : year + 4}-03-14`,
    designations: [],
    birthplace: null,
    endorsements: null,
    height: null,
    sex: null,
    restrictions: null,
    'vehicle-class': 'C',
    'identification-number': identity.identificationNumber,
    'from-reusable-persona': false,
    'address-street-1': identity.addressStreet1.toUpperCase(),
    'address-street-2': identity.addressStreet2?.toUpperCase() ?? null,
    'address-city': identity.addressCity.toUpperCase(),
    'address-subdivision': identity.addressSubdivisionAbbr,
    'address-postal-code': identity.addressPostalCode,
  };
}

export function selfieData(failed: boolean) {
  return {
    'capture-method': 'video',
    'center-photo-face-coordinates': null,
    'document-similarity-score': failed ? 12.6 : 96.2,
    'entity-confidence-reasons': failed ? ['low_similarity'] : [],
    'from-reusable-persona': false,
    'selfie-similarity-score-left': failed ? 33.1 : 94.8,
    'selfie-similarity-score-right': failed ? 30.4 : 95.3,
  };
}

export function databaseData(identity: Identity) {
  return {
    'name-first': identity.nameFirst,
    'name-middle': identity.nameMiddle,
    'name-last': identity.nameLast,
    birthdate: identity.birthdate,
    'phone-number': identity.phoneNumber,
    'email-address': identity.emailAddress,
    'address-street-1': identity.addressStreet1,
    'address-street-2': identity.addressStreet2,
    'address-city': identity.addressCity,
    'address-subdivision': identity.addressSubdivision,
    'address-postal-code': identity.addressPostalCode,
    'normalized-address-street-1': identity.addressStreet1.toUpperCase(),
    'normalized-address-street-2': identity.addressStreet2?.toUpperCase() ?? null,
    'normalized-address-city': identity.addressCity.toUpperCase(),
    'normalized-address-subdivision': identity.addressSubdivisionAbbr,
    'normalized-address-postal-code': identity.addressPostalCode,
    'identification-number': null,
    'document-number': null,
    'document-issuing-date': null,
    'document-expiry-date': null,
    'document-issuing-subdivision': null,
  };
}
