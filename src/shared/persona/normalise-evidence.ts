// The evidence behind a verdict, read from Persona's resources (OAS 2025-12-08
// components/schemas/verification-government-id.yaml, verification-selfie.yaml,
// verification-document.yaml, inquiry-session.yaml, report-*.yaml, event.yaml): photo URLs,
// scores, sessions' device and network, report matches and events. Everything is optional:
// a blocklisted attribute is simply absent (https://docs.withpersona.com/api-attribute-blocklists).

import { isRecord } from '../is-record.ts';
import { toKebab } from './key-inflection.ts';
import { count, flag } from './schema-parts.ts';
import type { AnyResource } from './schemas.ts';
import {
  assign,
  type EventView,
  type PhotoView,
  type ReportMatchView,
  type ScoreView,
  type SessionView,
} from './view-model.ts';

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const bool = flag.read;
const num = count.read;
const records = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);

const photoAttributes: Record<string, string[]> = {
  'verification/government-id': ['front-photo-url', 'back-photo-url'],
  'verification/selfie': ['center-photo-url', 'left-photo-url', 'right-photo-url'],
};

/** Every distinct photo of a verification, named by where it came from, in a fixed order. */
export function photosOf(type: string, attributes: Record<string, unknown>): PhotoView[] {
  const photos: PhotoView[] = [];
  const seen = new Set<string>();
  const add = (photo: Omit<PhotoView, 'url'>, url: unknown) => {
    const href = str(url);
    if (href === undefined || seen.has(href)) return;
    seen.add(href);
    photos.push({ ...photo, url: href });
  };
  for (const name of photoAttributes[type] ?? []) add({ name }, attributes[name]);
  if (type === 'verification/government-id') {
    // Other pages of the document (a passport's signature page, …) come only in `photo-urls`.
    for (const page of records(attributes['photo-urls'])) {
      const name = str(page.page);
      if (name === 'front' || name === 'back') continue;
      add({ name: 'photo-urls', page: name ?? 'page' }, page.url);
    }
  }
  if (type === 'verification/document') {
    records(attributes.files).forEach((file, i) => {
      add({ name: 'files', page: i + 1 }, file.url);
    });
  }
  return photos;
}

/** The scores shown beside a verification, in this order (their words: view-labels.ts). */
const SCORE_NAMES = [
  'entity-confidence-score',
  'document-similarity-score',
  'selfie-similarity-score-left',
  'selfie-similarity-score-right',
];

export function scoresOf(attributes: Record<string, unknown>): ScoreView[] {
  return SCORE_NAMES.flatMap((name) => {
    const value = num(attributes[name]);
    return value === undefined ? [] : [{ name, value }];
  });
}

// A session's attributes the view keeps, by the view's names: Persona's are their kebab case.
const sessionTexts = [
  'createdAt',
  'ipAddress',
  'countryCode',
  'countryName',
  'regionName',
  'deviceType',
  'deviceName',
  'osName',
  'browserName',
  'userAgent',
  'threatLevel',
] as const satisfies readonly (keyof SessionView)[];
const sessionFlags = [
  'isVpn',
  'isProxy',
  'isTor',
  'isDatacenter',
] as const satisfies readonly (keyof SessionView)[];

export function toSessionView(item: AnyResource): SessionView {
  const a = item.attributes;
  const view: SessionView = { id: item.id, status: str(a.status) ?? '' };
  for (const key of sessionTexts) assign(view, key, str(a[toKebab(key)]));
  for (const key of sessionFlags) assign(view, key, bool(a[toKebab(key)]));
  assign(view, 'isp', str(a['ip-isp']) ?? str(a['network-organization']));
  return view;
}

/**
 * Matches of a watchlist (`matched-lists`), politically-exposed-person (`result`) or adverse-media
 * (`related-sources`) report; `undefined` when the report carries none of these attributes.
 */
export function reportMatches(attributes: Record<string, unknown>): ReportMatchView[] | undefined {
  const lists = attributes['matched-lists'];
  const pep = attributes.result;
  const media = attributes['related-sources'];
  if (!Array.isArray(lists) && !Array.isArray(pep) && !Array.isArray(media)) return undefined;
  const out: ReportMatchView[] = [];
  for (const list of records(lists)) {
    const entities = records(list.entities);
    for (const entity of entities.length > 0 ? entities : [{}]) {
      const match: ReportMatchView = {};
      assign(match, 'name', str(entity.name));
      assign(match, 'list', str(list.name));
      assign(match, 'listType', str(list['list-type']));
      assign(match, 'score', num(list.score) ?? num(list['match-score']));
      assign(match, 'flag', str(list['flag-code']));
      assign(match, 'url', str(list.url));
      out.push(match);
    }
  }
  for (const hit of records(pep)) {
    const match: ReportMatchView = { kind: 'pep' };
    assign(match, 'name', str(hit.name));
    assign(
      match,
      'listType',
      records(hit.positions)
        .map((p) => str(p.name))
        .find(Boolean),
    );
    out.push(match);
  }
  for (const source of records(media)) {
    const match: ReportMatchView = { kind: 'media' };
    assign(match, 'name', str(source.name));
    const title = records(source.media)
      .map((m) => str(m.title))
      .find(Boolean);
    assign(match, 'listType', title);
    out.push(match);
  }
  return out;
}

export function toEventView(item: AnyResource): EventView {
  const a = item.attributes;
  const view: EventView = { id: item.id, name: str(a.name) ?? '' };
  assign(view, 'createdAt', str(a['created-at']));
  return view;
}
