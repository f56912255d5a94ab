import { inflectDocument } from '../core/inflection.ts';
import type { SandboxStore } from '../core/store.ts';
import type { InquiryRecord } from '../core/types.ts';
import { inquiryResource } from './inquiry.ts';
import type { RenderOptions } from './render-options.ts';
import { applySparseFields } from './sparse-fields.ts';

interface Entry {
  version: number;
  variants: Map<string, string>;
}

// Keyed by the record itself, so several sandboxes in one process never share entries and
// records that are gone (reset) take their JSON with them.
const cache = new WeakMap<InquiryRecord, Entry>();

function variantOf(options: RenderOptions): string {
  const fieldset = options.sparse.get('inquiry');
  return `${options.shape}|${options.inflection}|${fieldset ? [...fieldset].sort().join(',') : '*'}`;
}

/**
 * One inquiry as finished JSON text, reused until the store reports a change (`touch`). Polling
 * clients list the same unchanged inquiries over and over; this keeps those lists cheap.
 */
export function inquiryJson(
  inquiry: InquiryRecord,
  store: SandboxStore,
  options: RenderOptions,
): string {
  const version = store.versionOf(inquiry);
  let entry = cache.get(inquiry);
  if (!entry || entry.version !== version) {
    entry = { version, variants: new Map() };
    cache.set(inquiry, entry);
  }
  const variant = variantOf(options);
  let json = entry.variants.get(variant);
  if (json === undefined) {
    const resource = applySparseFields(inquiryResource(inquiry, store, options), options);
    json = JSON.stringify(
      inflectDocument(resource, options.inflection, options.shape === 'current'),
    );
    entry.variants.set(variant, json);
  }
  return json;
}
