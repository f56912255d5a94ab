// Writes src/shared/generated/ from the zod/mini schemas of the stored items, the policy and the
// request messages: first-screen-items.ts (what the popup's first screen reads), stored-items.ts
// and request-checks.ts (the rest of what the background parses). `npm run gen:checks`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateChecks, generatedPath } from './lib/first-screen-checks.ts';
import { repoRoot } from './lib/paths.ts';
import {
  generateRequestChecks,
  generateStoredItems,
  requestChecksPath,
  storedItemsPath,
} from './lib/worker-checks.ts';

for (const [path, generate] of [
  [generatedPath, generateChecks],
  [storedItemsPath, generateStoredItems],
  [requestChecksPath, generateRequestChecks],
] as const) {
  const target = join(repoRoot, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generate());
  console.log(`wrote ${path}`);
}
