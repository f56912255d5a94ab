// The built Firefox add-on (dist-firefox/) in Debian's Firefox ESR, headless, driven by
// puppeteer-core over WebDriver BiDi. Installed as a temporary add-on, so it needs
// browser_specific_settings.gecko.id; a preference sets its internal UUID, so its pages' URLs are
// known up front.
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/lib/firefox-manifest.ts';
import { findFirefox } from './browser-path.ts';
import { buildIfStale } from './build-if-stale.ts';

export interface FirefoxHarness {
  browser: Browser;
  extensionUrl(path: string): string;
  /** A new tab showing one of the add-on's pages, loaded. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export function buildFirefoxIfStale(): string {
  return buildIfStale({
    outDir: 'dist-firefox',
    config: 'vite.firefox.config.ts',
    inputs: ['scripts/lib/firefox-manifest.ts'],
  });
}

/** The development build (dist-firefox/, rebuilt when stale), or the add-on unpacked in `dir`. */
export async function launchFirefox(dir = buildFirefoxIfStale()): Promise<FirefoxHarness> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Firefox 153 refuses WebDriver navigation to moz-extension:// pages ("not allowed in this
    // context") unless the remote agent may reach privileged URLs; 140 allowed it without this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  try {
    const id = await browser.installExtension(dir);
    if (id !== GECKO_ID) throw new Error(`installed as ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path}`;

  async function openPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    const url = extensionUrl(path);
    // Leaving about:blank for an add-on page swaps the tab's process, so the navigation rejects
    // with "Frame detached" (153) or never settles (140) although the page loads: wait for the
    // page itself instead.
    void page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const at = await page
        .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
        .catch(() => '');
      if (at === url) return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load (at ${at || 'nothing'})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return { browser, extensionUrl, openPage, close: () => browser.close() };
}

const roleSelectors = {
  button: 'button, [role="button"]',
  textbox:
    'input:not([type]), input[type="text"], input[type="password"], input[type="url"], textarea',
  searchbox: 'input[type="search"], [role="searchbox"]',
} as const;

export type Role = keyof typeof roleSelectors;

/**
 * The control with this role and accessible name (aria-label, aria-labelledby, its <label>, or a
 * button's text), once it is there. Puppeteer's `::-p-aria()` finds nothing in Firefox over BiDi,
 * so this computes the common cases of the name in the page.
 */
export async function byRole(
  page: Page,
  role: Role,
  name: string,
  timeout = 10_000,
): Promise<ElementHandle<Element>> {
  const selector = roleSelectors[role];
  // A poll of evaluateHandle, not waitForFunction: Firefox 140 runs waitForFunction's poller
  // through Function(), which the add-on's CSP blocks.
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await page.evaluateHandle(
      (sel, wanted) => {
        const squash = (text: string | null | undefined) =>
          (text ?? '').replace(/\s+/g, ' ').trim();
        const nameOf = (el: Element): string => {
          const labelled = el.getAttribute('aria-labelledby');
          if (labelled) {
            return labelled
              .split(' ')
              .map((id) => squash(document.getElementById(id)?.textContent))
              .join(' ');
          }
          const aria = el.getAttribute('aria-label');
          if (aria) return squash(aria);
          const labels = (el as HTMLInputElement).labels;
          if (labels && labels.length > 0) return squash(labels[0]?.textContent);
          return squash(el.textContent);
        };
        return [...document.querySelectorAll(sel)].find(
          // Not one disabled or held (aria-disabled, as the detail's actions are while one is out).
          (el) =>
            nameOf(el) === wanted &&
            !(el as HTMLButtonElement).disabled &&
            el.getAttribute('aria-disabled') !== 'true',
        );
      },
      selector,
      name,
    );
    const element = handle.asElement();
    if (element) return element as ElementHandle<Element>;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`no ${role} named "${name}" after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
