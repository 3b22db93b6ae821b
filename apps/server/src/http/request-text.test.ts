import { readFileSync } from 'node:fs';
import { MULTILINE_TEXT_PATTERN, PLAIN_TEXT_PATTERN } from '@bluezone/api';
import { describe, expect, it } from 'vitest';

// Every string a request carries (path, query, JSON body) is refused when it holds control characters
// or lone surrogates (docs/decisions/0006): it has a pattern, an enum or a constant. The committed
// OpenAPI document is what the server validates with (`node scripts/generate.mjs --check` keeps it
// true), so a new route or field cannot be forgotten. Only strings that are parsed or hashed and never
// stored as text may go without.

const PARSED_OR_HASHED = new Set([
  'password', // hashed with scrypt
  'padding', // ignored
  'phone', // refused unless empty: Bluezone stores no phone numbers
  'token', // a signed JWT, verified before use
  'ekeyhmac', // base64, decoded
  'key', // base64 of a key, decoded (a bad one is dropped item by item)
  'verificationPayload', // a signed JWT, verified before use
  'hmacKey', // base64, decoded
  'revisionToken', // encrypted, decrypted before use
  'locationIdHash', // base64 of a hash, decoded strictly (a bad one refused, nothing stored)
]);

type Schema = {
  type?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};

/** `where` of every request string without a pattern, enum or constant. */
function unguarded(schema: Schema | undefined, where: string, name: string): string[] {
  if (schema === undefined) return [];
  const own =
    schema.type === 'string' &&
    schema.pattern === undefined &&
    schema.enum === undefined &&
    schema.const === undefined &&
    !PARSED_OR_HASHED.has(name)
      ? [where]
      : [];
  return [
    ...own,
    ...Object.entries(schema.properties ?? {}).flatMap(([n, s]) => unguarded(s, `${where}.${n}`, n)),
    ...unguarded(schema.items, `${where}[]`, name),
    ...(schema.anyOf ?? []).flatMap((s) => unguarded(s, where, name)),
  ];
}

describe('request strings', () => {
  const document = JSON.parse(
    readFileSync(new URL('../../../../docs/openapi.json', import.meta.url), 'utf8'),
  ) as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );

  it('refuse control characters and lone surrogates on every route', () => {
    expect(operations.length).toBeGreaterThan(40);
    const missing = operations.flatMap(({ route, operation }) => [
      ...(operation.parameters ?? []).flatMap((p) =>
        unguarded(p.schema, `${route} ${p.in} ${p.name}`, p.name),
      ),
      ...unguarded(operation.requestBody?.content?.['application/json']?.schema, `${route} body`, 'body'),
    ]);
    expect(missing).toEqual([]);
  });

  it('use the shared text patterns for the fields the console and the app send', () => {
    const patterns = new Set<string>();
    const collect = (s: Schema | undefined): void => {
      if (s === undefined) return;
      if (s.pattern) patterns.add(s.pattern);
      for (const p of Object.values(s.properties ?? {})) collect(p);
      collect(s.items);
      for (const a of s.anyOf ?? []) collect(a);
    };
    for (const { operation } of operations) {
      for (const p of operation.parameters ?? []) collect(p.schema);
      collect(operation.requestBody?.content?.['application/json']?.schema);
    }
    expect(patterns).toContain(PLAIN_TEXT_PATTERN);
    expect(patterns).toContain(MULTILINE_TEXT_PATTERN);
  });
});
