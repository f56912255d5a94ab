// @vitest-environment happy-dom
// holdEffectsUntilFirstPaint (src/ui/first-paint.ts) through Preact's own effect scheduling: the
// hold rides on `options.requestAnimationFrame`, which a Preact upgrade could change. Paint timing
// is faked (fake-paint-timing.ts); Chromium's is exercised by test/e2e/first-frame.e2e.ts.
import { options, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { holdEffectsUntilFirstPaint } from '../../../src/ui/first-paint.ts';
import { fakePaintTiming, paint } from './fake-paint-timing.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 60));

const ran: string[] = [];
let bump: () => void = () => undefined;
function Probe() {
  const [n, setN] = useState(0);
  bump = () => setN((value) => value + 1);
  useEffect(() => {
    ran.push(`effect ${n}`);
  }, [n]);
  return <p>{n}</p>;
}

let root: HTMLElement;
beforeEach(() => {
  ran.length = 0;
  fakePaintTiming();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

it('runs the first render’s effects once the first paint is on screen, once, then as before', async () => {
  const before = options.requestAnimationFrame;
  holdEffectsUntilFirstPaint();
  render(<Probe />, root);
  await tick();
  expect(ran).toEqual([]);
  paint();
  await tick();
  expect(ran).toEqual(['effect 0']);
  expect(options.requestAnimationFrame).toBe(before);
  // A later render's effect needs no other paint.
  bump();
  await tick();
  expect(ran).toEqual(['effect 0', 'effect 1']);
});

it('runs them at once when released: a render with nothing to paint', async () => {
  const release = holdEffectsUntilFirstPaint();
  render(<Probe />, root);
  release();
  await tick();
  expect(ran).toEqual(['effect 0']);
  paint();
  await tick();
  expect(ran).toEqual(['effect 0']);
});

it('holds nothing in a hidden page, where no frame is being drawn', async () => {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  try {
    holdEffectsUntilFirstPaint();
    render(<Probe />, root);
    await tick();
    expect(ran).toEqual(['effect 0']);
  } finally {
    Reflect.deleteProperty(document, 'visibilityState');
  }
});

function Late() {
  const [text, setText] = useState('');
  useEffect(() => setText('arrived'), []);
  return text ? <p>{text}</p> : null;
}

it('mountDesk holds nothing back when its first render has nothing to paint', async () => {
  const { mountDesk } = await import('../../../src/ui/mount-desk.tsx');
  root.id = 'app';
  await mountDesk(<Late />);
  // No paint is reported here: without the release the effect would wait for the 1 s fallback.
  await tick();
  expect(root.textContent).toBe('arrived');
});
