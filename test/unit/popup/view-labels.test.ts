// The words the pages give the machine names an inquiry's view keeps (field, verification, report,
// check, photo and score names): catalogued names in the reader's language, any other in words.
import { describe, expect, it } from 'vitest';
import { checkName } from '../../../src/ui/components/check-name.ts';
import {
  fieldLabel,
  listTypeLabel,
  photoLabel,
  reportLabel,
  scoreLabel,
  verificationLabel,
} from '../../../src/ui/components/view-labels.ts';

describe('view labels', () => {
  it('names verification types and reports, catalogued or not', () => {
    expect(verificationLabel('verification/government-id')).toBe('Government ID');
    expect(verificationLabel('verification/phone-number')).toBe('Phone number');
    expect(verificationLabel('verification/database-ecbsv')).toBe('Database ECBSV');
    expect(verificationLabel('verification/digital-id-mars')).toBe('Digital ID mars');
    expect(verificationLabel('verification/aamva')).toBe('AAMVA');
    expect(verificationLabel('')).toBe('Verification');
    expect(reportLabel('report/watchlist')).toBe('Watchlist screening');
    expect(reportLabel('report/politically-exposed-person')).toBe(
      'Politically exposed person (PEP)',
    );
    expect(reportLabel('report/business-watchlist')).toBe('Business watchlist');
    expect(reportLabel('')).toBe('Report');
    expect(listTypeLabel('sanction')).toBe('sanctions');
    expect(listTypeLabel('adverse_media')).toBe('adverse media');
    expect(listTypeLabel('Fitness-Probity')).toBe('fitness and probity');
    expect(listTypeLabel('crypto_watch')).toBe('crypto watch');
    expect(listTypeLabel('Regional Watch/EU')).toBe('Regional Watch/EU');
  });

  it('names checks and fields', () => {
    expect(checkName({ name: 'id_aamva_database_lookup' })).toBe('ID AAMVA database lookup');
    expect(checkName({ name: 'selfie_id_comparison' })).toBe('Selfie ID comparison');
    expect(fieldLabel('address-street-1')).toBe('Street');
    expect(fieldLabel('identification-number')).toBe('ID number');
    expect(fieldLabel('issuing-authority')).toBe('Issuing authority');
    expect(fieldLabel('favourite-colour')).toBe('Favourite colour');
  });

  it('names photos by where they came from, and scores', () => {
    expect(photoLabel({ name: 'front-photo-url' })).toBe('Government ID front');
    expect(photoLabel({ name: 'center-photo-url' })).toBe('Selfie center');
    expect(photoLabel({ name: 'photo-urls', page: 'passport_signature' })).toBe(
      'Government ID passport signature',
    );
    expect(photoLabel({ name: 'files', page: 2 })).toBe('Document page 2');
    expect(scoreLabel('document-similarity-score')).toBe('Selfie to ID similarity');
    expect(scoreLabel('entity-confidence-score')).toBe('Entity confidence');
    expect(scoreLabel('new-thing-score')).toBe('New thing score');
  });
});
