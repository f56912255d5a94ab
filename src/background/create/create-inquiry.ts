// "Create": one click, one inquiry. The click's Idempotency-Key makes a repeat after a lost
// connection safe; a pending create in storage lets a restarted worker finish it; one
// in-flight create per key and per form stops a double submit; and after a 5xx answer (which
// Persona stores and replays for that key, https://docs.withpersona.com/idempotence) the
// inquiry is looked up by reference ID before it is tried again with a new key.

import { type AuditFacts, INTERRUPTED } from '../../shared/audit/chain.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { auditTrailItem, watchlistItem } from '../../shared/generated/stored-items.ts';
import type { Reply, RequestOf } from '../../shared/messages.ts';
import { toSnake } from '../../shared/persona/key-inflection.ts';
import { isTemplateId } from '../../shared/persona/template-id.ts';
import { readPolicy } from '../../shared/policy.ts';
import { type Prefill, prefillKeys } from '../../shared/prefill.ts';
import { templateIdHint } from '../../shared/settings-values.ts';
import { readItem } from '../../shared/storage.ts';
import type { PendingCreate } from '../../shared/storage-items.ts';
import { invalid } from '../../shared/validate-settings.ts';
import { appendAudit } from '../audit/append.ts';
import { currentReviewer } from '../audit/record.ts';
import { updateItem } from '../edit-item.ts';
import { summarise } from '../inquiries/adopt-inquiry.ts';
import { rememberInquiry } from '../inquiry-cache.ts';
import { type LinkMeta, rememberLinkFromCreate } from '../one-time-links.ts';
import { openPersona, type PersonaAccess } from '../persona-access.ts';
import { addEntry } from '../watch/watchlist-logic.ts';
import { findCreated } from './find-created.ts';
import { dropPending, pendingCreates, savePending } from './pending-creates.ts';

type Created = Reply<'createInquiry'>;

// Joins repeated requests within one worker's life; a restarted worker rebuilds it from storage.
const inFlight = new Map<string, Promise<Created>>();
// The lost creates being looked for, by click key, so a resume meanwhile (an unlock) does not
// look for one twice.
const finding = new Set<string>();

// Async, so a refused template ID is a rejected promise; start() still runs within the call, so
// two clicks at once join one create.
export async function createInquiry(request: RequestOf<'createInquiry'>): Promise<Created> {
  const templateId = request.templateId.trim();
  if (!isTemplateId(templateId)) invalid('templateId', templateIdHint());
  const referenceId = request.referenceId?.trim();
  const prefill = Object.fromEntries(
    Object.entries(request.prefill ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
    ),
  );
  return start({
    key: request.idempotencyKey,
    clickKey: request.idempotencyKey,
    templateId,
    ...(referenceId ? { referenceId } : {}),
    ...(Object.keys(prefill).length > 0 ? { prefill } : {}),
    // A create asked again starts at its click: its 5xx recovery looks for what was made since.
    startedAt: request.clickedAt ?? Date.now(),
    ...(request.linkSeconds ? { linkSeconds: request.linkSeconds } : {}),
  });
}

/**
 * Finishes the creates a stopped worker or a closed browser left behind: at start-up, and at
 * unlock, since a locked desk (a browser start locks it) has no key to finish them with.
 */
export async function resumePendingCreates(): Promise<void> {
  const all = await pendingCreates();
  if (all.length === 0) return;
  const access = await openPersona();
  for (const pending of all) {
    // One this worker is running or looking for already (checked here, after the last await, so
    // two resumes at once take each in turn) is not lost, even if a lock took its prefill.
    const { clickKey } = pending;
    if (inFlight.has(clickKey) || finding.has(clickKey)) continue;
    // A failure of start is already dropped from storage; the popup that re-asks hears about it.
    // One of findLost leaves the create for the next start-up or unlock.
    if (!pending.lost) start(pending).catch(() => undefined);
    else {
      finding.add(clickKey);
      findLost(access, pending)
        .finally(() => finding.delete(clickKey))
        .catch(() => undefined);
    }
  }
}

