import { Hono } from 'hono';
import { html } from 'hono/html';
import { iso } from '../core/clock.ts';
import type { InquiryRecord, VerificationRecord } from '../core/types.ts';
import type { SandboxEnv } from '../http/env.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { signedFileUrl } from './files.ts';
import { messagePage, renderPage } from './layout.ts';

const TIMESTAMPS: [string, keyof InquiryRecord][] = [
  ['created-at', 'createdAt'],
  ['started-at', 'startedAt'],
  ['completed-at', 'completedAt'],
  ['failed-at', 'failedAt'],
  ['marked-for-review-at', 'markedForReviewAt'],
  ['decisioned-at', 'decisionedAt'],
  ['expires-at', 'expiresAt'],
  ['expired-at', 'expiredAt'],
  ['redacted-at', 'redactedAt'],
  ['updated-at', 'updatedAt'],
];

function verificationCard(runtime: SandboxRuntime, origin: string, record: VerificationRecord) {
  const now = runtime.clock.now();
  const images = record.files.map(
    (name) =>
      html`<img alt="${record.kind} ${name}" src="${signedFileUrl(runtime.secret, origin, record.id, name, now).url}">`,
  );
  const rows = record.checks.map(
    (check) =>
      html`<tr><td><code>${check.name}</code></td><td class="${check.status}">${check.status}</td><td>${check.requirement}</td><td>${check.reasons.join(', ')}</td></tr>`,
  );
  return html`<div class="card"><h3>verification/${record.kind} <span class="${record.status}">${record.status}</span></h3>
<p class="muted"><code>${record.id}</code></p>${images}
<table><thead><tr><th>Check</th><th>Status</th><th>Requirement</th><th>Reasons</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Stands in for Persona's dashboard: "Open in Persona" links here for loopback base URLs. */
export function dashboardRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  const { store } = runtime;

  app.get('/', (c) => c.redirect('/dashboard', 302));

  app.get('/dashboard', (c) => {
    runtime.now();
    const newest = store.ascending().slice(-50).reverse();
    const rows = newest.map(
      (inquiry) =>
        html`<tr><td><a href="/dashboard/inquiries/${inquiry.id}"><code>${inquiry.id}</code></a></td><td>${inquiry.status}</td><td>${inquiry.referenceId ?? ''}</td><td>${iso(inquiry.createdAt)}</td></tr>`,
    );
    return renderPage(
      c,
      'Inquiries',
      html`<div class="card"><h1>Inquiries</h1><p class="muted">${store.inquiries.size} in this sandbox; newest 50 shown. API base URL: <code>${new URL(c.req.url).origin}/api/v1</code></p>
<table><thead><tr><th>Inquiry</th><th>Status</th><th>Reference</th><th>Created</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    );
  });

  app.get('/dashboard/inquiries/:id', (c) => {
    runtime.now();
    const inquiry = store.inquiries.get(c.req.param('id'));
    if (!inquiry)
      return messagePage(c, 404, 'Inquiry not found', 'No inquiry has this id in this sandbox.');
    const origin = new URL(c.req.url).origin;
    const times = TIMESTAMPS.map(
      ([label, key]) =>
        html`<tr><th>${label}</th><td>${iso(inquiry[key] as number | null) ?? ''}</td></tr>`,
    );
    const fields = Object.entries(inquiry.fields).map(
      ([key, field]) =>
        html`<tr><th><code>${key}</code></th><td>${field.value === null ? '' : JSON.stringify(field.value)}</td></tr>`,
    );
    const verifications = inquiry.verificationIds.flatMap((id) => {
      const record = store.verifications.get(id);
      return record ? [verificationCard(runtime, origin, record)] : [];
    });
    const reports = inquiry.reportIds.flatMap((id) => {
      const report = store.reports.get(id);
      return report
        ? [
            html`<li>report/${report.kind} <code>${report.id}</code>: ${report.hasMatch ? 'match found' : 'no match'}</li>`,
          ]
        : [];
    });
    return renderPage(
      c,
      inquiry.id,
      html`<div class="card"><h1>Inquiry <code>${inquiry.id}</code></h1>
<p id="status">Status: <strong>${inquiry.status}</strong></p>
<p>Reference: ${inquiry.referenceId ?? '—'} · Tags: ${inquiry.tags.join(', ') || '—'} · Note: ${inquiry.note ?? '—'}</p>
${inquiry.reviewerComment ? html`<p>Reviewer comment: ${inquiry.reviewerComment}</p>` : ''}
<table>${times}</table></div>
<div class="card"><h2>Fields</h2><table>${fields}</table></div>
<div class="card"><h2>Reports</h2><ul>${reports.length > 0 ? reports : html`<li>None</li>`}</ul></div>
<h2>Verifications</h2>${verifications.length > 0 ? verifications : html`<p>None yet.</p>`}`,
    );
  });

  return app;
}
