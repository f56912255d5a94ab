// What `npm run package` refuses to zip: each store's manifest against README.md's promises (the
// real README and manifest.json pass), for Firefox web-ext lint's errors and unexplained warnings,
// and a development build in the store build's place (loopback in its policy, the worker's hook).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import {
  connectSources,
  extensionPagesPolicy,
} from '../../../scripts/lib/content-security-policy.ts';
import { firefoxManifest } from '../../../scripts/lib/firefox-manifest.ts';
import type { LintReport } from '../../../scripts/lib/lint-report.ts';
import { explainedWarnings } from '../../../scripts/lib/lint-report.ts';
import {
  type BuiltManifest,
  buildProblems,
  chromeProblems,
  firefoxProblems,
  policySources,
  storeProblems,
  zipFileName,
} from '../../../scripts/lib/package-checks.ts';
import { parseReadmePermissions } from '../../../scripts/lib/readme-permissions.ts';

const readmeText = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const readme = parseReadmePermissions(readmeText);
const explained = explainedWarnings(readmeText);
const pkg = { name: 'inquiry-desk', version: manifest.version };
const clean: LintReport = { errors: [], warnings: [], notices: [] };
const firefox = firefoxManifest(manifest) as BuiltManifest;

describe('package checks', () => {
  it('names one zip per store after the package and its version', () => {
    expect(zipFileName({ name: 'inquiry-desk', version: '1.2.3' }, 'chrome')).toBe(
      'inquiry-desk-1.2.3-chrome.zip',
    );
    expect(zipFileName({ name: 'inquiry-desk', version: '1.2.3' }, 'firefox')).toBe(
      'inquiry-desk-1.2.3-firefox.zip',
    );
  });

  it('passes manifest.json and its Firefox derivation against the real README', () => {
    expect(buildProblems('dist', manifest, ['manifest.json', 'a.js'], pkg)).toEqual([]);
    expect(chromeProblems(manifest, readme)).toEqual([]);
    expect(firefoxProblems(firefox, readme, clean, explained)).toEqual([]);
  });

  it('refuses a version that differs from package.json, and source maps', () => {
    const problems = buildProblems(
      'dist-firefox',
      { ...manifest, version: '9.9.9' },
      ['a.js', 'a.js.map'],
      pkg,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /dist-firefox\/manifest\.json says version 9\.9\.9 but package\.json says/,
    );
    expect(problems[1]).toMatch(/source maps \(a\.js\.map\)/);
  });

  it('refuses a Chrome permission README.md does not explain', () => {
    const problems = chromeProblems(
      { ...manifest, permissions: [...manifest.permissions, 'tabs'] },
      readme,
    );
    expect(problems.some((p) => p.includes('"tabs"'))).toBe(true);
  });

  it('refuses a Firefox manifest with a Chrome-only permission, or without id or data consent', () => {
    const withSidePanel = {
      ...firefox,
      permissions: [...(firefox.permissions ?? []), 'sidePanel'],
    };
    expect(firefoxProblems(withSidePanel, readme, clean, explained).join('\n')).toMatch(
      /"sidePanel"/,
    );
    const bare = { ...firefox, browser_specific_settings: { gecko: {} } };
    expect(firefoxProblems(bare, readme, clean, explained)).toEqual([
      'browser_specific_settings.gecko.id is missing',
      'browser_specific_settings.gecko.data_collection_permissions is missing',
    ]);
  });

  it('refuses a web-ext lint error, and a warning README.md does not explain', () => {
    const lint: LintReport = {
      errors: [{ code: 'MANIFEST_FIELD_INVALID', message: 'bad field' }],
      warnings: [
        { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'innerHTML', file: 'assets/preact.js' },
        { code: 'SOMETHING_NEW', message: 'new warning', file: 'a.js' },
      ],
      notices: [],
    };
    expect(firefoxProblems(firefox, readme, lint, explained)).toEqual([
      'web-ext lint: error MANIFEST_FIELD_INVALID: bad field',
      'web-ext lint: warning not explained in README.md SOMETHING_NEW (a.js): new warning',
    ]);
  });

  describe('of the store’s build', () => {
    const built = (store: boolean): BuiltManifest => ({
      ...manifest,
      content_security_policy: {
        extension_pages: extensionPagesPolicy(['a{b:c}'], connectSources(store)),
      },
    });
    // What the worker's bundle ends with, minified, in the development build and the store's.
    const withHook = 'Object.assign(globalThis,{inquiryDesk:{handleMessage:u,runCycle:d}})})();';
    const withoutHook = 'i(s.after(e=>{e===`managed`&&o()}))})();';

    it('passes the store’s policy and a worker without the hook', () => {
      expect(storeProblems('dist-store/chrome', built(true), withoutHook)).toEqual([]);
    });

    it('refuses a policy that lets requests out to loopback, naming each source', () => {
      expect(storeProblems('dist-store/chrome', built(false), withoutHook)).toEqual([
        'dist-store/chrome/manifest.json lets requests go to http://127.0.0.1:* ' +
          "https://127.0.0.1:* http://localhost:* https://localhost:* besides Persona's hosts: " +
          'build it with `vite build --mode store` (npm run package does).',
      ]);
      const bare = { ...manifest } as BuiltManifest;
      expect(storeProblems('dist-store/firefox', bare, withoutHook)).toEqual([
        'dist-store/firefox/manifest.json has no connect-src in its content security policy.',
      ]);
    });

    it('refuses a worker that carries the inquiryDesk hook', () => {
      expect(storeProblems('dist-store/firefox', built(true), withHook)).toEqual([
        'The worker in dist-store/firefox/ carries the inquiryDesk test hook: ' +
          'build it with `vite build --mode store` (npm run package does).',
      ]);
    });

    it('reads one directive’s sources out of a policy', () => {
      const policy = "default-src 'none'; connect-src https://a.example  https://b.example;x y";
      expect(policySources(policy, 'connect-src')).toEqual([
        'https://a.example',
        'https://b.example',
      ]);
      expect(policySources(policy, 'x')).toEqual(['y']);
      expect(policySources(policy, 'img-src')).toBeUndefined();
    });
  });
});
