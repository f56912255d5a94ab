// What the generated check modules (src/shared/generated/) are made of: each stored item as the
// generated item its declaration (define-item.ts) makes of its zod/mini schema, and the module's
// text as the repository formats and orders code.
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { isDefaultsOf, type SchemaItem, salvageSpecOf } from '../../src/shared/define-item.ts';
import { repoRoot } from './paths.ts';
import {
  registeredNames,
  ruleCode,
  ruleOf,
  type SharedRules,
  UnsupportedSchema,
} from './schema-rule.ts';

/** Where each item is declared (relative to the generated file), and its export's name. */
export interface Source {
  module: string;
  alias: string;
  items: Record<string, SchemaItem<unknown>>;
}

/**
 * What a generated module imports: check-registry.ts functions, and the helpers of stored-check.ts,
 * or of stored-check-more.ts once a rule needs a kind only that one compiles.
 */
export interface Imports {
  helpers: Set<string>;
  registry: Set<string>;
  more: boolean;
  /** Rules written once elsewhere in the module, by name (worker-checks.ts). */
  shared?: SharedRules;
}

export const newImports = (shared?: SharedRules): Imports => ({
  helpers: new Set(),
  registry: new Set(),
  more: false,
  ...(shared ? { shared } : {}),
});

const moreKinds = new Set(['custom', 'default', 'record']);

/**
 * Whether a rule (or anything made of rules) has a kind that stored-check-more.ts compiles: also
 * a list with a length check, which stored-check.ts leaves to it (its `compile`).
 */
export function needsMore(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(needsMore);
  if (typeof value !== 'object' || value === null || value instanceof RegExp) return false;
  const { t, checks } = value as { t?: unknown; checks?: unknown };
  if (t === 'array' && Array.isArray(checks) && checks.length > 0) return true;
  return (typeof t === 'string' && moreKinds.has(t)) || Object.values(value).some(needsMore);
}

interface Internals {
  _zod: { def: Record<string, unknown> };
}
const defOf = (schema: unknown) => (schema as Internals)._zod.def;

/** The fallback as a literal: it must survive JSON, so the generated one is the same value. */
function fallbackLiteral(name: string, item: SchemaItem<unknown>): string {
  const value = item.fallback();
  const text = JSON.stringify(value);
  if (text === undefined || !isDeepStrictEqual(JSON.parse(text), value)) {
    throw new UnsupportedSchema(`${name}: its fallback is not plain JSON`);
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? `(${text})` : text;
}

/** The salvage a `salvageWith` item declares: its registered function given generated checks. */
function salvageCode(name: string, item: SchemaItem<unknown>, imports: Imports): string {
  const spec = salvageSpecOf(item.salvage);
  if (!spec) throw new UnsupportedSchema(`${name}: a custom salvage not made with salvageWith`);
  const by = registeredNames.get(spec.by);
  if (!by) throw new UnsupportedSchema(`${name}: its salvage is not named in check-registry.ts`);
  imports.registry.add(by);
  imports.helpers.add('checkers');
  // Every part's checker is made at once in stored-check-more.ts.
  imports.more = true;
  const rules = Object.fromEntries(
    Object.entries(spec.parts()).map(([part, schema]) => [
      part,
      ruleOf(schema, `${name} salvage ${part}`),
    ]),
  );
  // One value, so that a shared name can stand for it (the settings' fields).
  return `${by}(checkers<Parameters<typeof ${by}>[0]>(${ruleCode(rules, imports.registry, imports.shared)}))`;
}

export function itemCode(
  alias: string,
  name: string,
  item: SchemaItem<unknown>,
  imports: Imports,
): string {
  const head = `'${item.area}', ${JSON.stringify(item.key)}`;
  const type = `StoredValue<typeof ${alias}.${name}>`;
  const code = (rule: unknown) => {
    if (needsMore(rule)) imports.more = true;
    return ruleCode(rule, imports.registry, imports.shared);
  };
  imports.helpers.add('type StoredValue');
  if (item.salvageBy === 'list') {
    imports.helpers.add('checkedListItem');
    const rule = code(ruleOf(defOf(item.schema).element, `${name}[]`));
    return `export const ${name} = checkedListItem<${type}[number]>(${head}, ${rule});`;
  }
  if (item.salvageBy === 'record') {
    imports.helpers.add('checkedRecordItem');
    imports.more = true;
    const rule = code(ruleOf(defOf(item.schema).valueType, `${name}{}`));
    return `export const ${name} = checkedRecordItem<${type}[string]>(${head}, ${rule});`;
  }
  imports.helpers.add('checkedItem');
  const rule = code(ruleOf(item.schema, name));
  const fallback = isDefaultsOf(item.fallback)
    ? "'defaults'"
    : `() => ${fallbackLiteral(name, item)}`;
  if (item.salvageBy === 'custom') {
    const salvage = salvageCode(name, item, imports);
    return `export const ${name} = checkedItem<${type}>(${head}, ${rule}, ${fallback}, ${salvage});`;
  }
  if (item.salvage) throw new UnsupportedSchema(`${name}: a salvage the generator cannot read`);
  return `export const ${name} = checkedItem<${type}>(${head}, ${rule}, ${fallback});`;
}

/** Import lines for what `imports` collected. */
export function importLines(imports: Imports): string[] {
  return [
    ...(imports.registry.size
      ? [`import { ${[...imports.registry].join(', ')} } from '../check-registry.ts';`]
      : []),
    ...(imports.helpers.size
      ? [
          `import { ${[...imports.helpers].join(', ')} } from '../${imports.more ? 'stored-check-more' : 'stored-check'}.ts';`,
        ]
      : []),
  ];
}

/** `code` formatted, and its imports ordered, as `npx biome check --write` leaves a file. */
export function formatModule(path: string, code: string): string {
  return execFileSync(
    `${repoRoot}node_modules/.bin/biome`,
    ['check', '--write', `--stdin-file-path=${path}`],
    { cwd: repoRoot, input: code, encoding: 'utf8' },
  );
}
