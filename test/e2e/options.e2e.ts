import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxControls } from '../persona-sandbox/controls.ts';
import { type ExtensionHarness, launchExtension } from './harness.ts';
import { expectKeyToggleStill } from './key-toggle.ts';
import { dragGrip } from './page-checks.ts';
import { sandbox } from './sandbox.ts';

let ext: ExtensionHarness;
let page: Page;
const key = sandbox().key;
const baseUrl = sandbox().baseUrl;
const controls = sandboxControls(sandbox().origin);

beforeAll(async () => {
  ext = await launchExtension();
  // The tests here expect Save's answer within expect.poll's default second.
  await ext.policyLoaded();
});
afterAll(async () => {
  await ext?.close();
});
beforeEach(async () => {
  const worker = await ext.serviceWorker();
  await worker.evaluate(() =>
    Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()]),
  );
  page = await ext.openOptions();
  await page.getByRole('textbox', { name: 'API base URL' }).waitFor();
});

async function fill(name: string, value: string) {
  // The key is a password field, which has no ARIA role until it is revealed.
  const box =
    name === 'API key'
      ? page.getByLabel('API key', { exact: true })
      : page.getByRole('textbox', { name, exact: true });
  await box.fill(value);
}
const outcome = () => page.getByTestId('options-outcome');

