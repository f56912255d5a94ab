// The schema of each field of the organisation's policy (storage.managed, see policy.ts). Read field
// by field, through checks generated from these (src/shared/generated/stored-items.ts), so the
// background reads the policy without zod.
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { namedTemplateSchema, settingsSchema } from './settings.ts';

// Built on first use (lazy.ts).
export const policyFields = lazy(() => ({
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
  notificationReferences: z.boolean(),
  reviewer: z.string().check(z.minLength(1), z.maxLength(200)),
}));
type PolicyFields = ReturnType<typeof policyFields>;

export type Policy = {
  -readonly [K in keyof PolicyFields]?: z.infer<PolicyFields[K]>;
};
