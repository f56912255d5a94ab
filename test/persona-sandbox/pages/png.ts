import { encode } from 'fast-png';

type Rgb = readonly [number, number, number];

/** A truecolour PNG from a pixel function: enough for placeholder ID and selfie images. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb) {
  const data = new Uint8Array(width * height * 3);
  let offset = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set(pixel(x, y), offset);
      offset += 3;
    }
  }
  return Buffer.from(encode({ width, height, data, channels: 3, depth: 8 }));
}