describe('options: connecting a key', () => {
  it('saves a sandbox key, and Test connection shows sandbox and the environment id', async () => {
    await fill('API key', key);
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-environment').textContent())
      .toBe("to Persona's sandbox environment");
    expect(await page.getByTestId('environment-id').textContent()).toMatch(/^env_/);
    expect(await outcome().textContent()).toMatch(/requests left this minute/);
    expect(await page.getByTestId('environment').textContent()).toBe('Sandbox');
    // The addresses in the base URL's hint, copied from there, are not smaller than its words.
    const address = page.locator('.field .hint code').first();
    expect(await address.evaluate((code) => getComputedStyle(code).fontSize)).toBe('12px');
    // One main landmark holds the whole page, so "skip to main" and landmark keys reach it.
    const main = page.getByRole('main');
    expect(await main.count()).toBe(1);
    expect(await main.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Inquiry Desk settings',
    );
    expect(await main.getByRole('button', { name: 'Save' }).count()).toBe(1);
    await page.close();
  });

  it('a key Persona lists without inquiry.write connects, and says what it cannot do', async () => {
    await fill('API key', sandbox().readOnlyKey);
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const report = page.getByTestId('connection-report');
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.getAttribute('class')).toContain('is-warn');
    expect(await page.getByTestId('missing-permissions').textContent()).toContain(
      'inquiry.write: creating inquiries, Approve, Decline',
    );
    // The full key, with every permission the desk uses: no such list. Typed over the tested
    // one, the report about that one goes first.
    await fill('API key', key);
    await expect.poll(() => report.count()).toBe(0);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => report.getAttribute('class')).toContain('is-ok');
    expect(await page.getByTestId('missing-permissions').count()).toBe(0);
    await page.close();
  });

  it('says a key tested before it is saved is not in use yet', async () => {
    await fill('API key', key);
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-environment').textContent())
      .toBe("to Persona's sandbox environment");
    expect(await page.getByTestId('connection-report').textContent()).toContain('not saved yet');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('connection-report').count()).toBe(1);
    expect(await page.getByTestId('connection-report').textContent()).not.toContain('not saved');
    await page.close();
  });

  it('tries a typed key before saving it: one Persona refuses is not saved over the key in use', async () => {
    // A working key saved, and a reviewer's unsaved create form in the session.
    await fill('API key', key);
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByTestId('connection-environment').textContent())
      .toBe("to Persona's sandbox environment");
    const worker = await ext.serviceWorker();
    const stored = () =>
      worker.evaluate(async () => ({
        local: await chrome.storage.local.get(['apiKey', 'keyInfo']),
        session: await chrome.storage.session.get(null),
      }));
    const draft = { referenceId: 'ticket-draft-1', nameFirst: 'Erika' };
    await worker.evaluate((value) => chrome.storage.session.set({ qaDraftProbe: value }), draft);
    const before = await stored();

    // The same key with its last character changed: Persona refuses it.
    const typo = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
    await fill('API key', typo);
    await page.getByRole('button', { name: 'Save' }).click();
    // Said at the key field, which takes the focus; that nothing was saved is said with it.
    const said = page.locator('#api-key-error');
    await expect.poll(() => said.textContent()).toContain('Persona did not accept this API key');
    expect(await said.textContent()).toContain('Nothing was saved');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('api-key');
    expect(await outcome().textContent()).not.toContain('Settings saved.');
    // The typo stays in the field to be corrected; the key in use, and the session, are as they were.
    expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe(typo);
    expect(await stored()).toEqual(before);

    // Corrected and saved: the try says where it connects, beside "Settings saved."
    await fill('API key', key);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    expect(await page.getByTestId('connection-environment').textContent()).toBe(
      "to Persona's sandbox environment",
    );
    expect(await outcome().getByRole('alert').count()).toBe(0);
    expect(await said.count()).toBe(0);
    await page.close();
  });

  it('takes a key pasted with quotes around it, as copied from a .env file, without them', async () => {
    await fill('API key', ` "${key}" `);
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-environment').textContent())
      .toBe("to Persona's sandbox environment");
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    const worker = await ext.serviceWorker();
    expect(await worker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({
      apiKey: key,
    });
  });

  it('says at the key field, where it is changed, that Persona refused the key', async () => {
    await fill('API key', 'persona_sandbox_00000000-0000-4000-8000-000000000000');
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const said = page.locator('#api-key-error');
    await expect.poll(() => said.textContent()).toContain('Persona did not accept this API key');
    // Not "check the key in the options": this is the options page.
    expect(await said.textContent()).not.toContain('in the options');
    expect(await said.textContent()).toContain('Persona request ID: req_');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('api-key');
    expect(await outcome().getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('a saved key Persona has since refused is said where the new one goes, till one is saved', async () => {
    const save = async () => {
      await fill('API key', key);
      await fill('API base URL', baseUrl);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    };
    await save();
    // One watched inquiry that can still change, so the watcher asks Persona.
    const created = await page.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'createInquiry',
        idempotencyKey: crypto.randomUUID(),
        templateId: 'itmpl_E2eTemplate01',
        referenceId: `refused-${Date.now()}`,
      }),
    );
    expect(created.ok).toBe(true);
    // The key is revoked in Persona: the watcher's next question gets a 401.
    await controls.setFaults({ errorNext: 1, errorStatuses: [401] });
    try {
      const worker = await ext.serviceWorker();
      await worker.evaluate(() =>
        (
          globalThis as unknown as { inquiryDesk: { runCycle(): Promise<unknown> } }
        ).inquiryDesk.runCycle(),
      );
    } finally {
      await controls.clearFaults();
    }
    // "Check the key in the options" leads here.
    await page.reload();
    const refused = page.getByTestId('key-refused');
    await expect.poll(() => refused.count()).toBe(1);
    expect(await refused.textContent()).toMatch(
      /^Persona refused this key when the desk last asked/,
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('api-key');
    // A key saved since is not the one refused.
    await save();
    await expect.poll(() => refused.count()).toBe(0);
    await page.close();
  });

  it('refuses a production key until "Allow production keys" is on', async () => {
    await fill('API key', 'persona_production_00000000-0000-4000-8000-000000000000');
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Save' }).click();
    // Said once, at the field, which takes the focus; not again under the buttons.
    await expect
      .poll(() => page.locator('#api-key-error').textContent())
      .toContain('production key');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('api-key');
    expect(await outcome().textContent()).not.toContain('production key');
    const worker = await ext.serviceWorker();
    expect(await worker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({});

    await page.getByRole('checkbox', { name: 'Allow production keys' }).check();
    // Ticked, it is no longer asked for.
    await expect.poll(() => page.locator('#api-key-error').count()).toBe(0);
    // Not to the local sandbox, though: loopback takes sandbox keys only.
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('#base-url-error').textContent())
      .toContain('Only sandbox keys');
    expect(await worker.evaluate(() => chrome.storage.local.get('apiKey'))).toEqual({});
    await fill('API base URL', 'https://api.withpersona.com/api/v1');
    await page.getByRole('button', { name: 'Save' }).click();
    // Persona cannot be reached from here: the key cannot be tried (at most 3 s), so it is saved,
    // and that it could not be tried is said with it.
    await expect
      .poll(() => outcome().textContent(), { timeout: 8_000 })
      .toContain('Settings saved.');
    expect(await outcome().getByRole('alert').count()).toBe(1);
    await expect.poll(() => page.getByTestId('environment').textContent()).toBe('Production');
    expect(await page.getByRole('alert').first().textContent()).toContain('Production key in use');
    await page.close();
  });

  it('a key refused at its field, then the field emptied ("keep the saved key"): the message goes', async () => {
    await fill('API key', 'persona_production_00000000-0000-4000-8000-000000000000');
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Save' }).click();
    const field = page.getByRole('textbox', { name: 'API key' });
    await expect
      .poll(() => page.locator('#api-key-error').textContent())
      .toContain('production key');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('');
    await expect.poll(() => page.locator('#api-key-error').count()).toBe(0);
    expect(await field.getAttribute('aria-invalid')).not.toBe('true');
    await page.close();
  });

  it('after saving, shows the key to no page and keeps it out of sync and session storage', async () => {
    await fill('API key', key);
    await fill('API base URL', baseUrl);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Connected');

    const secret = key.slice('persona_sandbox_'.length);
    const popup = await ext.openPopup();
    await popup.waitForLoadState('networkidle');
    await page.reload();
    await page.getByRole('textbox', { name: 'API base URL' }).waitFor();
    for (const p of [page, popup]) {
      const html = await p.content();
      const values = await p.evaluate(() =>
        [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value),
      );
      expect(html).not.toContain(secret);
      expect(values.join(' ')).not.toContain(secret);
    }
    expect(await page.getByTestId('stored-key').textContent()).toMatch(
      /persona_sandbox_…[0-9a-f]{4}/,
    );

    const worker = await ext.serviceWorker();
    const areas = await worker.evaluate(async () => ({
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    }));
    expect(JSON.stringify(areas.sync)).not.toContain(secret);
    expect(JSON.stringify(areas.session)).not.toContain(secret);
    await popup.close();
    await page.close();
  });

  it('refuses a base URL on another host, and says every other wrong field with it', async () => {
    await fill('API key', key);
    await fill('API base URL', 'https://api.example.com/api/v1');
    const poll = page.getByRole('spinbutton', { name: 'Poll interval (seconds)' });
    await poll.fill('5');
    // Longer than a create request carries: every create would come back malformed.
    await fill('Default inquiry template ID', `itmpl_${'A'.repeat(95)}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('#base-url-error').textContent())
      .toContain("not Persona's API host");
    const baseUrlField = page.getByRole('textbox', { name: 'API base URL' });
    expect(await baseUrlField.getAttribute('aria-invalid')).toBe('true');
    // The second wrong field is said in the same Save, not after the first is mended.
    expect(await page.locator('#poll-seconds-error').textContent()).toMatch(/every 30 to 3600/);
    expect(await poll.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#default-template-error').textContent()).toBe(
      'At most 100 characters: this has 101.',
    );
    // The focus goes to the first of them.
    expect(await baseUrlField.evaluate((field) => field === document.activeElement)).toBe(true);
    const worker = await ext.serviceWorker();
    expect(await worker.evaluate(() => chrome.storage.local.get(['apiKey', 'settings']))).toEqual(
      {},
    );
    await page.close();
  });
});

describe('options: the local sandbox', () => {
  it('says a loopback base URL at another path than /api/v1 before saving it', async () => {
    const origin = new URL(baseUrl).origin;
    await fill('API key', key);
    await fill('API base URL', `${origin}/v1`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('#base-url-error').textContent())
      .toContain(`${origin}/api/v1`);
    const worker = await ext.serviceWorker();
    expect(await worker.evaluate(() => chrome.storage.local.get(['apiKey', 'settings']))).toEqual(
      {},
    );
    await page.close();
  });
});

describe('options: narrow windows', () => {
  it('at 320 and 240 px, an address in a hint wraps inside its section, and the page never scrolls sideways', async () => {
    for (const width of [320, 240]) {
      await page.setViewportSize({ width, height: 700 });
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('section code')].flatMap((code) => {
          const section = code.closest('section')?.getBoundingClientRect();
          const box = code.getBoundingClientRect();
          return section && box.right > section.right + 0.5 ? [code.textContent] : [];
        }),
      );
      // Before, "https://api.withpersona.com/api/v1" ran 6 px past its section at 320 px, and
      // made the whole page scroll sideways at 240.
      expect(outside, `${width} px`).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${width} px`,
      ).toBeLessThanOrEqual(width);
    }
  });

  it('at 400 px, the chat message template shows the whole default message, and grows as it is typed', async () => {
    await page.setViewportSize({ width: 400, height: 700 });
    const box = page.getByRole('textbox', { name: 'Chat message template' });
    const fits = () => box.evaluate((el) => el.scrollHeight <= el.clientHeight);
    // The default's last line, the expiry's, was cut (3 rows for some 5 lines at this width).
    expect(await box.inputValue()).toContain('{expires}');
    expect(await fits()).toBe(true);
    const before = (await box.boundingBox())?.height ?? 0;
    await box.press('Control+End');
    await box.pressSequentially('\nThank you!');
    const grown = (await box.boundingBox())?.height ?? 0;
    expect(grown).toBeGreaterThan(before);
    expect(await fits()).toBe(true);
    // Its grip: grown to the cap (half the window, 350 px), then dragged past it, the height is
    // the reviewer's, and the next line typed leaves it as they set it.
    await box.pressSequentially('\n.'.repeat(20));
    await expect.poll(async () => (await box.boundingBox())?.height).toBe(350);
    await dragGrip(box, 500);
    const dragged = (await box.boundingBox())?.height ?? 0;
    expect(dragged).toBeGreaterThan(450);
    await box.pressSequentially('\nBest regards');
    expect((await box.boundingBox())?.height).toBe(dragged);
  });
});

