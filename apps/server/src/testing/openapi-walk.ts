// Reading the served OpenAPI document for the generated tests: its operations, each string field
// (path, query, body — nested ones too) and a plausible value for every field, so that a test can make
// one field hostile and leave the rest of the request as a client would send it.

export type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  minLength?: number;
  format?: string;
  nullable?: boolean;
};

export interface Parameter {
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly name: string;
  readonly schema?: JsonSchema;
}

export interface Operation {
  readonly method: string;
  /** The document's path, `{name}` for a path parameter. */
  readonly path: string;
  readonly security: Record<string, string[]>[] | undefined;
  readonly parameters: readonly Parameter[];
  readonly body: JsonSchema | undefined;
  readonly certificateField: string | undefined;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
      return {
        method: method.toUpperCase(),
        path,
        security: op.security as Operation['security'],
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: body?.content?.['application/json']?.schema,
        certificateField: op['x-bluezone-certificate'] as string | undefined,
      };
    }),
  );
}

/** Whether a schema takes a string (a plain string, an enum of strings, a union of them). */
export function isStringSchema(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.type === 'string') return true;
  return (schema.anyOf ?? schema.oneOf ?? []).some(isStringSchema);
}

/** The paths (`['keys', 0, 'key']`) of every string field of a body schema, nested ones included. */
export function stringFields(
  schema: JsonSchema | undefined,
  at: (string | number)[] = [],
): (string | number)[][] {
  if (!schema) return [];
  if (isStringSchema(schema)) return [at];
  if (schema.type === 'array' && schema.items) return stringFields(schema.items, [...at, 0]);
  return Object.entries(schema.properties ?? {}).flatMap(([name, sub]) => stringFields(sub, [...at, name]));
}

/**
 * A value for a schema: the first enum member, `known[name]` for a field of that name, else the
 * smallest thing the schema takes. Arrays get one item, objects every property, so every string field
 * of the body is there to be made hostile.
 */
export function sampleOf(schema: JsonSchema | undefined, known: Record<string, unknown>, name = ''): unknown {
  if (!schema) return undefined;
  if (name in known) return known[name];
  if (schema.enum) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return sampleOf(union.find((s) => s.type !== 'null') ?? union[0], known, name);
  switch (schema.type) {
    case 'string':
      return schema.format === 'date' ? '2026-03-10' : 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return [sampleOf(schema.items, known)];
    default:
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, sub]) => [key, sampleOf(sub, known, key)]),
      );
  }
}

/** A deep copy of `value` with the field at `path` set to `replacement`. */
export function withField(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = withField(copy[head], rest, replacement);
  return copy;
}
