// What the generated check modules (src/shared/generated/) are made of: each stored item as the
// generated item its declaration (define-item.ts) makes of its zod/mini schema, and the module's
// text as the repository formats and orders code.
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { isDefaultsOf, type SchemaItem, salvageSpecOf } from '../../src/shared/define-item.ts';
import { repoRoot } from './paths.ts';
import { registeredNames, ruleCode, ruleOf, UnsupportedSchema } from './schema-rule.ts';

/** Where each item is declared (relative to the generated file), and its export's name. */
export interface Source {
  module: string;
  alias: string;
  items: Record<string, SchemaItem<unknown>>;
}

/** What a generated module imports: stored-check.ts helpers and check-registry.ts functions. */
export interface Imports {
  helpers: Set<string>;
  registry: Set<string>;
}

export const newImports = (): Imports => ({ helpers: new Set(), registry: new Set() });

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
  imports.helpers.add('checker');
  const parts = Object.entries(spec.parts()).map(
    ([part, schema]) =>
      `${JSON.stringify(part)}: checker(${ruleCode(ruleOf(schema, `${name} salvage ${part}`), imports.registry)})`,
  );
  return `${by}({${parts.join(', ')}})`;
}

export function itemCode(
  alias: string,
  name: string,
  item: SchemaItem<unknown>,
  imports: Imports,
): string {
  const head = `'${item.area}', ${JSON.stringify(item.key)}`;
  const type = `StoredValue<typeof ${alias}.${name}>`;
  const code = (rule: unknown) => ruleCode(rule, imports.registry);
  imports.helpers.add('type StoredValue');
  if (item.salvageBy === 'list') {
    imports.helpers.add('checkedListItem');
    const rule = code(ruleOf(defOf(item.schema).element, `${name}[]`));
    return `export const ${name} = checkedListItem<${type}[number]>(${head}, ${rule});`;
  }
  if (item.salvageBy === 'record') {
    imports.helpers.add('checkedRecordItem');
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
      ? [`import { ${[...imports.helpers].join(', ')} } from '../stored-check.ts';`]
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