describe('options: the ways to the desk', () => {
  it('names the right-click lookup, the kyc keyword and the shortcut the browser gave the popup', async () => {
    const ways = page.getByTestId('ways-in');
    await expect.poll(() => ways.locator('li').count(), { timeout: 5_000 }).toBe(3);
    expect(await ways.locator('li').allTextContents()).toEqual([
      'Select an inquiry ID or reference on any page, right-click it and choose “Look up in Inquiry Desk”.',
      'Type kyc, a space and the ID or reference in the address bar.',
      // The manifest's suggested key, as Chromium bound it (commands.getAll), and where Chrome
      // changes it.
      "Alt+Shift+K opens Inquiry Desk's popup. Change shortcut",
    ]);
    expect(await ways.textContent()).toContain('side panel');
    // A link in a sentence is as tall as its line, not the 24 px of a link on its own: the line is
    // as tall with the link as without it.
    const tallerBy = (link: Locator) =>
      link.evaluate((button: HTMLElement) => {
        const line = button.parentElement as HTMLElement;
        const withIt = line.getBoundingClientRect().height;
        button.style.display = 'none';
        const without = line.getBoundingClientRect().height;
        button.style.display = '';
        return withIt - without;
      });
    const change = ways.getByRole('button', { name: 'Change shortcut' });
    expect(await tallerBy(change)).toBe(0);
    const shortcuts = page.context().waitForEvent('page');
    await ways.getByRole('button', { name: 'Change shortcut' }).click();
    const opened = await shortcuts;
    await expect.poll(() => opened.url(), { timeout: 5_000 }).toBe('chrome://extensions/shortcuts');
    await opened.close();
    await page.close();
  });
});

