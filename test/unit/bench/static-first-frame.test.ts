import { describe, expect, it } from 'vitest';
import { keepWatchedRows, staticFirstFrame, watchedRows } from '../../../bench/first-paint.ts';

describe("the bench's static first screen", () => {
  // As Chromium serialises the popup in its first frame: module script, preload, disabled sheet.
  const firstFrame = [
    '<html lang="en"><head><meta charset="utf-8"><title>Inquiry Desk</title>',
    '<script type="module" crossorigin="" src="/assets/index.html-x.js"></script>',
    '<link rel="modulepreload" crossorigin="" href="/assets/desk-x.js">',
    '<style>.inquiry-list>li{content-visibility:auto}</style>',
    '<link rel="stylesheet" crossorigin="" href="/assets/desk-x.css" disabled="">',
    '</head><body class="popup"><div id="app"><ul aria-label="Watched inquiries">',
    '<li class="draw-now ends-group"><button type="button">inq_1</button></li>',
    '<li class="draw-now"><button type="button">inq_2</button></li>',
    '<li><button type="button">not drawn at once</button></li>',
    '</ul></div></body></html>',
  ].join('');

  it('keeps the markup and the inline style, loads nothing, and counts the rows drawn at once', () => {
    const page = staticFirstFrame(firstFrame);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link/);
    expect(page).toContain('<style>.inquiry-list>li{content-visibility:auto}</style>');
    expect(page).toContain(
      '<li class="draw-now ends-group"><button type="button">inq_1</button></li>',
    );
    expect(page).toContain('<li class="draw-now"><button type="button">inq_2</button></li>');
    expect(watchedRows(page)).toBe(2);
  });

  it('keeps the first rows drawn at once, and the rest of the markup, for the injected copies', () => {
    const one = keepWatchedRows(firstFrame, 1);
    expect(watchedRows(one)).toBe(1);
    expect(one).toContain('inq_1');
    expect(one).not.toContain('inq_2');
    expect(one).toContain('<li><button type="button">not drawn at once</button></li>');
    const none = keepWatchedRows(firstFrame, 0);
    expect(watchedRows(none)).toBe(0);
    expect(none).toContain('<ul aria-label="Watched inquiries">');
    expect(keepWatchedRows(firstFrame, Number.POSITIVE_INFINITY)).toBe(firstFrame);
  });
});
