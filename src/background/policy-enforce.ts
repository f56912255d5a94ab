// Managed values win: the stored settings are rewritten with the policy applied at start-up and
// whenever the administrator changes the policy, so every reader of the settings obeys it.

import { settingsItem } from '../shared/generated/stored-items.ts';
import { applyPolicy, readPolicy } from '../shared/policy.ts';
import { editItem } from './edit-item.ts';

export async function enforcePolicy(): Promise<void> {
  const policy = await readPolicy();
  await editItem(settingsItem, (settings) => {
    const next = applyPolicy(settings, policy);
    const same = JSON.stringify(next) === JSON.stringify(settings);
    return { value: same ? settings : next, result: undefined };
  });
}
