// docs/store-listing.md is what a publisher pastes into the stores: its summary is the manifest's
// description within Chrome's 132 characters, and it justifies exactly the permissions, hosts and
// Firefox data-collection permissions the manifests ask for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { firefoxManifest } from '../../scripts/lib/firefox-manifest.ts';
import { readCatalogue, resolveMessage } from './i18n/catalogue.ts';

/** The manifest's description as the stores show it: `__MSG_key__` read from the English catalogue. */
const description = manifest.description.replace(/^__MSG_(\w+)__$/, (_whole, key: string) =>
  resolveMessage(readCatalogue('en'), key),
);

const listing = readFileSync(new URL('../../docs/store-listing.md', import.meta.url), 'utf8');

/** The lines of the section under `heading`, up to the next heading of any level. */
function section(heading: string): string[] {
  const lines = listing.split('\n');
  const start = lines.findIndex((line) => line.replace(/^#+\s+/, '') === heading);
  if (start === -1) throw new Error(`docs/store-listing.md has no "${heading}" heading`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,6}\s/.test(line));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The backticked names in the first column of the section's table. */
function firstColumn(heading: string): string[] {
  return section(heading)
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .flatMap((row) =>
      [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
    );
}

describe('docs/store-listing.md', () => {
  it('gives the manifest description as the summary, within Chrome’s 132 characters', () => {
    const lines = section('Description');
    const from = lines.findIndex((l) => l.startsWith('**Summary**'));
    const summary = lines.find((l, i) => i > from && l.startsWith('> '));
    expect(description).not.toMatch(/__MSG_/);
    expect(summary).toBe(`> ${description}`);
    expect(description.length).toBeLessThanOrEqual(132);
  });

  it('justifies every permission and host in manifest.json, and nothing else', () => {
    expect(firstColumn('Permission justifications').sort()).toEqual(
      [...manifest.permissions, ...manifest.host_permissions].sort(),
    );
  });

  it('explains every data collection permission the Firefox manifest requires', () => {
    const gecko = firefoxManifest(manifest).browser_specific_settings as {
      gecko: { data_collection_permissions: { required: string[] } };
    };
    expect(firstColumn('Firefox: data collection permissions')).toEqual(
      gecko.gecko.data_collection_permissions.required,
    );
  });

  it('says where data is kept, for both storage areas, and that it goes nowhere but Persona', () => {
    expect(firstColumn('Where it is kept')).toEqual(['storage.local', 'storage.session']);
    expect(section('Where it goes').join(' ')).toMatch(/^\s*Only to Persona/);
  });
});
