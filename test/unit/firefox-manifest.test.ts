import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import {
  FIREFOX_MIN_VERSION,
  firefoxManifest,
  GECKO_ID,
} from '../../scripts/lib/firefox-manifest.ts';

describe('the Firefox manifest derived from manifest.json', () => {
  const firefox = firefoxManifest(manifest);

  it('runs the same background entry as background scripts, not a service worker', () => {
    expect(firefox.background).toEqual({
      scripts: [manifest.background.service_worker],
      type: 'module',
    });
  });

  it('shows the side panel page as the sidebar and drops what only Chrome knows', () => {
    expect(firefox.sidebar_action).toMatchObject({
      default_panel: manifest.side_panel.default_path,
      open_at_install: false,
    });
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.permissions).toEqual(manifest.permissions.filter((p) => p !== 'sidePanel'));
  });

  it('names the add-on, its oldest Firefox and the data it sends, for Firefox’s consent', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: {
          required: ['authenticationInfo', 'personallyIdentifyingInfo'],
        },
      },
    });
  });

  it('keeps everything else as Chrome has it', () => {
    for (const key of ['name', 'version', 'action', 'options_ui', 'host_permissions', 'omnibox']) {
      expect(firefox[key], key).toEqual(manifest[key as keyof typeof manifest]);
    }
  });
});