describe('options: Show key', () => {
  it('Show key and Hide key keep the key field as wide and the row as high, and stay under the pointer', async () => {
    // Before, the button was as wide as its label (89 px ↔ 83 px), so each click resized the key
    // field beside it.
    await expectKeyToggleStill(page, { show: 'Show key', hide: 'Hide key' }, [320, 480, 800]);
    await page.close();
  });
});

describe('options: numbers as typed', () => {
  it('says at the field what is wrong with a number, and saves a number as it was typed', async () => {
    await fill('API base URL', baseUrl);
    const poll = page.getByRole('spinbutton', { name: 'Poll interval (seconds)' });
    await poll.fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('#poll-seconds-error').textContent())
      .toMatch(/every 30 to 3600 seconds/);
    expect(await poll.getAttribute('aria-invalid')).toBe('true');
    expect(await outcome().textContent()).not.toContain('malformed');

    await poll.fill('45');
    // Typed key by key, as a person does: "1." used to come back as "1", so this saved 15.
    const forget = page.locator('#forget-hours');
    await forget.selectText();
    await forget.pressSequentially('1.5');
    expect(await forget.inputValue()).toBe('1.5');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    const worker = await ext.serviceWorker();
    const stored = await worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ pollSeconds: 45, forgetDecidedAfterHours: 1.5 });
    await page.close();
  });
});

