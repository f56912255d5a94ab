import { DeskError, deskError } from '../../shared/errors.ts';
import type { Reply, RequestOf } from '../../shared/messages.ts';
import { outcomeUnknown } from '../../shared/outcome-unknown.ts';
import { decidedBefore } from '../../shared/persona/decided-before.ts';
import { DETAIL_INCLUDE } from '../../shared/persona/inquiry-reads.ts';
import type { LinkedInquiry } from '../../shared/persona/inquiry-writes.ts';
import type { PersonaResult } from '../../shared/persona/response-meta.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import { decisionStatus } from '../../shared/persona/status-actions.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { adoptInquiry } from '../inquiries/adopt-inquiry.ts';
import type { Handlers } from '../message-router.ts';
import { refusedLinkError, rememberLinkFromCreate } from '../one-time-links.ts';
import { openPersona, type PersonaAccess } from '../persona-access.ts';
import { checkInquiryId } from './check-inquiry-id.ts';

/**
 * Runs one change and reads the inquiry as Persona now has it (audit/record.ts logs it). `run`
 * gives back the change's own answer, which stands when the read after it fails: the change was
 * made, and is said and logged so, not as failed.
 */
async function changeThenRead(
  id: string,
  run: (access: PersonaAccess) => Promise<InquiryView>,
): Promise<{ access: PersonaAccess; inquiry: InquiryView }> {
  checkInquiryId(id);
  const access = await openPersona();
  const written = await run(access);
  // Action answers carry no included verifications; one read gives the detail view its picture.
  const inquiry = await access.client.getInquiry(id, { include: DETAIL_INCLUDE }).then(
    (fresh) => fresh.data,
    () => written,
  );
  return { access, inquiry };
}

export async function inquiryAction(
  request: RequestOf<'inquiryAction'>,
): Promise<Reply<'inquiryAction'>> {
  const { id, action, comment } = request;
  checkInquiryId(id);
  const { client, keyInfo } = await openPersona();
  // Action answers carry no included verifications; one read gives the detail view its picture.
  const read = () => client.getInquiry(id, { include: DETAIL_INCLUDE });
  const decided = decisionStatus[action];
  const sentAt = Date.now();
  // Made before this request was sent, the decision is someone else's, answered as done: said as
  // a refusal in this status is, so the page keeps the comment and the log credits no one here.
  // Timed by Persona's clock (the read's `Date`), not this computer's, which may differ from it.
  const made = async ({ data: inquiry, meta }: PersonaResult<InquiryView>) => {
    const since = Date.now() - sentAt;
    const before =
      action !== 'markForReview' &&
      decidedBefore(inquiry.status, decided, inquiry.timestamps.decisionedAt, meta.date, since);
    // Kept as read either way: the other pages and the watchlist show the status Persona has.
    const reply = await adoptInquiry(inquiry, keyInfo.masked, !before);
    if (before) throw deskError('conflict', 'decidedBefore', statusLabel(decided));
    return reply;
  };
  let lost: unknown;
  const written = await (action === 'approve'
    ? client.approveInquiry(id, comment)
    : action === 'decline'
      ? client.declineInquiry(id, comment)
      : client.markInquiryForReview(id)
  ).catch((error) => {
    // A 5xx or a lost answer says nothing of whether Persona made the decision. The read tells:
    // if the inquiry now has the decision's status, it was made, and the reviewer (and the
    // activity log) hear so, rather than "failed" for a decision Persona holds.
    if (!(error instanceof DeskError) || !outcomeUnknown.has(error.info.kind)) throw error;
    lost = error;
  });
  // A read that fails after Persona answered the change leaves the change's own answer: the
  // decision was made, and is said and logged so.
  const now = (await read().catch(() => undefined)) ?? written;
  if (!now || (lost && now.data.status !== decided)) throw lost;
  return made(now);
}

/** Persona refuses a link for an expired inquiry: resume first (docs/persona.md#one-time-links). */
export async function newLink(request: RequestOf<'newLink'>): Promise<Reply<'newLink'>> {
  let generated: LinkedInquiry | undefined;
  const { inquiry, access } = await changeThenRead(request.id, async ({ client, settings }) => {
    // Only the status is needed here; the full picture is read once the link exists.
    const current = await client.getInquiry(request.id, {
      include: [],
      fields: { inquiry: ['status'] },
    });
    if (current.data.status === 'expired') await client.resumeInquiry(request.id);
    const seconds = settings.linkExpiryHours * 3600;
    generated = (await client.generateOneTimeLink(request.id, seconds)).data;
    return generated.inquiry;
  });
  const { masked } = access.keyInfo;
  const link = await rememberLinkFromCreate(request.id, generated, Date.now(), masked);
  if (!link) {
    if (generated?.oneTimeLink) throw refusedLinkError();
    throw deskError('bad_response', 'noLinkFromPersona');
  }
  return { ...(await adoptInquiry(inquiry, masked, true)), link };
}

export async function changeTag(request: RequestOf<'changeTag'>): Promise<Reply<'changeTag'>> {
  const tag = request.tag.trim();
  if (!tag) throw deskError('invalid', 'typeTagFirst');
  const { inquiry, access } = await changeThenRead(request.id, async ({ client }) => {
    const { id } = request;
    return (await (request.change === 'add' ? client.addTag(id, tag) : client.removeTag(id, tag)))
      .data;
  });
  return adoptInquiry(inquiry, access.keyInfo.masked);
}

export const actionHandlers = { inquiryAction, newLink, changeTag } satisfies Partial<Handlers>;
