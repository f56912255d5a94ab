// MV3 pages and workers forbid eval (https://developer.chrome.com/docs/extensions/develop/migrate/improve-security).
// zod's object parser probes `new Function` to JIT-compile; under the extension's CSP the probe
// fails and Chrome logs a violation in the extension's error list. `jitless` skips the probe.
// Imported first by every entry point.
import { config } from 'zod/mini';

config({ jitless: true });
