// Verification and report resources → the plain views the popup shows (view-model.ts). Photo URLs
// are kept (signed, valid for hours: https://docs.withpersona.com/downloading-files) so "Show
// photos" needs no second read; they live with the rest of the view in storage.session, and the
// images themselves are never stored. Video URLs are left out.

import { isRecord } from '../is-record.ts';
import { collectInquiryFields, inquiryFields, toFieldView } from './fields.ts';
import { photosOf, reportMatches, scoresOf } from './normalise-evidence.ts';
import type { ResourceRef } from './schema-parts.ts';
import { type AnyResource, reportAttributes } from './schemas.ts';
import type { VerificationResource } from './verification-schemas.ts';
import {
  assign,
  assignAttributes,
  type CheckView,
  type FieldView,
  type ReportView,
  type VerificationView,
} from './view-model.ts';

// The name, birthdate and address: the first ten of the inquiry's own fields.
const person = inquiryFields.slice(0, 10);

/** The extracted data worth showing for each common type, in reading order. */
const fieldsOfInterest: Record<string, string[]> = {
  'verification/government-id': [
    ...person,
    'sex',
    'nationality',
    'id-class',
    'document-number',
    'identification-number',
    'issuing-authority',
    'issuing-subdivision',
    'issue-date',
    'expiration-date',
    'capture-method',
  ],
  'verification/selfie': ['capture-method'],
  'verification/database': [
    ...person,
    'phone-number',
    'email-address',
    'identification-number',
    'document-number',
  ],
  'verification/document': ['document-type'],
  'verification/phone-number': ['phone-number'],
  'verification/email-address': ['email-address'],
};

// For unknown types everything scalar is shown, except what is shared, timed or a file link.
const notShown = /^(status|checks|tags|fields|country-code)$|-at$|-ts$|-url$|-urls$|photo|video/;

export function toVerificationView(resource: VerificationResource): VerificationView {
  const { attributes } = resource;
  const status = attributes.status ?? '';
  const view: VerificationView = {
    id: resource.id,
    type: resource.type,
    status,
    loaded: true,
    checks: attributes.checks.map(
      (check): CheckView => ({
        name: check.name ?? '',
        status: check.status ?? '',
        required: check.requirement === 'required' || check.requirement === 'requires_retry',
        reasons: check.reasons,
      }),
    ),
    fields: verificationFields(resource),
  };
  const photos = photosOf(resource.type, attributes);
  if (photos.length > 0) view.photos = photos;
  const scores = scoresOf(attributes);
  if (scores.length > 0) view.scores = scores;
  return view;
}

function verificationFields(resource: VerificationResource): FieldView[] {
  const attributes: Record<string, unknown> = resource.attributes;
  const names =
    fieldsOfInterest[resource.type] ?? Object.keys(attributes).filter((key) => !notShown.test(key));
  const views: FieldView[] = [];
  for (const name of names) {
    const value = attributes[name];
    if (isRecord(value) && !('value' in value)) continue;
    const view = toFieldView(name, value);
    if (view) views.push(view);
  }
  // A document verification carries its own extracted `fields` map, like an inquiry.
  if (resource.type === 'verification/document' && isRecord(attributes.fields)) {
    views.push(...collectInquiryFields({ fields: attributes.fields }));
  }
  return views;
}

export function verificationStub(ref: ResourceRef): VerificationView {
  return {
    id: ref.id,
    type: ref.type,
    status: '',
    loaded: false,
    checks: [],
    fields: [],
  };
}

export function toReportView(item: AnyResource | ResourceRef): ReportView {
  const view: ReportView = {
    id: item.id,
    type: item.type,
    status: '',
    loaded: 'attributes' in item,
  };
  if (!('attributes' in item)) return view;
  const attributes = reportAttributes.read(item.attributes);
  view.status = attributes.status ?? '';
  assignAttributes(view, attributes, ['has-match']);
  assign(view, 'matches', reportMatches(attributes));
  return view;
}
