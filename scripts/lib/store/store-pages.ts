// The store assets' HTML: a 1280×800 frame that shows one captured view of the extension beside a
// short caption, and the 440×280 promo tile. Pure strings, rendered and screenshotted by Chromium
// (render-store-assets.ts), so the layout is testable without a browser.
// Sizes: https://developer.chrome.com/docs/webstore/images

export interface Size {
  width: number;
  height: number;
}

export const SCREENSHOT_SIZE: Size = { width: 1280, height: 800 };
export const PROMO_TILE_SIZE: Size = { width: 440, height: 280 };

/** The extension's accent (src/ui/base.css, light scheme) and its darker shade for the frame. */
const BRAND = '#3d4ed8';
const BRAND_DARK = '#28339a';
const FONT = '"DejaVu Sans", "Liberation Sans", system-ui, sans-serif';

/** Room kept free around the captured view inside the frame, in CSS pixels. */
const MARGIN = 40;
/** Width kept for the caption on the frame's left. */
const CAPTION_WIDTH = 520;
/** The line over the view that says which surface it is. */
const LABEL_HEIGHT = 28;

export interface Framed {
  /** PNG of the view, captured at `captureScale` device pixels per CSS pixel. */
  png: Uint8Array;
  /** The view's size in CSS pixels (the popup's or side panel's viewport). */
  view: Size;
  title: string;
  text: string;
  /** The small label over the view: "Toolbar popup" or "Side panel". */
  label: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

/**
 * How much larger than life the view is shown: as large as fits the frame's right part with its
 * label, so 13 px text reads well in a store's gallery, and never smaller than life.
 */
export function viewScale(view: Size): number {
  const box = {
    width: SCREENSHOT_SIZE.width - CAPTION_WIDTH - 2 * MARGIN,
    height: SCREENSHOT_SIZE.height - 2 * MARGIN - LABEL_HEIGHT,
  };
  const fit = Math.min(box.width / view.width, box.height / view.height);
  return Math.max(1, Math.floor(fit * 100) / 100);
}

export interface Placement extends Size {
  x: number;
  y: number;
}

/** Where the enlarged view sits in the frame: centred right of the caption, under its label. */
export function viewPlacement(view: Size): Placement {
  const scale = viewScale(view);
  const width = Math.round(view.width * scale);
  const height = Math.round(view.height * scale);
  const { width: W, height: H } = SCREENSHOT_SIZE;
  return {
    width,
    height,
    x: CAPTION_WIDTH + Math.round((W - CAPTION_WIDTH - width) / 2),
    y: LABEL_HEIGHT + Math.round((H - LABEL_HEIGHT - height) / 2),
  };
}

/** A 1280×800 page: caption on a brand background on the left, the view on the right. */
export function screenshotPage(framed: Framed): string {
  const { x, y, width, height } = viewPlacement(framed.view);
  const { width: W, height: H } = SCREENSHOT_SIZE;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${W}px; height: ${H}px; overflow: hidden; }
  body { position: relative; font-family: ${FONT}; color: #fff;
    background: linear-gradient(135deg, ${BRAND} 0%, ${BRAND_DARK} 100%); }
  .caption { position: absolute; left: 0; top: 0; bottom: 0; box-sizing: border-box;
    width: ${CAPTION_WIDTH}px; padding: 0 32px 0 72px;
    display: flex; flex-direction: column; justify-content: center; }
  h1 { font-size: 42px; line-height: 1.15; margin: 0 0 20px; font-weight: 700; text-wrap: balance; }
  p { font-size: 22px; line-height: 1.45; margin: 0; color: #e3e7ff; }
  .label { position: absolute; left: ${x}px; top: ${y - LABEL_HEIGHT}px; width: ${width}px;
    height: ${LABEL_HEIGHT}px; text-align: center; font-size: 15px; letter-spacing: 0.04em;
    text-transform: uppercase; color: #c9d0ff; }
  img { position: absolute; left: ${x}px; top: ${y}px; width: ${width}px; height: ${height}px;
    border-radius: 10px; background: #fff; box-shadow: 0 18px 50px rgb(0 0 0 / 0.35); }
</style></head><body>
  <div class="caption"><h1>${escapeHtml(framed.title)}</h1><p>${escapeHtml(framed.text)}</p></div>
  <div class="label">${escapeHtml(framed.label)}</div>
  <img alt="" src="${dataUrl(framed.png)}">
</body></html>`;
}

export interface PromoTile {
  /** The 128 px toolbar icon (public/icons/icon-128.png). */
  iconPng: Uint8Array;
  name: string;
  tagline: string;
}

/** The 440×280 small promo tile: the blue icon, name and one line, on a light brand tint. */
export function promoTilePage(tile: PromoTile): string {
  const { width: W, height: H } = PROMO_TILE_SIZE;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${W}px; height: ${H}px; overflow: hidden; }
  body { display: flex; align-items: center; gap: 24px; box-sizing: border-box; padding: 0 36px;
    font-family: ${FONT}; color: ${BRAND_DARK};
    background: linear-gradient(135deg, #f3f5ff 0%, #dde2ff 100%); }
  img { width: 112px; height: 112px; flex: none;
    filter: drop-shadow(0 8px 16px rgb(40 51 154 / 0.35)); }
  h1 { font-size: 34px; line-height: 1.1; margin: 0 0 12px; font-weight: 700; }
  p { font-size: 17px; line-height: 1.4; margin: 0; color: #3a3f55; }
</style></head><body>
  <img alt="" src="${dataUrl(tile.iconPng)}">
  <div><h1>${escapeHtml(tile.name)}</h1><p>${escapeHtml(tile.tagline)}</p></div>
</body></html>`;
}
