// @vitest-environment happy-dom
// A search left from before the page opened is selected when the box first takes the focus, so
// the id pasted next replaces it; what the reviewer typed in this page is never selected by a box
// mounted again (the side panel's desk starts afresh on a lookup's route), where the next key
// would replace it. The real popup's first frame is test/e2e/first-frame.e2e.ts's.

import { render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, it, vi } from 'vitest';
import { draftItem } from '../../../src/shared/storage-items.ts';
import { startTypeAhead } from '../../../src/ui/type-ahead.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const selected = (box: HTMLInputElement) => [box.selectionStart, box.selectionEnd];

it('selects a search left from before once; a box mounted again keeps what was typed unselected', async () => {
  stubBackground({});
  await fakeBrowser.storage.session.set({
    draft: { ...draftItem.fallback(), search: 'customer-earlier' },
  });
  startTypeAhead(); // happy-dom reports no paint: the first paint counts as done
  const { rerender } = render(<DeskShell key="first" first={{ name: 'home' }} />);
  const first = (await screen.findByRole('searchbox', {
    name: 'Find inquiry',
  })) as HTMLInputElement;
  await waitFor(() => expect(document.activeElement).toBe(first));
  expect(first.value).toBe('customer-earlier');
  expect(selected(first)).toEqual([0, 'customer-earlier'.length]);
  // The reviewer types an id over it.
  first.value = 'inq_TypedHere01';
  first.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await waitFor(async () =>
    expect(await fakeBrowser.storage.session.get('draft')).toMatchObject({
      draft: { search: 'inq_TypedHere01' },
    }),
  );
  // The desk starts afresh in the same page: the new box takes the focus, the text unselected.
  rerender(<DeskShell key="again" first={{ name: 'home' }} />);
  const again = (await screen.findByRole('searchbox', {
    name: 'Find inquiry',
  })) as HTMLInputElement;
  await waitFor(() => expect(document.activeElement).toBe(again));
  expect(again).not.toBe(first);
  expect(again.value).toBe('inq_TypedHere01');
  expect(selected(again)).not.toEqual([0, 'inq_TypedHere01'.length]);
  // What the home screen loads after its first frame, loaded before the test's environment goes.
  await Promise.all([
    import('../../../src/ui/views/not-made.tsx'),
    import('../../../src/ui/views/review-queue.tsx'),
  ]);
});
