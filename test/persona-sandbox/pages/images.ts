import { encodePng } from './png.ts';

type Rgb = readonly [number, number, number];
const inBox = (x: number, y: number, left: number, top: number, w: number, h: number) =>
  x >= left && x < left + w && y >= top && y < top + h;

function idFront(x: number, y: number): Rgb {
  if (y < 34) return [29, 79, 145];
  if (inBox(x, y, 18, 52, 92, 116)) {
    const dx = (x - 64) / 30;
    const dy = (y - 96) / 36;
    if (dx * dx + dy * dy < 1) return [205, 160, 120];
    return y > 132 ? [70, 90, 130] : [170, 180, 190];
  }
  for (let line = 0; line < 5; line++) {
    if (inBox(x, y, 128, 58 + line * 22, 160 - line * 18, 8)) return [74, 85, 96];
  }
  if (y > 184 && (x + y) % 12 < 6) return [210, 60, 60];
  return [219, 233, 246];
}

function idBack(x: number, y: number): Rgb {
  if (inBox(x, y, 0, 18, 320, 30)) return [40, 40, 40];
  if (inBox(x, y, 24, 118, 272, 58)) {
    return (x * 7) % 11 < 4 || (x * 3) % 17 < 2 ? [20, 20, 20] : [250, 250, 250];
  }
  for (let line = 0; line < 2; line++) {
    if (inBox(x, y, 24, 66 + line * 20, 220 - line * 60, 8)) return [90, 100, 110];
  }
  return [232, 236, 240];
}

function selfie(shift: number) {
  return (x: number, y: number): Rgb => {
    const dx = (x - 80 - shift) / 42;
    const dy = (y - 88) / 54;
    if (dx * dx + dy * dy < 1) {
      const eye = (ex: number) => (x - ex - shift) ** 2 + (y - 78) ** 2 < 16;
      if (eye(64) || eye(96)) return [40, 30, 30];
      if (y > 110 && y < 114 && Math.abs(x - 80 - shift) < 14) return [150, 70, 70];
      return [224, 180, 140];
    }
    const sx = (x - 80) / 78;
    const sy = (y - 210) / 64;
    if (sx * sx + sy * sy < 1) return [50, 90, 160];
    return [236, 226, 208];
  };
}

const SOURCES: Record<string, () => Buffer> = {
  front: () => encodePng(320, 200, idFront),
  back: () => encodePng(320, 200, idBack),
  center: () => encodePng(160, 200, selfie(0)),
  left: () => encodePng(160, 200, selfie(-14)),
  right: () => encodePng(160, 200, selfie(14)),
};
const cache = new Map<string, Buffer>();

/** Placeholder images for verification files, drawn once and kept. */
export function imageFor(name: string): Buffer | null {
  const draw = SOURCES[name];
  if (!draw) return null;
  let png = cache.get(name);
  if (!png) {
    png = draw();
    cache.set(name, png);
  }
  return png;
}
