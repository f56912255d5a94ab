// Regenerates the vendored spec subsets in ../fixtures from a checkout of
// github.com/persona-id/persona-openapi. Run by hand when the pinned commit changes:
//   npx tsx test/persona-sandbox/tools/extract-openapi-subset.ts <openapi-bundled.json> <out.json> <version> <commit> [operationId…]
// The sandbox and its tests only ever read the extracted copy, never the checkout.
import { readFileSync, writeFileSync } from 'node:fs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const HTTP_METHODS = new Set(['get', 'post', 'patch', 'delete', 'put']);
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)/;
const RESPONSE_REF = /^#\/components\/responses\/([^/]+)$/;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectSchemaRefs(node: Json, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectSchemaRefs(item, found);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = SCHEMA_REF.exec(value)?.[1];
      if (name) found.add(name);
    } else collectSchemaRefs(value, found);
  }
}

function responseSchema(response: JsonObject, responseNames: Set<string>): Json {
  const ref = response.$ref;
  if (typeof ref === 'string') {
    const name = RESPONSE_REF.exec(ref)?.[1];
    if (!name) throw new Error(`unexpected response ref ${ref}`);
    responseNames.add(name);
    return { $ref: `#/components/responses/${name}/schema` };
  }
  const content = response.content;
  const json = isObject(content) ? content['application/json'] : undefined;
  return isObject(json) ? (json.schema ?? {}) : {};
}

function main(): void {
  const [input, output, version, commit, ...wanted] = process.argv.slice(2);
  if (!input || !output || !version || !commit || wanted.length === 0) {
    throw new Error(
      'usage: extract-openapi-subset <bundled.json> <out.json> <version> <commit> <operationId…>',
    );
  }
  const spec = JSON.parse(readFileSync(input, 'utf8')) as JsonObject;
  const paths = spec.paths as JsonObject;
  const components = spec.components as JsonObject;
  const allSchemas = components.schemas as JsonObject;
  const allResponses = components.responses as JsonObject;

  const operations: JsonObject = {};
  const responseNames = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method) || !isObject(op)) continue;
      const id = op.operationId;
      if (typeof id !== 'string' || !wanted.includes(id)) continue;
      const responses: JsonObject = {};
      for (const [status, response] of Object.entries(op.responses as JsonObject)) {
        if (isObject(response)) responses[status] = responseSchema(response, responseNames);
      }
      operations[id] = { method: method.toUpperCase(), path, responses };
    }
  }
  const missing = wanted.filter((id) => !(id in operations));
  if (missing.length > 0) throw new Error(`operations not found: ${missing.join(', ')}`);

  // Injected 5xx answers are checked against Persona's documented 503 body.
  if ('service-unavailable' in allResponses) responseNames.add('service-unavailable');
  const responses: JsonObject = {};
  for (const name of [...responseNames].sort()) {
    const response = allResponses[name];
    if (!isObject(response)) throw new Error(`response ${name} missing`);
    responses[name] = { schema: responseSchema(response, new Set()) };
  }

  const schemaNames = new Set<string>();
  collectSchemaRefs(operations, schemaNames);
  collectSchemaRefs(responses, schemaNames);
  const pending = [...schemaNames];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const before = new Set(schemaNames);
    collectSchemaRefs(allSchemas[name] ?? null, schemaNames);
    for (const added of schemaNames) if (!before.has(added)) pending.push(added);
  }
  const schemas: JsonObject = {};
  for (const name of [...schemaNames].sort()) {
    const schema = allSchemas[name];
    if (schema === undefined) throw new Error(`schema ${name} missing`);
    schemas[name] = schema;
  }

  const subset: JsonObject = {
    $comment: `Subset of Persona's official OpenAPI spec, API version ${version}, from github.com/persona-id/persona-openapi at commit ${commit} (${version}/openapi-bundled.json). Schemas are copied unchanged; only the response schemas of the listed operations and the component schemas they reference are kept. Apache-2.0, see NOTICE and LICENSE beside this file.`,
    'x-source': {
      repository: 'https://github.com/persona-id/persona-openapi',
      commit,
      file: `${version}/openapi-bundled.json`,
      license: 'Apache-2.0',
    },
    operations,
    components: { schemas, responses },
  };
  writeFileSync(output, `${JSON.stringify(subset)}\n`);
  console.log(
    `${output}: ${Object.keys(operations).length} operations, ${schemaNames.size} schemas, ${responseNames.size} responses`,
  );
}

main();