describe('options: named templates', () => {
  it('names each template once: a second name for one ID is refused where it was typed; put right, it saves', async () => {
    await fill('API base URL', baseUrl);
    const addTemplate = page.getByRole('button', { name: 'Add template' });
    const row = async (n: number, name: string, id: string) => {
      await addTemplate.click();
      await page.getByRole('textbox', { name: `Template ${n} name` }).fill(name);
      await page.getByRole('textbox', { name: `Template ${n} ID` }).fill(id);
    };
    await row(1, 'Retail', 'itmpl_Same1');
    await row(2, 'Crypto desk', 'itmpl_Same1');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('fieldset.templates').textContent())
      .toContain('“Crypto desk” has the same template ID as “Retail”');
    expect(
      await page.getByRole('textbox', { name: 'Template 2 ID' }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await outcome().textContent()).not.toContain('Settings saved.');
    // The focus is on the field, and the problem is read out with it, as Chromium tells a screen
    // reader: its description.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Template 2 ID');
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      objectId: result.objectId,
      fetchRelatives: false,
    });
    expect(String(nodes[0]?.description?.value)).toContain(
      '“Crypto desk” has the same template ID as “Retail”',
    );
    await cdp.detach();

    await page.getByRole('textbox', { name: 'Template 2 ID' }).fill('itmpl_Other2');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    const worker = await ext.serviceWorker();
    const stored = await worker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { templates: unknown }).templates).toEqual([
      { name: 'Retail', id: 'itmpl_Same1' },
      { name: 'Crypto desk', id: 'itmpl_Other2' },
    ]);
    await page.close();
  });

  it('takes a template version (itmplv_) and a legacy template (tmpl_), as Persona does, and refuses another prefix', async () => {
    await fill('API base URL', baseUrl);
    await fill('Default inquiry template ID', 'tmpl_Legacy1');
    await page.getByRole('button', { name: 'Add template' }).click();
    await page.getByRole('textbox', { name: 'Template 1 name' }).fill('KYC v3');
    await page.getByRole('textbox', { name: 'Template 1 ID' }).fill('vtmpl_NotAnInquiry');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('fieldset.templates').textContent())
      .toContain('Template IDs are itmpl_ (or a version, itmplv_, or a legacy tmpl_)');
    expect(await outcome().textContent()).not.toContain('Settings saved.');

    await page.getByRole('textbox', { name: 'Template 1 ID' }).fill('itmplv_Version3');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    const worker = await ext.serviceWorker();
    const stored = await worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({
      defaultTemplateId: 'tmpl_Legacy1',
      templates: [{ name: 'KYC v3', id: 'itmplv_Version3' }],
    });
    await page.close();
  });
});

