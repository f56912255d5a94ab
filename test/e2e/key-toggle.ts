// The options page's Show key / Hide key, clicked as a reviewer does: shared by the e2e files that
// run the options page in each language.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const SAMPLE_KEY = 'persona_sandbox_7d0c1e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6';

/**
 * On the options page, Show key and Hide key (`show`, `hide`: their labels in the page's language)
 * are clicked with the mouse at each width: the key field keeps its width, the row its height, and
 * the button stays under the pointer. Each click also leaves the button named by the label shown.
 */
export async function expectKeyToggleStill(
  page: Page,
  { show, hide }: { show: string; hide: string },
  widths: number[],
): Promise<void> {
  await page.locator('#api-key').fill(SAMPLE_KEY);
  const measure = () =>
    page.evaluate(() => {
      const input = document.getElementById('api-key') as HTMLElement;
      const row = input.closest('.key-row') as HTMLElement;
      const button = row.querySelector('button') as HTMLElement;
      const box = button.getBoundingClientRect();
      return {
        inputWidth: input.getBoundingClientRect().width,
        rowHeight: row.getBoundingClientRect().height,
        button: { left: box.left, top: box.top, width: box.width, height: box.height },
      };
    });
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await page.locator('#api-key').scrollIntoViewIfNeeded();
    const before = await measure();
    for (const [from, to] of [
      [show, hide],
      [hide, show],
    ] as const) {
      const where = `${width} px, ${from} → ${to}`;
      const box = await page.getByRole('button', { name: from, exact: true }).boundingBox();
      expect(box, where).not.toBeNull();
      const x = (box?.x ?? 0) + (box?.width ?? 0) / 2;
      const y = (box?.y ?? 0) + (box?.height ?? 0) / 2;
      await page.mouse.click(x, y);
      await page.getByRole('button', { name: to, exact: true }).waitFor();
      const after = await measure();
      expect(after.inputWidth, `${where}: key field width`).toBe(before.inputWidth);
      expect(after.rowHeight, `${where}: row height`).toBe(before.rowHeight);
      expect(after.button, `${where}: button box`).toEqual(before.button);
      const underPointer = await page.evaluate(
        ([px, py]) =>
          document.elementFromPoint(px, py)?.closest('button') ===
          document.querySelector('.key-row button'),
        [x, y] as const,
      );
      expect(underPointer, `${where}: the button is still under the pointer`).toBe(true);
    }
  }
}
