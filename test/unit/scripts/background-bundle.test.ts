// The manifest half of building the worker apart: crxjs must not see `background` (or it would
// bundle the worker with the pages), and the written manifest must name the one bundled file in
// the shape each browser reads. The bundle itself is checked in the built zips (package.e2e.ts).
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { BACKGROUND_FILE, separateBackground } from '../../../scripts/lib/background-bundle.ts';
import { firefoxManifest } from '../../../scripts/lib/firefox-manifest.ts';

/** The plugin's manifest hook, as crxjs calls it when it writes manifest.json. */
function rendered(plugin: ReturnType<typeof separateBackground>['plugin'], pages: object) {
  const hook = plugin.renderCrxManifest;
  if (typeof hook !== 'function') throw new Error('no renderCrxManifest hook');
  type Args = Parameters<typeof hook>;
  const context = {} as ThisParameterType<typeof hook>;
  return hook.call(context, structuredClone(pages) as Args[0], {} as Args[1]);
}

const built = { command: 'build', mode: 'production' } as const;
const served = { command: 'serve', mode: 'development' } as const;

describe('separateBackground', () => {
  it('gives crxjs the Chrome manifest without its service worker, and puts the bundle back', async () => {
    const separated = separateBackground(manifest);
    const pages = separated.manifest(built);
    expect(pages).not.toHaveProperty('background');
    expect(pages).toMatchObject({ action: manifest.action, side_panel: manifest.side_panel });
    const written = await rendered(separated.plugin, pages);
    // A classic script, not a module: see background-bundle.ts.
    expect(written?.background).toEqual({ service_worker: BACKGROUND_FILE });
    expect(written).toMatchObject({ action: manifest.action });
  });

  it('does the same with Firefox’s background scripts', async () => {
    const separated = separateBackground(firefoxManifest(manifest));
    const pages = separated.manifest(built);
    expect(pages).not.toHaveProperty('background');
    const written = await rendered(separated.plugin, pages);
    expect(written?.background).toEqual({ scripts: [BACKGROUND_FILE] });
  });

  it('leaves the whole manifest to crxjs’s dev server, which loads the worker its own way', () => {
    const separated = separateBackground(manifest);
    expect(separated.manifest(served)).toEqual(manifest);
    expect(separated.plugin.apply).toBe('build');
  });

  it('refuses a manifest without a background, or with more than one background script', () => {
    const { background: _background, ...none } = manifest;
    expect(() => separateBackground(none)).toThrow('no background');
    const two = { ...manifest, background: { scripts: ['a.ts', 'b.ts'] } };
    expect(() => separateBackground(two)).toThrow('exactly one entry');
  });
});
