// Writes src/shared/generated/first-screen-items.ts from the zod/mini schemas of the stored items
// the popup's first screen reads (scripts/lib/first-screen-checks.ts). `npm run gen:checks`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateChecks, generatedPath } from './lib/first-screen-checks.ts';
import { repoRoot } from './lib/paths.ts';

const target = join(repoRoot, generatedPath);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, generateChecks());
console.log(`wrote ${generatedPath}`);
