// Managed values win: the stored settings are rewritten with the policy applied at start-up and
// whenever the administrator changes the policy, so every reader of the settings obeys it. The
// reviewer's own values of the fields it sets are kept aside meanwhile, and come back once it no
// longer sets them: a lifted policy does not leave its base URL, poll period or notifications
// behind as if the reviewer had chosen them.

import { settingsItem, settingsUnderPolicyItem } from '../shared/generated/stored-items.ts';
import { applyPolicyKeeping, tryReadPolicy } from '../shared/policy.ts';
import type { SettingsUnderPolicy } from '../shared/settings.ts';
import { readItem, writeItem } from '../shared/storage.ts';
import { editItem } from './edit-item.ts';

export async function enforcePolicy(): Promise<void> {
  // A policy that could not be read is not one lifted: nothing is given back on a failed read.
  const policy = await tryReadPolicy();
  if (!policy) return;
  let after: SettingsUnderPolicy | null = null;
  await editItem(settingsItem, async (settings) => {
    const before = await readItem(settingsUnderPolicyItem);
    const { settings: next, own, held } = applyPolicyKeeping(settings, before, policy);
    if (held[0]) after = { own, held };
    // The reviewer's values are kept before the policy's replace them, and let go of (below) only
    // once they are back in the settings: a worker stopped in between loses none.
    await writeItem(settingsUnderPolicyItem, {
      own,
      held: [...new Set([...(before?.held ?? []), ...held])],
    });
    const same = JSON.stringify(next) === JSON.stringify(settings);
    return { value: same ? settings : next, result: undefined };
  });
  await writeItem(settingsUnderPolicyItem, after);
}
