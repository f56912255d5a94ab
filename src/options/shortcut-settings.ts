// Where the browser lets the reviewer change the desk's keyboard shortcut. Firefox opens its own
// page for it (`commands.openShortcutSettings`, Firefox 137:
// https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/commands/openShortcutSettings);
// Chrome has one at chrome://extensions/shortcuts, which an extension may open in a tab.
import { browser } from '../shared/browser.ts';

type WithShortcutSettings = { openShortcutSettings?: () => Promise<void> };

export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as unknown as WithShortcutSettings;
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
