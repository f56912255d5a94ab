// MV3 pages and workers forbid eval (https://developer.chrome.com/docs/extensions/develop/migrate/improve-security).
// zod's object parser probes `new Function` to JIT-compile; under the extension's CSP the probe
// fails and Chrome logs a violation in the extension's error list. `jitless` skips the probe.
// Imported first by the worker's and the options page's entries. The popup and the side panel load
// no zod before their first paint (src/shared/generated/); the views they load on demand build
// zod/mini schemas, whose objects ($ZodObject) never probe: only zod classic's JIT objects do.
import { config } from 'zod/mini';

config({ jitless: true });
