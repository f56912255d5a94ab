// Managed values win: the stored settings are rewritten with the policy applied at start-up and
// whenever the administrator changes the policy, so every reader of the settings obeys it. The
// reviewer's own values of the fields it sets are kept aside meanwhile, and come back once it no
// longer sets them: a lifted policy does not leave its base URL, poll period or notifications
// behind as if the reviewer had chosen them.

import { settingsItem, settingsUnderPolicyItem } from '../shared/generated/stored-items.ts';
import { applyPolicyKeeping, readPolicy } from '../shared/policy.ts';
import { readItem, writeItem } from '../shared/storage.ts';
import { editItem } from './edit-item.ts';

export async function enforcePolicy(): Promise<void> {
  const policy = await readPolicy();
  await editItem(settingsItem, async (settings) => {
    const {
      settings: next,
      own,
      held,
    } = applyPolicyKeeping(settings, await readItem(settingsUnderPolicyItem), policy);
    // Written before the settings: the reviewer's values are kept before the policy's replace
    // them. (A worker stopped between the two writes as a policy is lifted leaves the policy's
    // value in place, as if it were still set, until the reviewer changes it.)
    await writeItem(settingsUnderPolicyItem, held.length > 0 ? { own, held } : null);
    const same = JSON.stringify(next) === JSON.stringify(settings);
    return { value: same ? settings : next, result: undefined };
  });
}
