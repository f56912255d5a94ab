// The audit trail: append-only, hash-chained, never dropping silently, verifiable from an export.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { appendAudit } from '../../../src/background/audit/append.ts';
import { prepareAudit } from '../../../src/background/audit/record.ts';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { migrateStorage } from '../../../src/background/migrations.ts';
import { enforcePolicy } from '../../../src/background/policy-enforce.ts';
import { readAuditTrail } from '../../../src/shared/audit/read-trail.ts';
import {
  type AuditEntry,
  chainEntry,
  GENESIS_HASH,
  trailToCsv,
  verifyExport,
  verifyTrail,
} from '../../../src/shared/audit/trail.ts';
import { auditPendingItem, auditTrailItem } from '../../../src/shared/audit/trail-item.ts';
import type { Request } from '../../../src/shared/messages.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';
import { readItem, writeItem } from '../../../src/shared/storage.ts';

const facts = (i: number) => ({
  at: 1_000 + i,
  reviewer: 'reviewer@example.com',
  inquiryId: `inq_Audit${String(i).padStart(6, '0')}`,
  action: 'approve' as const,
  outcome: 'ok' as const,
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** `n` chained entries from the start, as appendAudit would have written them. */
async function chain(n: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    entries.push(await chainEntry(facts(i), i, entries.at(-1)?.hash ?? GENESIS_HASH));
  }
  return entries;
}

describe('audit trail', () => {
  it('chains each entry to the one before; the export verifies, an edited one does not', async () => {
    for (let i = 0; i < 5; i++) await appendAudit(facts(i));
    const trail = await readItem(auditTrailItem);
    expect(trail.entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(trail.entries[1]?.prevHash).toBe(trail.entries[0]?.hash);
    const exported = JSON.stringify(trail);
    expect(await verifyExport(exported)).toMatchObject({ ok: true, entries: 5 });
    const edited = exported.replace('"action":"approve"', '"action":"decline"');
    expect(await verifyExport(edited)).toMatchObject({ ok: false, at: 0 });
    const cut = { ...trail, entries: trail.entries.filter((_, i) => i !== 2) };
    expect(await verifyTrail(cut)).toMatchObject({ ok: false, at: 2 });
    expect(await verifyExport('not json')).toMatchObject({ ok: false });
  });

  it('hashes an entry written before details as it was, and the details of one that has them', async () => {
    // The hash of facts(0) as the trail wrote it before entries had details (pinned from then).
    expect((await chainEntry(facts(0), 0, GENESIS_HASH)).hash).toBe(
      '9a2df4bf0388d5ec2a7f0b323a1e8fdeb2fcddf56494eb024ee0a759623c1311',
    );
    const revealed = { ...facts(0), action: 'reveal' as const, details: ['inquiry:birthdate'] };
    const entry = await chainEntry(revealed, 0, GENESIS_HASH);
    expect(entry.hash).not.toBe('9a2df4bf0388d5ec2a7f0b323a1e8fdeb2fcddf56494eb024ee0a759623c1311');
    const trail = { entries: [entry] };
    expect(await verifyTrail(trail)).toMatchObject({ ok: true });
    // What the entry names cannot be changed, added or dropped without the chain saying so.
    for (const details of [['all'], ['inquiry:birthdate', 'all'], undefined]) {
      expect(await verifyTrail({ entries: [{ ...entry, details }] })).toMatchObject({ ok: false });
    }
  });

  it('drops the oldest past the limit behind a checkpoint, and still verifies', async () => {
    const limits = { max: 20, dropPages: 1, pageSize: 5 };
    const start = Date.now();
    for (let i = 0; i <= 20; i++) await appendAudit(facts(i), limits);
    const trail = await readAuditTrail();
    expect(trail.entries).toHaveLength(16);
    expect(trail.checkpoint).toMatchObject({ dropped: 5 });
    // When they were dropped, not the time the entry that made room records (a create's click).
    expect(trail.checkpoint?.droppedAt).toBeGreaterThanOrEqual(start);
    expect(trail.entries[0]?.seq).toBe(5);
    // Stored in pages of five, the dropped one gone with its key; the open page holds the last.
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
      'auditTrail',
      'auditTrailPage:10',
      'auditTrailPage:15',
      'auditTrailPage:5',
    ]);
    expect((await readItem(auditTrailItem)).entries.map((e) => e.seq)).toEqual([20]);
    expect(await verifyTrail(trail)).toMatchObject({ ok: true });
    expect(await verifyTrail({ ...trail, checkpoint: undefined })).toMatchObject({ ok: false });
    // An edited entry is named by its seq, as the export shows it, not by its place in the file.
    const edited = trail.entries.map((e, i) => (i === 2 ? { ...e, at: e.at + 1 } : e));
    expect(await verifyTrail({ ...trail, entries: edited })).toMatchObject({
      ok: false,
      at: 2,
      reason: 'entry 7: was changed after it was written',
      // And by what the page's table shows of it: its time and action, as the file has them.
      entry: { at: edited[2]?.at ?? 0, action: edited[2]?.action },
    });
  });

  it('an append to a full trail writes its head and at most one page, however long the trail', async () => {
    // A trail as stored before pages: 1,999 entries in one item (some 540 KB).
    await writeItem(auditTrailItem, { entries: await chain(1_999) });
    await appendAudit(facts(1_999));
    const written: number[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const spy = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementation(async (items: Record<string, unknown>) => {
        written.push(JSON.stringify(items).length);
        return set(items);
      });
    // The 2,001st closes a page of 100 and drops the oldest 500 behind a checkpoint; the next
    // only adds to the open page.
    await appendAudit(facts(2_000));
    await appendAudit(facts(2_001));
    spy.mockRestore();
    // The whole trail is some 540 KB as JSON; a page of 100 entries, some 30 KB; the head, with
    // one entry or two, a few KB. The first of the two writes the page it closes, then the head.
    expect(written).toHaveLength(3);
    expect(written[0]).toBeLessThan(35_000);
    expect(written[1]).toBeLessThan(4_000);
    expect(written[2]).toBeLessThan(4_000);
    const trail = await readAuditTrail();
    expect(trail.entries.map((e) => e.seq)).toEqual(range(500, 2_002));
    expect(trail.checkpoint?.dropped).toBe(500);
    expect(await verifyTrail(trail)).toMatchObject({ ok: true, entries: 1_502 });
    const pages = Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) =>
      key.startsWith('auditTrailPage:'),
    );
    expect(pages).toHaveLength(15);
  });

  it('a trail stored before pages, past a checkpoint, is closed into pages from where it starts', async () => {
    const all = await chain(1_500);
    const checkpoint = { hash: all[499]?.hash ?? '', dropped: 500, droppedAt: 7 };
    await writeItem(auditTrailItem, { entries: all.slice(500), checkpoint, lastExportedAt: 9 });
    await appendAudit(facts(1_500));
    const head = await readItem(auditTrailItem);
    expect(head.pages?.map((page) => page.first)).toEqual(range(5, 15).map((i) => i * 100));
    expect(head.entries.map((e) => e.seq)).toEqual([1_500]);
    const trail = await readAuditTrail();
    expect(trail).toMatchObject({ checkpoint, lastExportedAt: 9 });
    expect(await verifyTrail(trail)).toMatchObject({ ok: true, entries: 1_001, firstSeq: 500 });
  });

  it('a page missing from storage shows as a break at its first entry, not as a shorter trail', async () => {
    const limits = { max: 100, dropPages: 1, pageSize: 10 };
    for (let i = 0; i < 25; i++) await appendAudit(facts(i), limits);
    await fakeBrowser.storage.local.remove('auditTrailPage:10');
    const trail = await readAuditTrail();
    expect(trail.entries).toHaveLength(15);
    expect(await verifyTrail(trail)).toMatchObject({
      ok: false,
      reason: 'entry 20: an entry is missing before it',
    });
  });

  it('records an action’s outcome with Persona’s error kind and Request-Id, and no text', async () => {
    const done = await prepareAudit(
      { type: 'inquiryAction', id: 'inq_AAAAAA111111', action: 'decline', comment: 'Jane lied' },
      async () => 'persona_sandbox_…1a2b',
      () => 42,
    );
    await done?.({
      ok: false,
      error: { kind: 'conflict', message: 'Jane Doe', requestId: 'req_123' },
    });
    const [entry] = (await readItem(auditTrailItem)).entries;
    expect(entry).toMatchObject({
      at: 42,
      reviewer: 'persona_sandbox_…1a2b',
      inquiryId: 'inq_AAAAAA111111',
      action: 'decline',
      outcome: 'error',
      errorKind: 'conflict',
      requestId: 'req_123',
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/Jane/);
    expect(await prepareAudit({ type: 'ping' }, async () => 'x')).toBeUndefined();
  });

  it('logs a passphrase changed apart from one set, and never the passphrases', async () => {
    const reviewer = async () => 'persona_sandbox_…1a2b';
    const set = await prepareAudit(
      { type: 'setPassphrase', passphrase: 'first one here' },
      reviewer,
    );
    await set?.({ ok: true, data: { locked: false } });
    const change = await prepareAudit(
      { type: 'setPassphrase', passphrase: 'second one here', current: 'first one here' },
      reviewer,
    );
    await change?.({ ok: true, data: { locked: false } });
    const { entries } = await readItem(auditTrailItem);
    expect(entries.map((entry) => entry.action)).toEqual(['passphraseSet', 'passphraseChanged']);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/one here/);
  });

  it('keeps text that is not an inquiry id out of the trail: the refusal is logged without it', async () => {
    // A page's bug sending what the reviewer typed as the id; the handler refuses it.
    const done = await prepareAudit(
      { type: 'inquiryAction', id: 'Jane Doe', action: 'approve' },
      async () => 'persona_sandbox_…1a2b',
      () => 42,
    );
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/Jane/);
    await done?.({ ok: false, error: { kind: 'invalid', message: 'Jane Doe is not an id' } });
    const [entry] = (await readItem(auditTrailItem)).entries;
    expect(entry).toMatchObject({ action: 'approve', outcome: 'error', errorKind: 'invalid' });
    expect(entry).not.toHaveProperty('inquiryId');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/Jane/);
  });

  it('names a saved key by that key, and a removed one by the key it removed', async () => {
    let saved = 'persona_sandbox_…0000';
    const reviewer = async () => saved;
    const save = await prepareAudit(
      { type: 'saveOptions', settings: defaultSettings(), key: 'persona_production_x' },
      reviewer,
    );
    saved = 'persona_production_…8b1c'; // what the handler stored
    await save?.({ ok: true, data: {} });
    const remove = await prepareAudit({ type: 'clearKey' }, reviewer);
    saved = 'no key saved';
    await remove?.({ ok: true, data: {} });
    const entries = (await readItem(auditTrailItem)).entries;
    expect(entries.map((e) => [e.action, e.reviewer])).toEqual([
      ['keySaved', 'persona_production_…8b1c'],
      ['keyRemoved', 'persona_production_…8b1c'],
    ]);
  });

  it('logs an action its worker was stopped in the middle of as interrupted, at the next start, once', async () => {
    const request: Request = { type: 'inquiryAction', id: 'inq_AAAAAA111111', action: 'approve' };
    // Chrome stops the worker while the approval is out: its answer never comes.
    await prepareAudit(
      request,
      async () => 'reviewer@example.com',
      () => 7,
    );
    const { logInterrupted } = await import('../../../src/background/audit/pending.ts');
    // The same worker still waits for that answer: nothing is left over yet.
    await logInterrupted();
    expect((await readItem(auditTrailItem)).entries).toEqual([]);
    // The next worker: the same modules, loaded again.
    vi.resetModules();
    const next = await import('../../../src/background/audit/pending.ts');
    await next.logInterrupted();
    await next.logInterrupted();
    const { entries } = await readItem(auditTrailItem);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      at: 7,
      reviewer: 'reviewer@example.com',
      inquiryId: 'inq_AAAAAA111111',
      action: 'approve',
      outcome: 'error',
      errorKind: 'interrupted',
    });
    expect(await readItem(auditPendingItem)).toEqual({});
    expect(await verifyTrail(await readItem(auditTrailItem))).toMatchObject({ ok: true });
  });

  it('logs "Allow production keys" turned on and off by a save, and nothing for a save that keeps it', async () => {
    const settings = defaultSettings();
    await saveOptions({ type: 'saveOptions', settings });
    await saveOptions({ type: 'saveOptions', settings: { ...settings, allowProduction: true } });
    await saveOptions({ type: 'saveOptions', settings: { ...settings, allowProduction: true } });
    await saveOptions({
      type: 'saveOptions',
      settings: { ...settings, allowProduction: true },
      key: 'persona_production_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d9f9f',
    });
    // Refused while the saved key is a production one: nothing changed, nothing logged.
    await expect(saveOptions({ type: 'saveOptions', settings })).rejects.toThrow();
    await fakeBrowser.storage.local.remove(['apiKey', 'keyInfo']);
    await saveOptions({ type: 'saveOptions', settings });
    const { entries } = await readItem(auditTrailItem);
    expect(entries.map((e) => [e.action, e.reviewer])).toEqual([
      ['productionAllowed', 'no key saved'],
      ['productionDisallowed', 'no key saved'],
    ]);
  });

  it('logs any other setting changed by a save as settingsChanged, and nothing for a save that changes none', async () => {
    const settings = defaultSettings();
    // The stored defaults, saved as they are: nothing changed.
    await saveOptions({ type: 'saveOptions', settings });
    const chat = { ...settings, chatTemplate: 'Please verify here: {link}' };
    await saveOptions({ type: 'saveOptions', settings: chat });
    await saveOptions({ type: 'saveOptions', settings: chat });
    await saveOptions({ type: 'saveOptions', settings: { ...chat, autoLockMinutes: 60 } });
    // Both at once: two entries, one for each fact.
    await saveOptions({
      type: 'saveOptions',
      settings: { ...chat, autoLockMinutes: 60, allowProduction: true, pollSeconds: 120 },
    });
    const { entries } = await readItem(auditTrailItem);
    // Each change names its settings, never their values.
    expect(entries.map((e) => [e.action, e.outcome, e.details])).toEqual([
      ['settingsChanged', 'ok', ['chatTemplate']],
      ['settingsChanged', 'ok', ['autoLockMinutes']],
      ['settingsChanged', 'ok', ['pollSeconds']],
      ['productionAllowed', 'ok', undefined],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Please verify');
    expect(await verifyTrail(await readItem(auditTrailItem))).toMatchObject({ ok: true });
  });

  it('logs no settings change for what a policy sets, given in a form the desk normalises', async () => {
    // As an administrator may type them: no /api/v1, spaces around the template id.
    await fakeBrowser.storage.managed.set({
      apiBaseUrl: 'https://api.withpersona.com/',
      defaultTemplateId: '  itmpl_PolicyTemplate1  ',
    });
    // The worker's start writes the policy's values into the stored settings as given.
    await enforcePolicy();
    const settings = defaultSettings();
    await saveOptions({ type: 'saveOptions', settings });
    await saveOptions({ type: 'saveOptions', settings });
    await enforcePolicy();
    await saveOptions({ type: 'saveOptions', settings: { ...settings, pollSeconds: 120 } });
    const { entries } = await readItem(auditTrailItem);
    expect(entries.map((e) => [e.action, e.details])).toEqual([
      ['settingsChanged', ['pollSeconds']],
    ]);
    await fakeBrowser.storage.managed.clear();
  });

  it('records the field a reveal showed, by name, in its entry and in its interrupted mark', async () => {
    const reveal = {
      type: 'recordReveal',
      id: 'inq_AAAAAA111111',
      field: 'government-id:identification-number',
    } as const;
    const done = await prepareAudit(reveal, async () => 'r');
    expect(Object.values(await readItem(auditPendingItem))).toMatchObject([
      { action: 'reveal', details: ['government-id:identification-number'] },
    ]);
    await done?.({ ok: true, data: { recorded: true } });
    // Interrupted: the mark the next worker logs names the field too.
    await prepareAudit({ ...reveal, field: 'all' }, async () => 'r');
    vi.resetModules();
    await (await import('../../../src/background/audit/pending.ts')).logInterrupted();
    const { entries } = await readItem(auditTrailItem);
    expect(entries.map((e) => [e.action, e.outcome, e.details])).toEqual([
      ['reveal', 'ok', ['government-id:identification-number']],
      ['reveal', 'error', ['all']],
    ]);
    expect(await verifyTrail(await readItem(auditTrailItem))).toMatchObject({ ok: true });
  });

  it('leaves no mark behind an action that was answered', async () => {
    const done = await prepareAudit(
      { type: 'changeTag', id: 'inq_AAAAAA111111', change: 'add', tag: 'vip' },
      async () => 'r',
    );
    expect(Object.values(await readItem(auditPendingItem))).toMatchObject([
      { action: 'addTag', errorKind: 'interrupted' },
    ]);
    await done?.({ ok: true, data: {} });
    expect(await readItem(auditPendingItem)).toEqual({});
    vi.resetModules();
    await (await import('../../../src/background/audit/pending.ts')).logInterrupted();
    expect((await readItem(auditTrailItem)).entries.map((e) => e.outcome)).toEqual(['ok']);
  });

  it.each([
    [{ type: 'showPhotos', id: 'inq_AAAAAA111111' }, 'photosShown'],
    [{ type: 'printInquiry', id: 'inq_AAAAAA111111' }, 'savePdf'],
    [{ type: 'changeTag', id: 'inq_AAAAAA111111', change: 'add', tag: 'vip' }, 'addTag'],
    [{ type: 'changeTag', id: 'inq_AAAAAA111111', change: 'remove', tag: 'vip' }, 'removeTag'],
  ] as [Request, string][])('records %j as %s', async (request, action) => {
    const done = await prepareAudit(
      request,
      async () => 'r',
      () => 7,
    );
    await done?.({ ok: true, data: {} });
    const [entry] = (await readItem(auditTrailItem)).entries;
    expect(entry).toMatchObject({ action, inquiryId: 'inq_AAAAAA111111', outcome: 'ok' });
    expect(JSON.stringify(entry)).not.toMatch(/vip/);
  });

  it('exports CSV with a header and formula-safe cells, each action also in the words the page shows', async () => {
    await appendAudit({ ...facts(0), reviewer: '=HYPERLINK("x")' });
    await appendAudit({
      ...facts(1),
      action: 'settingsChanged',
      details: ['chatTemplate', 'autoLockMinutes'],
    });
    const csv = trailToCsv(await readItem(auditTrailItem), (action) => `Label of ${action}`);
    const [head, row, changed] = csv.split('\r\n');
    expect(head).toBe(
      'seq,at,reviewer,inquiryId,action,outcome,errorKind,requestId,prevHash,hash,actionLabel,details',
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row?.split(',').slice(-2)).toEqual([`Label of ${facts(0).action}`, '']);
    // The names an entry records, after it.
    expect(changed?.split(',').slice(-2)).toEqual([
      'Label of settingsChanged',
      'chatTemplate; autoLockMinutes',
    ]);
  });

  it('migration 3 turns the old action log into the chained trail', async () => {
    await fakeBrowser.storage.local.set({
      storageVersion: 2,
      actionLog: [
        { at: 2, inquiryId: 'inq_B', action: 'decline', by: 'k', outcome: 'failed' },
        { at: 1, inquiryId: 'inq_A', action: 'approve', by: 'k', outcome: 'ok' },
      ],
    });
    await migrateStorage();
    const trail = await readItem(auditTrailItem);
    expect(trail.entries.map((e) => [e.inquiryId, e.outcome])).toEqual([
      ['inq_A', 'ok'],
      ['inq_B', 'error'],
    ]);
    expect(await verifyTrail(trail)).toMatchObject({ ok: true });
    expect((await fakeBrowser.storage.local.get('actionLog')).actionLog).toBeUndefined();
    await writeItem(auditTrailItem, trail);
  });
});
