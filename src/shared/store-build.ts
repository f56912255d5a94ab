// Whether this is the build users install from the extension stores (`npm run package`, which
// builds with `vite build --mode store`; scripts/lib/store-build.ts). The two builds differ only in
// what exists for the local Persona sandbox (test/persona-sandbox) and the tests: the development
// build (`npm run build`, which `npm start`, the end-to-end tests and the bench load) calls a
// sandbox on 127.0.0.1 or localhost, over plain http too, and its worker keeps a test hook; the
// store build has neither, so no reviewer can be talked into sending a key to a local process.
//
// The build writes `true` or `false` in place of the name below, and the minifier then drops the
// branch that cannot run. Where no build has written it (unit tests, scripts run with tsx), the
// name is undeclared: `typeof` reads it without a ReferenceError, and the code is the development
// build's.

/** The name vite's `define` replaces (scripts/lib/extension-config.ts). */
export const STORE_BUILD_NAME = '__INQUIRY_DESK_STORE_BUILD__';

declare const __INQUIRY_DESK_STORE_BUILD__: boolean | undefined;

/** True in the store's build only: no local sandbox, no test hook. */
export const STORE_BUILD: boolean =
  typeof __INQUIRY_DESK_STORE_BUILD__ === 'boolean' && __INQUIRY_DESK_STORE_BUILD__;
