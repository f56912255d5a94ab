// A create that gets no answer: the sandbox drops the connection, so Persona may or may not have
// made the inquiry. Shared by the files that test what the form does next.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SandboxControls } from '../persona-sandbox/controls.ts';

/**
 * Presses Create on the open form while connections drop, until its alert shows (within the
 * caller's `soon`); then heals.
 */
export async function createWithNoAnswer(
  popup: Page,
  controls: SandboxControls,
  soon: { timeout: number },
): Promise<void> {
  await controls.setFaults({ dropNext: 100 });
  try {
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => popup.getByRole('alert').count(), soon).toBe(1);
  } finally {
    await controls.clearFaults();
  }
}
