import type { HttpBindings } from '@hono/node-server';
import type { RenderOptions } from '../serialize/render-options.ts';

export type FaultOutcome = 'dropped' | 'hung';

export interface SandboxEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    apiKey: string;
    render: RenderOptions;
    rawBody: string | undefined;
    fault: FaultOutcome | undefined;
  };
}