/**
 * A create whose prefill went with the browser's session. Found by its reference ID, it is
 * adopted and watched; else (none, or no inquiry made) the log says it was interrupted: whether
 * Persona made it is unknown, and the reviewer checks the dashboard before creating again.
 */
async function findLost(access: PersonaAccess, pending: PendingCreate): Promise<void> {
  const { referenceId, templateId, startedAt } = pending;
  const found =
    referenceId && (await findCreated(access.client, referenceId, templateId, startedAt));
  if (found) await adopt(access, found.id);
  await logCreate(
    startedAt,
    found ? { outcome: 'ok', inquiryId: found.id } : { outcome: 'error', errorKind: INTERRUPTED },
  );
  await dropPending(pending.clickKey);
}

const formOf = (p: PendingCreate) =>
  JSON.stringify([p.templateId, p.referenceId ?? '', p.prefill ?? {}]);

function start(pending: PendingCreate): Promise<Created> {
  const form = `form:${formOf(pending)}`;
  const running = inFlight.get(pending.clickKey) ?? inFlight.get(form);
  if (running) return running;
  const run = finish(pending).finally(() => {
    inFlight.delete(pending.clickKey);
    inFlight.delete(form);
  });
  inFlight.set(pending.clickKey, run);
  inFlight.set(form, run);
  return run;
}

async function finish(asked: PendingCreate): Promise<Created> {
  // Read here, after start() has joined this run to any other for its click or form (two asks in
  // one task still make one request): a popup asking again in a new worker, before the resume,
  // goes on as the stopped worker left it, under the key last sent (a 5xx's second key, whose
  // stored answer Persona replays) and from the click's start.
  const pending = {
    ...asked,
    ...(await pendingCreates()).find((p) => p.clickKey === asked.clickKey),
  };
  await savePending(pending);
  // Who clicked: the policy's name, else the key the create goes with (a key saved before its
  // answer names another). Without a key to send it with, the failure is signed as it is logged.
  let reviewer: string | undefined;
  try {
    const access = await openPersona();
    reviewer = (await readPolicy()).reviewer ?? access.keyInfo.masked;
    const created = await createOrRecover(access, pending);
    await logCreate(pending.startedAt, { outcome: 'ok', inquiryId: created.inquiry.id }, reviewer);
    return created;
  } catch (error) {
    const { kind, requestId } = toErrorInfo(error);
    await logCreate(pending.startedAt, { outcome: 'error', errorKind: kind, requestId }, reviewer);
    throw error;
  } finally {
    // Settled either way: the reviewer sees the answer, and a later click is their own choice.
    await dropPending(pending.clickKey);
  }
}

/**
 * A create is logged here, once per create, not by the router's audit hook: the clicks that
 * join it (a popup asking again) and the restarted worker that finishes it (a stopped one's)
 * all end in this one run, and only here is its inquiry id known. Its time is the click's, also
 * for one finished or found after a browser restart, hours and an unlock later. Its reviewer is
 * named by the key it is sent or resumed with (finish), or read when a lost one is found
 * (findLost).
 */
async function logCreate(
  at: number,
  facts: Omit<AuditFacts, 'at' | 'reviewer' | 'action'>,
  reviewer?: string,
): Promise<void> {
  try {
    // Asked again after its answer (the next popup asks for a closed one's create), Persona
    // replays it: it is in the trail already, an inquiry by its id (nothing names one before its
    // create), a failure by its click's time.
    const id = facts.inquiryId;
    const { entries } = await readItem(auditTrailItem);
    if (entries.some((e) => e.inquiryId === id && (id || e.at === at))) return;
    await appendAudit({
      at,
      reviewer: reviewer ?? (await currentReviewer((await readPolicy()).reviewer)),
      action: 'create',
      ...facts,
    });
  } catch {
    // The inquiry is made (or its failure said) all the same; an unreadable trail says so itself.
  }
}

