// Validates response bodies against the Kognitos OpenAPI fragments of seed 003, parsed at test
// time from ../shared/seeds (never copied by hand).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

interface OpenApiFragment {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
}

/** SEEDS_DIR, else the nearest `shared/seeds` beside the checkout or one of its parents. */
function seedsDir(): string {
  if (process.env.SEEDS_DIR) return path.resolve(process.env.SEEDS_DIR);
  for (let dir = path.resolve(process.cwd(), ".."); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "seeds");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`shared/seeds not found above ${process.cwd()}; set SEEDS_DIR`);
  }
}

function seedFile(): string {
  const dir = seedsDir();
  const name = readdirSync(dir).find((f) => f.startsWith("003_"));
  if (!name) throw new Error(`seed 003 not found in ${dir}`);
  return path.join(dir, name);
}

let cache: { schemas: Record<string, unknown>; operations: Record<string, unknown> } | undefined;

function load() {
  if (cache) return cache;
  const text = readFileSync(seedFile(), "utf8");
  const schemas: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const m of text.matchAll(/```json\n([\s\S]*?)\n```/g)) {
    const doc = JSON.parse(m[1]) as OpenApiFragment;
    Object.assign(schemas, doc.components.schemas);
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        const schema = op.responses["200"]?.content?.["application/json"]?.schema;
        if (schema) operations[op.operationId] = schema;
      }
    }
  }
  cache = { schemas, operations };
  return cache;
}

const validators = new Map<string, ValidateFunction>();

/** The validator for an operation's 200 body, e.g. `ListWorkspaces`. */
export function kognitosValidator(operationId: string): ValidateFunction {
  const existing = validators.get(operationId);
  if (existing) return existing;
  const { schemas, operations } = load();
  const schema = operations[operationId];
  if (!schema) throw new Error(`operation ${operationId} is not in seed 003`);
  // OpenAPI 3.0 `readOnly` and `title` are annotations; strict mode off for the vendor's extras.
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile({ allOf: [schema], components: { schemas } });
  validators.set(operationId, validate);
  return validate;
}

export function kognitosOperations(): string[] {
  return Object.keys(load().operations);
}

/**
 * The validator for one component schema of seed 003 (e.g. `v1UserWithRoles`, `v1Role`), for
 * operations the seed describes only through shared types (ListOrganizationUsers, GetUserBasicInfo…).
 */
export function kognitosSchemaValidator(schemaName: string): ValidateFunction {
  const key = `#schema:${schemaName}`;
  const existing = validators.get(key);
  if (existing) return existing;
  const { schemas } = load();
  if (!Object.hasOwn(schemas, schemaName)) throw new Error(`schema ${schemaName} is not in seed 003`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile({ allOf: [{ $ref: `#/components/schemas/${schemaName}` }], components: { schemas } });
  validators.set(key, validate);
  return validate;
}
