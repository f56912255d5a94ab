// The organisation's policy, from storage.managed (read only; set by an administrator, see the
// README's "Managed settings"). Parsed field by field (policy-schema.ts): one bad value is ignored
// alone. Managed values win over the options page: `applyPolicy` is used on every write of the
// settings, and the options page shows the matching fields as set by the organisation and disabled.
import { browser } from './browser.ts';
import { policyChecks } from './generated/stored-items.ts';
import { isRecord } from './is-record.ts';
import type { Policy } from './policy-schema.ts';
import type { Settings, SettingsUnderPolicy } from './settings.ts';
import type { Parser } from './storage.ts';

export type { Policy };

/**
 * Each field the policy may set, parsed alone: `fields` are the checks generated from the fields'
 * schemas (policy-schema.ts), so the background reads the policy without zod.
 */
export function parsePolicy(
  raw: unknown,
  fields: Readonly<Record<string, Parser<unknown>>> = policyChecks,
): Policy {
  if (!isRecord(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse(raw[name]);
    if (parsed.success) out[name] = parsed.data;
  }
  return out as Policy;
}

/**
 * The policy; undefined when the browser could not read its managed storage (Firefox throws while
 * no policy names the extension), which is not the same as a policy that sets nothing.
 */
export async function tryReadPolicy(): Promise<Policy | undefined> {
  try {
    return parsePolicy(await browser.storage.managed.get(null));
  } catch {
    return undefined;
  }
}

/** The policy; {} where the browser has no managed storage (or it cannot be read). */
export async function readPolicy(): Promise<Policy> {
  return (await tryReadPolicy()) ?? {};
}

/** Which setting each policy field sets. */
const settingOf = {
  apiBaseUrl: 'baseUrl',
  allowProductionKeys: 'allowProduction',
  autoLockMinutes: 'autoLockMinutes',
  pollSeconds: 'pollSeconds',
  defaultTemplateId: 'defaultTemplateId',
  templates: 'templates',
  addressBarLookup: 'addressBarLookup',
  contextMenuLookup: 'contextMenuLookup',
  notifications: 'notifications',
  notificationReferences: 'notifyReference',
} as const satisfies Partial<Record<keyof Policy, keyof Settings>>;

/**
 * The settings with every value the policy sets put in place, and the reviewer's own values of
 * those fields kept in `own`: a field the policy no longer sets gets the reviewer's value back
 * from there, rather than keep the organisation's.
 */
export function applyPolicyKeeping(
  settings: Settings,
  before: SettingsUnderPolicy | null,
  policy: Policy,
): SettingsUnderPolicy & { settings: Settings } {
  const next: Record<string, unknown> = { ...settings };
  const own: Record<string, unknown> = { ...(before?.own ?? settings) };
  const held = new Set(before?.held);
  for (const [field, setting] of Object.entries(settingOf)) {
    const value = policy[field as keyof typeof settingOf];
    if (value !== undefined) {
      if (!held.has(setting)) own[setting] = settings[setting];
      held.add(setting);
      next[setting] = value;
    } else if (held.delete(setting)) next[setting] = own[setting];
  }
  return { settings: next as Settings, own: own as Settings, held: [...held] };
}

/**
 * The settings as the reviewer set them: those the policy sets with the reviewer's own values,
 * kept aside while it does (policy-enforce.ts); the rest as stored. The options page edits these,
 * so a field the policy stops setting while it is open shows, and saves, the reviewer's value.
 */
export function ownSettings(settings: Settings, under: SettingsUnderPolicy | null): Settings {
  const own: Record<string, unknown> = { ...settings };
  for (const name of under?.held ?? []) own[name] = under?.own[name as keyof Settings];
  return own as Settings;
}

/** The settings with every value the policy sets put in place. */
export function applyPolicy(settings: Settings, policy: Policy): Settings {
  return applyPolicyKeeping(settings, null, policy).settings;
}

/** The settings the policy sets: the options page shows them disabled. */
export function managedSettings(policy: Policy): Set<keyof Settings> {
  return new Set(
    Object.entries(settingOf)
      .filter(([field]) => policy[field as keyof typeof settingOf] !== undefined)
      .map(([, setting]) => setting),
  );
}
