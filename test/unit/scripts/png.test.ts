// One PNG encoder (fast-png) for the toolbar icons and the sandbox's placeholder photos. The PNGs
// are checked twice: decoded by the library, and their chunks read here with Node's own CRC-32, an
// implementation independent of the encoder's (PNG spec §5.3: https://www.w3.org/TR/png-3/#5Chunk-layout).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICON_SIZES, iconPng } from '../../../scripts/make-icons.ts';
import { encodePng } from '../../persona-sandbox/pages/png.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Header {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  /** Bytes of image data once inflated: one filter byte and the pixels of each row. */
  inflated: number;
}

/** Reads the chunk layout by hand, failing on a bad signature, a bad CRC or a missing IEND. */
function readChunks(png: Uint8Array): Header {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual(SIGNATURE);
  const types: string[] = [];
  const idat: Buffer[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    const type = typeAndData.subarray(0, 4).toString('ascii');
    expect(bytes.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(typeAndData));
    types.push(type);
    if (type === 'IDAT') idat.push(typeAndData.subarray(4));
    offset += 12 + length;
  }
  expect(offset).toBe(bytes.length);
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    depth: bytes[24] as number,
    colourType: bytes[25] as number,
    inflated: inflateSync(Buffer.concat(idat)).length,
  };
}

describe('the toolbar icons', () => {
  it.each(ICON_SIZES)('icon-%i.png is a valid RGBA PNG of what make-icons draws', (size) => {
    const committed = readFileSync(join('public', 'icons', `icon-${size}.png`));
    expect(readChunks(committed)).toEqual({
      width: size,
      height: size,
      depth: 8,
      colourType: 6,
      inflated: size * (size * 4 + 1),
    });
    const decoded = decode(committed, { checkCrc: true });
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([size, size, 4]);
    expect(Buffer.from(decoded.data as Uint8Array).equals(Buffer.from(drawIcon(size)))).toBe(true);
  });

  it('are encoded as PNGs that decode back to the drawn pixels', () => {
    const png = iconPng(32);
    expect(readChunks(png).colourType).toBe(6);
    expect([...decode(png, { checkCrc: true }).data]).toEqual([...drawIcon(32)]);
  });
});

describe('the sandbox’s placeholder images', () => {
  it('are RGB PNGs whose pixels are the ones the pixel function gave', () => {
    const pixel = (x: number, y: number) => [x * 10, y * 20, (x + y) % 256] as const;
    const png = encodePng(7, 5, pixel);
    expect(readChunks(png)).toEqual({
      width: 7,
      height: 5,
      depth: 8,
      colourType: 2,
      inflated: 5 * (7 * 3 + 1),
    });
    const decoded = decode(png, { checkCrc: true });
    expect(decoded.channels).toBe(3);
    expect([...decoded.data.subarray(0, 3)]).toEqual([0, 0, 0]);
    // Row 4, column 6: the last pixel.
    expect([...decoded.data.subarray((4 * 7 + 6) * 3, (4 * 7 + 7) * 3)]).toEqual([60, 80, 10]);
  });
});