/** A 409 on a create means its key's first request is still running (a stopped worker's). */
const STILL_RUNNING_RETRIES = 5;
const STILL_RUNNING_WAIT_MS = 1_000;

async function createOrRecover(access: PersonaAccess, pending: PendingCreate): Promise<Created> {
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await send(access, pending, pending.key);
      // Under a second key: a 5xx's one more try, below, that a stopped worker left.
      return pending.key === pending.clickKey ? created : { ...created, recovery: 'retried' };
    } catch (error) {
      const { kind } = toErrorInfo(error);
      if (kind === 'conflict' && attempt < STILL_RUNNING_RETRIES) {
        // The answer to wait for is the one the first request gets: same key, a moment later.
        await new Promise((resolve) => setTimeout(resolve, STILL_RUNNING_WAIT_MS));
        continue;
      }
      // With no reference ID to look the first try's inquiry up by, a second try could make a
      // second inquiry: the reviewer is told, and checks Persona's dashboard before creating again.
      if (kind !== 'server' || !pending.referenceId) throw error;
      break;
    }
  }
  const { client } = access;
  const found = await findCreated(
    client,
    pending.referenceId,
    pending.templateId,
    pending.startedAt,
  );
  if (found) return adopt(access, found.id);
  // Nothing found: one more try, under a key that has no stored answer.
  const key = client.newIdempotencyKey();
  await savePending({ ...pending, key });
  return { ...(await send(access, pending, key)), recovery: 'retried' };
}

async function send(
  { client, settings, keyInfo }: PersonaAccess,
  pending: PendingCreate,
  idempotencyKey: string,
): Promise<Created> {
  const fields = toFields(pending.prefill);
  const { data } = await client.createInquiry(
    {
      templateId: pending.templateId,
      ...(pending.referenceId ? { referenceId: pending.referenceId } : {}),
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
    },
    {
      idempotencyKey,
      oneTimeLinkExpiresInSeconds: pending.linkSeconds ?? settings.linkExpiryHours * 3600,
    },
  );
  return keep(data.inquiry, data, keyInfo.masked);
}

/** The inquiry the 5xx'd create did make: its picture, a link to send, and the watch. */
async function adopt({ client, settings, keyInfo }: PersonaAccess, id: string): Promise<Created> {
  const seconds = settings.linkExpiryHours * 3600;
  const generated = await client.generateOneTimeLink(id, seconds).catch(() => undefined);
  const { data: inquiry } = await client.getInquiry(id, { include: [] });
  return { ...(await keep(inquiry, generated?.data, keyInfo.masked)), recovery: 'adopted' };
}

/**
 * The inquiry made or adopted, remembered with its link (if Persona gave one), and watched. A full
 * watchlist does not undo the create: the inquiry is made, said unwatched.
 */
async function keep(
  inquiry: Created['inquiry'],
  linked: LinkMeta | undefined,
  masked: string,
): Promise<Created> {
  const now = Date.now();
  await rememberInquiry(inquiry, now, masked);
  const link = await rememberLinkFromCreate(inquiry.id, linked, now, masked);
  // addEntry folds a second adoption of the same id into the existing entry; watched, nothing
  // is added to the reply.
  const watch = await updateItem(watchlistItem, (list) =>
    addEntry(list, summarise(inquiry), now),
  ).catch((error: unknown) => {
    // Only the full watchlist's refusal (watchlist-logic.ts); an unreadable one is said as before.
    if (toErrorInfo(error).kind !== 'invalid') throw error;
    return { unwatched: true } as const;
  });
  return { inquiry, fetchedAt: now, link, ...watch };
}

/** The prefill under Persona's field keys (snake case, as templates name them). */
function toFields(prefill: Prefill | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of prefillKeys) {
    const value = prefill?.[key]?.trim();
    // Templates name their fields in snake case: nameFirst → name_first.
    if (value) fields[toSnake(key)] = value;
  }
  return fields;
}
