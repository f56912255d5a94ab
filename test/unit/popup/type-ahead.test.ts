// @vitest-environment happy-dom
// What reaches a desk page before its search box has the focus (src/ui/type-ahead.ts). The real
// flow, keys typed as the popup opens landing in the box, is test/e2e/first-frame.e2e.ts's.
import { afterEach, expect, it, vi } from 'vitest';
import { holdTypeAhead, startTypeAhead, takeTypedAhead } from '../../../src/ui/type-ahead.ts';

// A key as Chromium sends it: keydown, then keypress for one that brings a character.
function key(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
  const brings = [...key].length === 1 && !init.metaKey && !(init.ctrlKey && !init.altKey);
  if (brings) target.dispatchEvent(new KeyboardEvent('keypress', { key, bubbles: true, ...init }));
}

function paste(text: string, target: EventTarget = document.body) {
  const event = new Event('paste', { bubbles: true }) as ClipboardEvent;
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  target.dispatchEvent(event);
}

afterEach(() => {
  vi.useRealTimers();
  takeTypedAhead();
  document.body.replaceChildren();
});

it('keeps the characters typed and the text pasted on the page, in order, until taken', () => {
  startTypeAhead();
  for (const k of 'inq_') key(k);
  paste('AbC');
  key('x');
  key('Backspace');
  key('1');
  expect(takeTypedAhead()).toBe('inq_AbC1');
  // Taken once: what comes after is the page's alone.
  key('z');
  expect(takeTypedAhead()).toBe('');
});

it('leaves out shortcuts, named keys and what a field took', () => {
  startTypeAhead();
  // Shortcuts bring no keypress in Chromium; were one sent, it would still be left out.
  for (const init of [{ ctrlKey: true }, { metaKey: true }])
    document.body.dispatchEvent(
      new KeyboardEvent('keypress', { key: 'v', bubbles: true, ...init }),
    );
  key('l', { metaKey: true });
  key('Enter');
  key('Tab');
  const field = document.createElement('input');
  document.body.append(field);
  key('q', {}, field);
  paste('from the field', field);
  key('é');
  // AltGr's characters come with Ctrl and Alt down (Windows), and are kept.
  key('@', { ctrlKey: true, altKey: true });
  expect(takeTypedAhead()).toBe('é@');
});

it('takes back a whole character with Backspace, an astral one too', () => {
  startTypeAhead();
  key('a');
  key('😀');
  key('Backspace');
  expect(takeTypedAhead()).toBe('a');
});

it('gives a passphrase only what was typed, never what was pasted', () => {
  startTypeAhead();
  paste('inq_FromTheClipboard');
  for (const k of 'secret') key(k);
  expect(takeTypedAhead('typed')).toBe('secret');
});

it('takes nothing from the page: the keys still do what they did', () => {
  startTypeAhead();
  const space = new KeyboardEvent('keypress', { key: ' ', bubbles: true, cancelable: true });
  document.body.dispatchEvent(space);
  expect(space.defaultPrevented).toBe(false);
  expect(takeTypedAhead()).toBe(' ');
});

it('ends a second after the first paint when no search box will take the keys', async () => {
  vi.useFakeTimers();
  startTypeAhead(); // happy-dom reports no paint: the first paint counts as done
  await vi.advanceTimersByTimeAsync(999);
  key('a');
  // Still kept just before the second is out,
  expect(takeTypedAhead()).toBe('a');
  startTypeAhead();
  await vi.advanceTimersByTimeAsync(999);
  key('b');
  await vi.advanceTimersByTimeAsync(1);
  key('c');
  // and dropped once it is.
  expect(takeTypedAhead()).toBe('');
});

it('waits for a search box on the screen, and ends a second after it goes', async () => {
  vi.useFakeTimers();
  startTypeAhead();
  const release = holdTypeAhead();
  await vi.advanceTimersByTimeAsync(5000);
  key('a');
  release();
  await vi.advanceTimersByTimeAsync(999);
  key('b');
  // Kept while the box was there, and a second after it went.
  expect(takeTypedAhead()).toBe('ab');
});

it('ends a second after the box goes, if no other comes', async () => {
  vi.useFakeTimers();
  startTypeAhead();
  const release = holdTypeAhead();
  key('a');
  release();
  await vi.advanceTimersByTimeAsync(1000);
  key('b');
  expect(takeTypedAhead()).toBe('');
});

it('gives a held box what was typed as late as ten seconds on, not later', async () => {
  vi.useFakeTimers();
  startTypeAhead();
  const release = holdTypeAhead();
  for (const k of 'inq_1') key(k);
  await vi.advanceTimersByTimeAsync(9999);
  expect(takeTypedAhead()).toBe('inq_1');
  release();

  startTypeAhead();
  const late = holdTypeAhead();
  key('x');
  await vi.advanceTimersByTimeAsync(10_000);
  expect(takeTypedAhead()).toBe('');
  late();
});
