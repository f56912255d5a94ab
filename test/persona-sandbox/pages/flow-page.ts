import { html } from 'hono/html';
import { canOpenFlow } from '../core/lifecycle.ts';
import type { InquiryRecord } from '../core/types.ts';

/** Persona sends the user to `redirect-uri?inquiry-id=…&reference-id=…` after the flow. */
function redirectTarget(inquiry: InquiryRecord): string | null {
  if (!inquiry.redirectUri) return null;
  try {
    const url = new URL(inquiry.redirectUri);
    url.searchParams.set('inquiry-id', inquiry.id);
    url.searchParams.set('reference-id', inquiry.referenceId ?? '');
    return url.toString();
  } catch {
    return null;
  }
}

export const RESULT: Partial<Record<InquiryRecord['status'], string>> = {
  completed: 'Thank you. Your identity has been verified.',
  failed: 'We could not verify your identity.',
  needs_review: 'Thank you. Your verification is being reviewed.',
  approved: 'Your verification has been approved.',
  declined: 'Your verification has been declined.',
  expired: 'This verification has expired. Ask for a new link.',
};

/** The flow page's card: one step at a time, with real buttons a screen reader can name. */
export function flowBody(inquiry: InquiryRecord, token: string, notice?: string) {
  const hidden = html`<input type="hidden" name="flow" value="${token}">`;
  const step =
    inquiry.status === 'created'
      ? html`<p>Have your ID ready. This sandbox pretends to take photos of it and of you.</p>
<form method="post" action="/verify/actions">${hidden}<button type="submit" name="action" value="start">Start</button></form>`
      : inquiry.status === 'pending'
        ? html`<p>Pick how this sandbox verification should end.</p>
<form method="post" action="/verify/actions">${hidden}
<button type="submit" name="action" value="finish_passed">Finish as passed</button>
<button type="submit" name="action" value="finish_failed" class="secondary">Finish as failed</button>
<button type="submit" name="action" value="finish_needs_review" class="secondary">Finish as needs review</button>
</form>`
        : html`<p>${RESULT[inquiry.status] ?? 'This verification is finished.'}</p>`;
  const continueUrl = !canOpenFlow(inquiry) ? redirectTarget(inquiry) : null;
  const redirect = continueUrl ? html`<p><a href="${continueUrl}">Continue</a></p>` : '';
  return html`<div class="card">
<h1>Verify your identity</h1>
${notice ? html`<p role="alert">${notice}</p>` : ''}
<p class="muted">Inquiry <code>${inquiry.id}</code></p>
<p id="status">Status: <strong>${inquiry.status}</strong></p>
${step}${redirect}
</div>`;
}
