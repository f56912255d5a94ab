// The organisation's policy, from storage.managed (read only; set by an administrator, see the
// README's "Managed settings"). Parsed field by field: one bad value is ignored alone. Managed values
// win over the options page: `applyPolicy` is used on every write of the settings, and the
// options page shows the matching fields as set by the organisation and disabled.
import * as z from 'zod/mini';
import { browser } from './browser.ts';
import { lazy } from './lazy.ts';
import { namedTemplateSchema, type Settings, settingsSchema } from './settings.ts';

// Built on first use (lazy.ts), not when the worker's script runs.
const policyFields = lazy(() => ({
  apiBaseUrl: z.string().check(z.maxLength(500)),
  allowProductionKeys: z.boolean(),
  requirePassphrase: z.boolean(),
  autoLockMinutes: settingsSchema().def.shape.autoLockMinutes.def.innerType,
  pollSeconds: settingsSchema().def.shape.pollSeconds.def.innerType,
  defaultTemplateId: z.string().check(z.maxLength(100)),
  templates: z.array(namedTemplateSchema()).check(z.maxLength(50)),
  addressBarLookup: z.boolean(),
  contextMenuLookup: z.boolean(),
  notifications: z.boolean(),
  reviewer: z.string().check(z.minLength(1), z.maxLength(200)),
}));
type PolicyFields = ReturnType<typeof policyFields>;

export type Policy = {
  -readonly [K in keyof PolicyFields]?: z.infer<PolicyFields[K]>;
};

export function parsePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(policyFields())) {
    const parsed = schema.safeParse((raw as Record<string, unknown>)[name]);
    if (parsed.success) out[name] = parsed.data;
  }
  return out as Policy;
}

/** The policy; {} where the browser has no managed storage (or it cannot be read). */
export async function readPolicy(): Promise<Policy> {
  try {
    return parsePolicy(await browser.storage.managed.get(null));
  } catch {
    return {};
  }
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
} as const satisfies Partial<Record<keyof Policy, keyof Settings>>;

/** The settings with every value the policy sets put in place. */
export function applyPolicy(settings: Settings, policy: Policy): Settings {
  const next: Record<string, unknown> = { ...settings };
  for (const [field, setting] of Object.entries(settingOf)) {
    const value = policy[field as keyof typeof settingOf];
    if (value !== undefined) next[setting] = value;
  }
  return next as Settings;
}

/** The settings the policy sets: the options page shows them disabled. */
export function managedSettings(policy: Policy): Set<keyof Settings> {
  return new Set(
    Object.entries(settingOf)
      .filter(([field]) => policy[field as keyof typeof settingOf] !== undefined)
      .map(([, setting]) => setting),
  );
}
