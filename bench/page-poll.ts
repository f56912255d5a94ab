import type { Page } from 'playwright-core';

/**
 * Evaluates `expression` in the page until it is neither undefined nor null. Not
 * `page.waitForFunction`: a string predicate there runs through eval(), which the extension's
 * CSP (script-src 'self') forbids; `page.evaluate` of a string goes through DevTools instead.
 */
export async function pollPage<T>(page: Page, expression: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T | undefined | null;
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression.trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
