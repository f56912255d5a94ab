// MV3 pages and workers forbid eval (https://developer.chrome.com/docs/extensions/develop/migrate/improve-security).
// zod's object parser probes `new Function` to JIT-compile; under the extension's CSP the probe
// fails and Chrome logs a violation in the extension's error list. `jitless` skips the probe.
// Imported first by the options page's entry. The worker parses its stored items and requests with
// checks generated from the schemas (src/shared/generated/), and so do the popup and the side panel
// before their first paint; what still builds zod/mini schemas (the views loaded on demand, the
// worker's reading of Persona's answers) builds objects ($ZodObject) that never probe: only zod
// classic's JIT objects do.
import { config } from 'zod/mini';

config({ jitless: true });
