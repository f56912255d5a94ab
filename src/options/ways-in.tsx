import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';

/** The manifest's command that opens the desk's popup (manifest.json `commands`). */
const OPEN_POPUP = '_execute_action';

/**
 * The ways to the desk besides its toolbar button, for a reviewer who has not read the README
 * (an installed extension does not ship it): the right-click lookup and the `kyc` keyword, each
 * while on (the settings, or the organisation's policy, may turn either off), and the shortcut
 * as the browser has it now (the reviewer may have changed it, or another extension taken it).
 */
export function WaysIn({ addressBar, contextMenu }: { addressBar: boolean; contextMenu: boolean }) {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    let live = true;
    // Asked inside the promise: a browser without the API, or one that throws, shows no shortcut.
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((commands) => {
        const key = commands.find((command) => command.name === OPEN_POPUP)?.shortcut;
        if (live && key) setShortcut(key);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const ways = [
    contextMenu && t('wayContextMenu'),
    addressBar && t('wayKeyword'),
    shortcut && t('wayShortcut', shortcut),
  ].filter((way): way is string => Boolean(way));
  return (
    <section aria-labelledby="ways-heading" data-testid="ways-in">
      <h2 id="ways-heading">{t('waysInHeading')}</h2>
      {ways.length > 0 && (
        <ul class="hint ways-in">
          {ways.map((way) => (
            <li key={way}>{way}</li>
          ))}
        </ul>
      )}
      <p class="hint">{t('waysSidePanel')}</p>
    </section>
  );
}
