// The extension's ZIP for the Chrome Web Store, written by fflate (a small, widely used
// (de)compression library) so `npm run package` needs no `zip` command, which many machines lack.
import { type ZipOptions, zipSync } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with `/` separators and no leading slash. */
  name: string;
  data: Uint8Array;
}

// A fixed timestamp (1980-01-01 00:00, the earliest a ZIP can hold) makes the archive depend only
// on the files' contents, so two packages of the same build are byte-identical.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
// Made on Unix as a regular file, rw-r--r--, so unpacking tools give sane permissions.
const ATTRIBUTES: ZipOptions = { os: 3, attrs: (0o100644 << 16) >>> 0, mtime: FIXED_TIME };
// Already-compressed files only grow when deflated again: store them as they are.
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip|gz)$/i;

/** Builds the archive in memory: an extension is a few hundred KB at most. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const { name, data } of entries) {
    if (name in files) throw new Error(`${name} is in the archive twice.`);
    files[name] = [data, { ...ATTRIBUTES, level: STORED.test(name) ? 0 : 9 }];
  }
  return Buffer.from(zipSync(files));
}
