// Screenshots in both colour schemes, an axe-core check and a few gestures, for every e2e file
// that looks at a page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const screenshotDir = join(
  new URL('../../', import.meta.url).pathname,
  'test-results',
  'screenshots',
);
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Saves `<name>-light.png` and `<name>-dark.png`, then puts the light scheme back. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(screenshotDir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** No serious or critical axe-core violations, in the light and in the dark scheme. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  // The extension's CSP (script-src 'self') refuses addScriptTag's inline script; evaluate is
  // DevTools-protocol code and is not subject to it.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = (await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
        .axe;
      return (await axe.run()).violations;
    })) as AxeViolation[];
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    expect(serious, `${view}, ${scheme}: ${serious.join('; ')}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The relative luminance of a computed colour, `rgb(r, g, b)` (WCAG 2.2's definition). */
function luminance(color: string): number {
  const match = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(color);
  // An edge or fill drawn see-through would be measured against what is under it: not done here.
  if (!match || (match[4] !== undefined && Number(match[4]) !== 1)) {
    throw new Error(`contrast: not an opaque rgb() colour: ${color}`);
  }
  const [r, g, b] = match.slice(1, 4).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two computed colours, 1 to 21 (WCAG 2.2). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Drags `box`'s grip (its bottom right corner) with the mouse until the box is `height` px tall. */
export async function dragGrip(box: Locator, height: number): Promise<void> {
  const at = await box.boundingBox();
  if (!at) throw new Error('dragGrip: the box is not on screen');
  const page = box.page();
  const x = at.x + at.width - 3;
  await page.mouse.move(x, at.y + at.height - 3);
  await page.mouse.down();
  await page.mouse.move(x, at.y + height - 3, { steps: 5 });
  await page.mouse.up();
}
