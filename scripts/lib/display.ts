// `npm start` opens a visible Chromium, which needs an X11 or Wayland display. On a server or in
// a container there is none; Chromium would fail with a cryptic "Missing X server" message.
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function noDisplayHelp(sandbox: { origin: string; baseUrl: string; key: string }): string {
  return `No display found ($DISPLAY and $WAYLAND_DISPLAY are unset), so Chromium cannot open a window.

To see the extension, run npm start where there is a display:
  - from a desktop terminal, or over SSH with X forwarding (ssh -X host, then npm start);
  - under a virtual display:            xvfb-run -a npm start
    (sudo apt-get install -y xvfb; you will not see it, but it runs as on a desktop);
  - fully headless, as a smoke check:   npm start -- --headless --exit-when-ready

Or load the extension by hand into a Chromium that can reach this machine's 127.0.0.1:
  1. dist/ is built. Open chrome://extensions, switch on Developer mode,
     click "Load unpacked" and pick ${join(repoRoot, 'dist')}
  2. Open the extension's options and set
       API base URL   ${sandbox.baseUrl}
       API key        ${sandbox.key}
  3. Find an inquiry in the popup; the sandbox's dashboard lists them: ${sandbox.origin}/dashboard

The sandbox keeps running for that; press Ctrl+C to stop it.`;
}
