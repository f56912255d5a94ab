// @vitest-environment happy-dom
// The store assets' layout: the 1280×800 frame places the captured view, enlarged but whole, right
// of its caption; the promo tile shows the icon and name. Parsed as HTML, not matched as text.
import { describe, expect, it } from 'vitest';
import { POPUP_VIEW, SIDE_PANEL_VIEW } from '../../../scripts/lib/store/capture-views.ts';
import {
  PROMO_TILE_SIZE,
  promoTilePage,
  SCREENSHOT_SIZE,
  screenshotPage,
  viewPlacement,
  viewScale,
} from '../../../scripts/lib/store/store-pages.ts';
import { STORE_SHOTS } from '../../../scripts/lib/store/store-shots.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the 1280×800 store screenshot', () => {
  for (const [name, view] of [
    ['popup', POPUP_VIEW],
    ['side panel', SIDE_PANEL_VIEW],
  ] as const) {
    it(`shows the ${name} whole, larger than life, inside the frame and right of the caption`, () => {
      const scale = viewScale(view);
      const place = viewPlacement(view);
      expect(scale).toBeGreaterThanOrEqual(1);
      expect(place.width).toBe(Math.round(view.width * scale));
      expect(place.height).toBe(Math.round(view.height * scale));
      // Whole: nothing cropped by the frame's edges, and its label above it stays inside too.
      expect(place.x).toBeGreaterThanOrEqual(500);
      expect(place.x + place.width).toBeLessThanOrEqual(SCREENSHOT_SIZE.width - 20);
      expect(place.y).toBeGreaterThanOrEqual(40);
      expect(place.y + place.height).toBeLessThanOrEqual(SCREENSHOT_SIZE.height - 20);
    });
  }

  it('enlarges the 400×600 popup to about 1.15× (13 px text reads as 15 px)', () => {
    expect(viewScale(POPUP_VIEW)).toBeCloseTo(1.15, 2);
  });

  it('never shrinks a view below life size, even one too large to fit', () => {
    expect(viewScale({ width: 2000, height: 2000 })).toBe(1);
  });

  it('puts the captured PNG where viewPlacement says, under the label, beside the caption', () => {
    const html = screenshotPage({
      png,
      view: POPUP_VIEW,
      title: 'Create an inquiry',
      text: 'Pick a template.',
      label: 'Toolbar popup',
    });
    const doc = parse(html);
    const img = doc.querySelector('img');
    expect(img?.getAttribute('src')).toBe(
      `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    );
    const place = viewPlacement(POPUP_VIEW);
    const css = doc.querySelector('style')?.textContent ?? '';
    const imgRule = /img \{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(imgRule).toContain(`left: ${place.x}px`);
    expect(imgRule).toContain(`top: ${place.y}px`);
    expect(imgRule).toContain(`width: ${place.width}px`);
    expect(imgRule).toContain(`height: ${place.height}px`);
    expect(css).toContain(`width: ${SCREENSHOT_SIZE.width}px; height: ${SCREENSHOT_SIZE.height}px`);
    expect(doc.querySelector('h1')?.textContent).toBe('Create an inquiry');
    expect(doc.querySelector('.caption p')?.textContent).toBe('Pick a template.');
    expect(doc.querySelector('.label')?.textContent).toBe('Toolbar popup');
  });

  it('shows caption text as text, never as markup', () => {
    const doc = parse(
      screenshotPage({
        png,
        view: POPUP_VIEW,
        title: '<script>alert(1)</script> & "quotes"',
        text: "it's <b>plain</b>",
        label: 'Side <panel>',
      }),
    );
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.querySelector('h1')?.textContent).toBe('<script>alert(1)</script> & "quotes"');
    expect(doc.querySelector('.caption p')?.textContent).toBe("it's <b>plain</b>");
    expect(doc.querySelector('.label')?.textContent).toBe('Side <panel>');
  });
});

describe('the store gallery', () => {
  it('has the four views the listing promises, in order, each with its own file', () => {
    expect(STORE_SHOTS.map((s) => s.view)).toEqual(['create', 'created', 'detail', 'side-panel']);
    expect(new Set(STORE_SHOTS.map((s) => s.file)).size).toBe(STORE_SHOTS.length);
    for (const shot of STORE_SHOTS) expect(shot.file).toMatch(/^\d-[a-z-]+\.png$/);
  });

  it('keeps captions short enough for the caption column (a title of ≤ 3 lines at 42 px)', () => {
    for (const shot of STORE_SHOTS) {
      expect(shot.title.length, shot.title).toBeLessThanOrEqual(40);
      expect(shot.text.length, shot.text).toBeLessThanOrEqual(110);
    }
  });
});

describe('the 440×280 promo tile', () => {
  it('shows the icon and the name, escaped, on a page of exactly the tile size', () => {
    const html = promoTilePage({
      iconPng: png,
      name: 'Inquiry <Desk>',
      tagline: 'From the toolbar',
    });
    const doc = parse(html);
    expect(doc.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(doc.querySelector('h1')?.textContent).toBe('Inquiry <Desk>');
    expect(doc.querySelector('p')?.textContent).toBe('From the toolbar');
    expect(doc.querySelector('style')?.textContent).toContain(
      `width: ${PROMO_TILE_SIZE.width}px; height: ${PROMO_TILE_SIZE.height}px`,
    );
  });
});