describe('options: the page itself', () => {
  it('keeps Save in view while the settings scroll past, below them and above what acts at once, covering no field it brings into view', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    const save = page.getByRole('button', { name: 'Save', exact: true });
    const inView = () =>
      save.evaluate((button) => {
        const box = button.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    // Halfway down the settings, Save is at the window's foot.
    await page.getByRole('heading', { name: 'Watching' }).scrollIntoViewIfNeeded();
    expect(await inView()).toBe(true);
    // A field Tab reaches under it is brought into view above it, not left under it: the field
    // put at the window's foot, where the bar is drawn over it, then focused.
    const poll = page.getByRole('spinbutton', { name: 'Poll interval (seconds)' });
    // The field's foot put 4 px past the window's, or 2 px past the bar's top edge (in the window,
    // under the bar: what Chromium scrolls only when the scroll padding is as tall as the bar).
    const focusedUnderBar = async (past: 'window' | 'bar') => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await poll.evaluate((field, edge) => {
        const box = field.getBoundingClientRect();
        const bar = document.querySelector('.actions-bar')?.getBoundingClientRect();
        const foot = edge === 'bar' && bar ? bar.top + 2 : window.innerHeight + 4;
        window.scrollBy(0, box.bottom - foot);
      }, past);
      await poll.focus();
      return poll.evaluate((field) => {
        const bar = document.querySelector('.actions-bar')?.getBoundingClientRect();
        const box = field.getBoundingClientRect();
        return bar !== undefined && box.bottom > bar.top && box.top < bar.bottom;
      });
    };
    expect(await focusedUnderBar('window')).toBe(false);
    expect(await focusedUnderBar('bar')).toBe(false);
    // So at 240 px, where the bar's buttons take two rows: as tall as the bar, not one row's.
    await page.setViewportSize({ width: 240, height: 700 });
    const barHeight = () =>
      page.evaluate(
        () => document.querySelector('form.options > .actions-bar')?.getBoundingClientRect().height,
      );
    await expect.poll(barHeight).toBeGreaterThan(64);
    expect(await focusedUnderBar('window')).toBe(false);
    expect(await focusedUnderBar('bar')).toBe(false);
    await page.setViewportSize({ width: 1000, height: 700 });
    // Saved from the top of the page, what Save says is brought into view, below the settings'
    // end.
    await page.evaluate(() => window.scrollTo(0, 0));
    await save.click();
    const saved = page.getByText('Settings saved.');
    await saved.waitFor();
    await expect
      .poll(() =>
        saved.evaluate((line) => {
          const box = line.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    // At the end, it sits between the settings it saves and the sections that act at once.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const order = await page.evaluate(() => {
      const top = (selector: string) =>
        document.querySelector(selector)?.getBoundingClientRect().top ?? Number.NaN;
      return [
        top('[aria-labelledby="auto-lock-heading"]'),
        top('.actions-bar'),
        top('[aria-labelledby="keys-heading"]'),
      ];
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await expect
      .poll(() =>
        page
          .getByText(
            'The sections below act at once, through their own switches and buttons; Save above does not apply to them.',
          )
          .count(),
      )
      .toBe(1);
    await page.close();
  });
});

describe('options: unsaved changes', () => {
  const chatTemplate = () => page.getByRole('textbox', { name: 'Chat message template' });

  it('marks a changed form beside Save, and closing the tab asks first; after Save, it closes at once', async () => {
    const status = page.getByTestId('save-status');
    expect(await status.textContent()).toBe('');
    await chatTemplate().click();
    await chatTemplate().fill('Hello, please verify here: {link} ({expires})');
    await expect.poll(() => status.textContent()).toBe('Unsaved changes');

    // Closing asks (the browser's own prompt); dismissed, the tab and what was typed stay.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await chatTemplate().inputValue()).toContain('please verify here');

    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    expect(await status.textContent()).toBe('');
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(dialogs).toEqual(['beforeunload']);
  });

  it('a second tab’s Save writes only what it changed: the first tab’s saved chat message stays', async () => {
    // Tab B is open, showing the settings as they were, before tab A saves.
    const tabB = await ext.openOptions();
    const chatB = tabB.getByRole('textbox', { name: 'Chat message template' });
    await chatB.waitFor();
    const before = await chatB.inputValue();

    const fromA = 'From tab A: {link} ({expires})';
    await chatTemplate().fill(fromA);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => outcome().textContent()).toContain('Settings saved.');
    await page.close();

    // B has not edited the chat message: it shows A's, and says settings were saved elsewhere.
    await expect.poll(() => chatB.inputValue()).toBe(fromA);
    expect(before).not.toBe(fromA);
    expect(await tabB.getByTestId('saved-elsewhere').textContent()).toContain(
      'saved in another tab',
    );
    await tabB.getByRole('spinbutton', { name: 'One-time link lifetime (hours)' }).fill('48');
    await tabB.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => tabB.getByTestId('options-outcome').textContent())
      .toContain('Settings saved.');
    await tabB.close();

    const worker = await ext.serviceWorker();
    const stored = await worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ chatTemplate: fromA, linkExpiryHours: 48 });
    const fresh = await ext.openOptions();
    const chat = fresh.getByRole('textbox', { name: 'Chat message template' });
    await expect.poll(() => chat.inputValue()).toBe(fromA);
    expect(
      await fresh.getByRole('spinbutton', { name: 'One-time link lifetime (hours)' }).inputValue(),
    ).toBe('48');
    await fresh.close();
  });
});
