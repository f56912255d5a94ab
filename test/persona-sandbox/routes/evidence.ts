// What a reviewer reads before deciding, beyond the inquiry itself: a report on its own
// (`GET /reports/{id}`), the events of an object (`GET /events?filter[object-id]=…`) and the
// inquiry as a PDF (`GET /inquiries/{id}/print`). OAS 2025-12-08 paths/reports_{report-id}.yaml,
// paths/events.yaml, paths/inquiries_{inquiry-id}_print.yaml.
import { Hono } from 'hono';
import { iso, isoRequired } from '../core/clock.ts';
import { listEvents, type SandboxEvent } from '../core/events.ts';
import { assertNotRedacted } from '../core/lifecycle.ts';
import type { SandboxStore } from '../core/store.ts';
import type { InquiryRecord } from '../core/types.ts';
import type { SandboxEnv } from '../http/env.ts';
import { badRequest, recordNotFound } from '../http/errors.ts';
import { parseInclude } from '../http/request-options.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { textPdf } from '../pages/pdf.ts';
import { finish } from '../serialize/documents.ts';
import { inquiryResource } from '../serialize/inquiry.ts';
import { accountResource, reportResource } from '../serialize/related.ts';
import { applySparseFields } from '../serialize/sparse-fields.ts';
import { findInquiry } from './lookup.ts';

const REPORT_INCLUDES = ['inquiry', 'account', 'report-template', 'transaction'] as const;
const EVENT_FILTERS = ['name', 'object-id', 'id'] as const;

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);

function eventResource(event: SandboxEvent) {
  const { object } = event;
  return {
    type: 'event',
    id: event.id,
    attributes: {
      name: event.name,
      // Persona sends the whole object as it was; the sandbox sends its type, id and status.
      payload: {
        data: { type: object.type, id: object.id, attributes: { status: object.status } },
      },
      'created-at': isoRequired(event.at),
    },
  };
}

function pageOf(params: URLSearchParams, events: SandboxEvent[]) {
  const sizeText = params.get('page[size]');
  const size = sizeText === null ? 10 : Number(sizeText);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw badRequest('page[size] must be an integer between 1 and 100');
  }
  const after = params.get('page[after]');
  const start = after ? events.findIndex((e) => e.id === after) + 1 : 0;
  const page = events.slice(start, start + size);
  const last = page.at(-1);
  let next: string | null = null;
  if (last && start + size < events.length) {
    const query = new URLSearchParams(params);
    query.set('page[after]', last.id);
    next = `/api/v1/events?${query.toString()}`;
  }
  return { page, links: { prev: null, next } };
}

function printLines(store: SandboxStore, inquiry: InquiryRecord): string[] {
  const lines = [
    `Inquiry ${inquiry.id}`,
    `Status: ${inquiry.status}`,
    `Reference ID: ${inquiry.referenceId ?? '-'}`,
    `Created: ${isoRequired(inquiry.createdAt)}`,
    `Completed: ${iso(inquiry.completedAt) ?? '-'}`,
    `Decisioned: ${iso(inquiry.decisionedAt) ?? '-'}`,
    `Reviewer comment: ${inquiry.reviewerComment ?? '-'}`,
    '',
    'Verifications',
  ];
  for (const id of inquiry.verificationIds) {
    const v = store.verifications.get(id);
    if (!v) continue;
    lines.push(`  ${v.kind}: ${v.status}`);
    for (const check of v.checks.filter((c) => c.status === 'failed')) {
      lines.push(`    failed: ${check.name} ${check.reasons.join('; ')}`);
    }
  }
  lines.push('', 'Reports');
  for (const id of inquiry.reportIds) {
    const r = store.reports.get(id);
    if (r) lines.push(`  ${r.kind}: ${r.hasMatch ? 'match' : 'no match'}`);
  }
  lines.push('', 'Printed by the local Persona sandbox (fictitious data).');
  return lines;
}

export function evidenceRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  const { store } = runtime;

  app.get('/reports/:id', (c) => {
    const include = parseInclude(c, REPORT_INCLUDES) ?? [];
    const report = store.reports.get(c.req.param('id'));
    if (!report) throw recordNotFound();
    const options = c.get('render');
    const included = [];
    const inquiry = store.inquiries.get(report.inquiryId);
    if (inquiry && include.includes('inquiry')) {
      included.push(inquiryResource(inquiry, store, options));
    }
    const account = report.accountId ? store.accounts.get(report.accountId) : undefined;
    if (account && include.includes('account')) included.push(accountResource(account));
    return c.json(
      finish(
        {
          data: applySparseFields(reportResource(report), options),
          included: included.map((resource) => applySparseFields(resource, options)),
        },
        options,
      ),
    );
  });

  app.get('/events', (c) => {
    const params = new URL(c.req.url).searchParams;
    const filter: Record<string, string> = {};
    for (const [key, value] of params) {
      const name = /^filter\[(.+)\]$/.exec(key)?.[1];
      if (name === undefined) continue;
      if (!(EVENT_FILTERS as readonly string[]).includes(name)) {
        throw badRequest(`filter[${name}] is not a supported filter`);
      }
      filter[name] = value;
    }
    const objectIds = list(filter['object-id']);
    const names = list(filter.name);
    const ids = list(filter.id);
    const events = listEvents(store, {
      ...(objectIds ? { objectIds } : {}),
      ...(names ? { names } : {}),
      ...(ids ? { ids } : {}),
    });
    const { page, links } = pageOf(params, events);
    return c.json(finish({ data: page.map(eventResource), links }, c.get('render')));
  });

  app.get('/inquiries/:id/print', (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    // The sandbox's guess: a redacted inquiry has nothing left to print (409, as for other
    // requests on a redacted inquiry).
    assertNotRedacted(inquiry);
    const pdf = textPdf(printLines(store, inquiry));
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${inquiry.id}.pdf"`,
    });
  });
  return app;
}
