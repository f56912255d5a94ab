// The package `npm run package` uploads, read back by an independent ZIP reader: Python's
// `zipfile` (python3 is on every machine this project builds on).
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { createZip, type ZipEntry } from '../../../scripts/lib/zip.ts';

interface Listed {
  name: string;
  /** Base64 of the unpacked bytes. */
  data: string;
  compressed: boolean;
  mode: number;
  time: number[];
}

/** Lists the archive with Python's zipfile, which also checks every entry's CRC. */
function unzipWithPython(zip: Buffer): { bad: string | null; entries: Listed[] } {
  const script = `
import base64, io, json, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
print(json.dumps({"bad": z.testzip(), "entries": [
  {"name": i.filename, "data": base64.b64encode(z.read(i)).decode(),
   "compressed": i.compress_type == zipfile.ZIP_DEFLATED,
   "mode": i.external_attr >> 16, "time": list(i.date_time)} for i in z.infolist()]}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: zip }).toString());
}

const manifest = Buffer.from(JSON.stringify({ manifest_version: 3, name: 'x'.repeat(400) }));
const icon = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
const entries: ZipEntry[] = [
  { name: 'manifest.json', data: manifest },
  { name: 'icons/icon-16.png', data: icon },
  { name: 'assets/ünïcode-name.js', data: Buffer.from('export {};\n') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];

describe('the package ZIP', () => {
  it('unpacks with another reader to exactly the files put in, CRCs intact', () => {
    const listed = unzipWithPython(createZip(entries));
    expect(listed.bad).toBeNull();
    expect(listed.entries.map((e) => [e.name, Buffer.from(e.data, 'base64')])).toEqual(
      entries.map((e) => [e.name, Buffer.from(e.data)]),
    );
  });

  it('deflates text and stores already-compressed images; regular rw-r--r-- files', () => {
    const listed = unzipWithPython(createZip(entries)).entries;
    expect(listed.map((e) => [e.name, e.compressed])).toEqual([
      ['manifest.json', true],
      ['icons/icon-16.png', false],
      ['assets/ünïcode-name.js', true],
      ['empty.txt', true],
    ]);
    for (const entry of listed) expect(entry.mode).toBe(0o100644);
  });

  it('is byte-identical for the same files, whenever it is made', () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') });
    const first = createZip(entries);
    vi.setSystemTime(new Date('2027-07-15T23:59:59Z'));
    const second = createZip(entries);
    vi.useRealTimers();
    expect(unzipWithPython(first).entries[0]?.time).toEqual([1980, 1, 1, 0, 0, 0]);
    expect(second.equals(first)).toBe(true);
  });

  it('refuses a file listed twice rather than drop one', () => {
    expect(() => createZip([entries[0] as ZipEntry, entries[0] as ZipEntry])).toThrow(/twice/);
  });
});
