// The extension's content security policy (scripts/lib/content-security-policy.ts): what it lets
// the worker connect to must be exactly the hosts the desk itself may call, and the desk pages'
// inline style must be allowed by its hash, not by 'unsafe-inline'; the store's build lets nothing
// out to loopback. trust.e2e.ts checks the built policy in Chromium, package.e2e.ts the store's.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import {
  connectSources,
  extensionPagesPolicy,
  inlineStyles,
  PERSONA_CONNECT_SOURCES,
  styleHash,
} from '../../../scripts/lib/content-security-policy.ts';
import { checkBaseUrl, GRANTED_API_HOSTS } from '../../../src/shared/persona/base-url.ts';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((part) => {
      const [name = '', ...sources] = part.split(' ');
      return [name, sources];
    }),
  );

describe('the extension pages’ content security policy', () => {
  it('connects to the manifest’s hosts and, in the development build, loopback; nothing else', () => {
    const development = connectSources(false);
    const https = development.filter((s) => !/127\.0\.0\.1|localhost/.test(s));
    expect(https.sort()).toEqual(manifest.host_permissions.map((p) => p.replace('/*', '')).sort());
    for (const host of GRANTED_API_HOSTS) expect(development).toContain(`https://${host}`);
    // Every loopback base URL the options page takes is one the policy lets out…
    for (const url of ['http://127.0.0.1:4010', 'https://localhost:8443', 'http://localhost:9']) {
      expect(checkBaseUrl(url).ok).toBe(true);
      const { protocol, hostname } = new URL(url);
      expect(development).toContain(`${protocol}//${hostname}:*`);
    }
    // …and the one it cannot name is refused there, with a message, before any request.
    expect(checkBaseUrl('http://[::1]:4010').ok).toBe(false);
  });

  it('connects the store’s build to the manifest’s hosts only, over https', () => {
    const store = connectSources(true);
    expect([...store].sort()).toEqual(
      manifest.host_permissions.map((p) => p.replace('/*', '')).sort(),
    );
    expect(store).toEqual(PERSONA_CONNECT_SOURCES);
    const policy = directives(extensionPagesPolicy([], store));
    expect(policy['connect-src']).toEqual([...PERSONA_CONNECT_SOURCES]);
    expect(policy['connect-src']?.join(' ')).not.toMatch(/127\.0\.0\.1|localhost|http:/);
  });

  it('allows inline style by hash only, and no inline script at all', () => {
    const css = 'body{margin:0}';
    const policy = directives(extensionPagesPolicy([css, css], connectSources(false)));
    const digest = createHash('sha256').update(css).digest('base64');
    expect(policy['style-src']).toEqual(["'self'", `'sha256-${digest}'`]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['img-src']).toEqual(["'self'", 'blob:']);
    expect(extensionPagesPolicy([], connectSources(false))).not.toMatch(
      /unsafe|\*\.|https:(?!\/\/)/,
    );
  });

  it('finds every inline style of a page, and hashes its text as the browser does', () => {
    const html = '<head><style>a{b:c}</style><style media="print">\nd{e:f}\n</style></head>';
    expect(inlineStyles(html)).toEqual(['a{b:c}', '\nd{e:f}\n']);
    // The browser hashes the element's text exactly, whitespace included.
    expect(styleHash('\nd{e:f}\n')).not.toBe(styleHash('d{e:f}'));
    // …once its parser has made every line end a LF, as a CRLF checkout's would not be.
    expect(styleHash('a{b:c}\r\nd{e:f}\r')).toBe(styleHash('a{b:c}\nd{e:f}\n'));
  });
});
