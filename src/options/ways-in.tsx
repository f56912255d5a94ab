import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { firefoxSidebar } from '../shared/browser-panels.ts';
import { t } from '../shared/i18n.ts';
import { openShortcutSettings } from './shortcut-settings.ts';

/** The manifest's command that opens the desk's popup (manifest.json `commands`). */
const OPEN_POPUP = '_execute_action';

/**
 * The ways to the desk besides its toolbar button, for a reviewer who has not read the README
 * (an installed extension does not ship it): the right-click lookup and the `kyc` keyword, each
 * while on (the settings, or the organisation's policy, may turn either off), and the shortcut
 * as the browser has it now (the reviewer may have changed it, or another extension taken it).
 */
export function WaysIn({ addressBar, contextMenu }: { addressBar: boolean; contextMenu: boolean }) {
  // undefined until the browser says; '' when no key is bound (or another extension took it);
  // null when the browser would not say, where the way to its page is offered all the same.
  const [shortcut, setShortcut] = useState<string | null>();
  const [pageFailed, setPageFailed] = useState(false);
  useEffect(() => {
    let live = true;
    // Asked inside the promise: a browser without the API, or one that throws, shows no shortcut.
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((commands) => {
        const key = commands.find((command) => command.name === OPEN_POPUP)?.shortcut;
        if (live) setShortcut(key ?? '');
      })
      .catch(() => live && setShortcut(null));
    return () => {
      live = false;
    };
  }, []);
  const ways = [contextMenu && t('wayContextMenu'), addressBar && t('wayKeyword')].filter(
    (way): way is string => Boolean(way),
  );
  return (
    <section aria-labelledby="ways-heading" data-testid="ways-in">
      <h2 id="ways-heading">{t('waysInHeading')}</h2>
      {(ways.length > 0 || shortcut !== undefined) && (
        <ul class="hint ways-in">
          {ways.map((way) => (
            <li key={way}>{way}</li>
          ))}
          {/* Where to change it is each browser's own page (the README once named Chrome's only);
              with none bound, where to set one. */}
          {shortcut !== undefined && (
            <li>
              {shortcut === '' ? t('wayNoShortcut') : shortcut && t('wayShortcut', shortcut)}{' '}
              <button
                type="button"
                class="link"
                onClick={() => {
                  setPageFailed(false);
                  openShortcutSettings().catch(() => setPageFailed(true));
                }}
              >
                {shortcut === '' ? t('setShortcut') : t('changeShortcut')}
              </button>
            </li>
          )}
        </ul>
      )}
      {/* Said where the reviewer can open the page by hand, when the browser would not: a live
          region there from the start, so the words are read when they come. */}
      <p class="hint" role="status">
        {pageFailed && t('shortcutPageFailed')}
      </p>
      {/* Firefox has no side panel: the same page is its sidebar. */}
      <p class="hint">{firefoxSidebar() ? t('waysSidebar') : t('waysSidePanel')}</p>
    </section>
  );
}
