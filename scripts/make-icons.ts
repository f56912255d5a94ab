// Draws the toolbar icon (a white check on an indigo rounded square) as PNGs: run once with
// `npx tsx scripts/make-icons.ts`; the PNGs are committed in public/icons.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { encode } from 'fast-png';

export const ICON_SIZES = [16, 32, 48, 128] as const;

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** The icon's RGBA pixels, row by row. */
export function drawIcon(size: number): Uint8Array {
  const raw = new Uint8Array(size * size * 4);
  const r = size * 0.22;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const inside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
      const check =
        Math.min(
          distanceToSegment(u, v, 0.27, 0.52, 0.43, 0.68),
          distanceToSegment(u, v, 0.43, 0.68, 0.74, 0.34),
        ) < 0.075;
      const o = (y * size + x) * 4;
      const [red, green, blue] = check ? [255, 255, 255] : [61, 78, 216];
      raw[o] = red;
      raw[o + 1] = green;
      raw[o + 2] = blue;
      raw[o + 3] = inside ? 255 : 0;
    }
  }
  return raw;
}

export function iconPng(size: number): Uint8Array {
  return encode({ width: size, height: size, data: drawIcon(size), channels: 4, depth: 8 });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const size of ICON_SIZES) writeFileSync(`public/icons/icon-${size}.png`, iconPng(size));
}
