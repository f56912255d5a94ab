// The evidence a reviewer opens section by section, one request each: a report with its matches
// (`GET /reports/{id}`) and the events of an inquiry (`GET /events?filter[object-id]=…`), from
// the OAS 2025-12-08 paths/reports_{report-id}.yaml and paths/events.yaml.
import * as z from 'zod/mini';
import { toEventView } from './normalise-evidence.ts';
import { toReportView } from './normalise-verification.ts';
import { apiUrl, itemPath } from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import { listOf } from './schema-parts.ts';
import { anyResource, resourceDocument } from './schemas.ts';
import type { RequestSpec, Transport } from './transport.ts';
import type { EventView, ReportView } from './view-model.ts';

const eventList = z.looseObject({ data: listOf(anyResource) });

/** Persona's page maximum: an inquiry's whole history fits in one page for any usual inquiry. */
const EVENTS_PAGE_SIZE = 100;

export function evidenceReads(transport: Transport) {
  const { baseUrl } = transport;
  return {
    async getReport(id: string): Promise<PersonaResult<ReportView>> {
      const spec: RequestSpec = { method: 'GET', url: apiUrl(baseUrl, itemPath('reports', id)) };
      const raw = await transport.send(spec);
      const document = transport.decode(resourceDocument, raw, spec);
      return { data: toReportView(document.data), meta: raw.meta };
    },

    /** The object's events, newest first, as Persona lists them. */
    async listEvents(objectId: string): Promise<PersonaResult<EventView[]>> {
      const query = new URLSearchParams({
        'filter[object-id]': objectId,
        'page[size]': String(EVENTS_PAGE_SIZE),
      });
      const spec: RequestSpec = { method: 'GET', url: apiUrl(baseUrl, '/events', query) };
      const raw = await transport.send(spec);
      const document = transport.decode(eventList, raw, spec);
      return { data: document.data.map(toEventView), meta: raw.meta };
    },
  };
}
