// The extension's content security policy (scripts/lib/content-security-policy.ts): what it lets
// the worker connect to must be exactly the hosts the desk itself may call, and the desk pages'
// inline style must be allowed by its hash, not by 'unsafe-inline'. trust.e2e.ts checks the built
// policy in Chromium.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import {
  CONNECT_SOURCES,
  extensionPagesPolicy,
  inlineStyles,
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
  it('connects to the manifest’s hosts and loopback, nothing else', () => {
    const https = CONNECT_SOURCES.filter((s) => !/127\.0\.0\.1|localhost/.test(s));
    expect(https.sort()).toEqual(manifest.host_permissions.map((p) => p.replace('/*', '')).sort());
    for (const host of GRANTED_API_HOSTS) expect(CONNECT_SOURCES).toContain(`https://${host}`);
    // Every loopback base URL the options page takes is one the policy lets out…
    for (const url of ['http://127.0.0.1:4010', 'https://localhost:8443', 'http://localhost:9']) {
      expect(checkBaseUrl(url).ok).toBe(true);
      const { protocol, hostname } = new URL(url);
      expect(CONNECT_SOURCES).toContain(`${protocol}//${hostname}:*`);
    }
    // …and the one it cannot name is refused there, with a message, before any request.
    expect(checkBaseUrl('http://[::1]:4010').ok).toBe(false);
  });

  it('allows inline style by hash only, and no inline script at all', () => {
    const css = 'body{margin:0}';
    const policy = directives(extensionPagesPolicy([css, css]));
    const digest = createHash('sha256').update(css).digest('base64');
    expect(policy['style-src']).toEqual(["'self'", `'sha256-${digest}'`]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['img-src']).toEqual(["'self'", 'blob:']);
    expect(extensionPagesPolicy([])).not.toMatch(/unsafe|\*\.|https:(?!\/\/)/);
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
