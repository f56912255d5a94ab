// The desk's draft (storage.session `draft`) as a page of the extension reads it: what the next
// popup opens with. A test polls the part of it that a write it waits for brings.
import type { Page } from 'playwright-core';
import type { DecisionDraft, Draft } from '../../src/shared/storage-items.ts';

export function storedDraft(page: Page): Promise<Draft | undefined> {
  return page.evaluate(
    async () => (await chrome.storage.session.get('draft')).draft as Draft | undefined,
  );
}

/** The draft's confirmation on inquiry `id`, not the first one's: an earlier test may leave one. */
export async function storedDecision(page: Page, id: string): Promise<DecisionDraft | undefined> {
  return (await storedDraft(page))?.decisions?.find((d) => d.inquiryId === id);
}
