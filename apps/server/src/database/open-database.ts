import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database, DatabaseHandle } from './database.types.js';
import * as schema from './schema.js';

export type DatabaseLocation =
  | { readonly kind: 'memory' }
  | { readonly kind: 'directory'; readonly dataDir: string }
  | {
      readonly kind: 'url';
      readonly url: string;
      /** What stands between the server and PostgreSQL (BLUEZONE_DATABASE_POOLER; default none). */
      readonly pooler?: DatabasePooler | undefined;
    };

export type DatabasePooler = 'none' | 'pgbouncer-transaction';

/**
 * Pools whose connections may land on a different PostgreSQL session at every transaction (PgBouncer
 * in transaction mode): a statement prepared by name on one is unknown to the next.
 */
const transactionPooled = new WeakSet<pg.Pool>();

/** Whether statements may be prepared by name on this pool's connections (not behind a transaction pooler). */
export const namedStatementsAllowed = (pool: pg.Pool): boolean => !transactionPooled.has(pool);

/** Opens PGlite (in memory or in `<dataDir>/pgdata`) or a PostgreSQL pool. Does not migrate. */
export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  return location.kind === 'url'
    ? openPostgres(location.url, location.pooler ?? 'none')
    : openPglite(location);
}

async function openPglite(location: DatabaseLocation): Promise<DatabaseHandle> {
  let client: PGlite;
  if (location.kind === 'directory') {
    const dir = join(location.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    client = await PGlite.create(dir);
  } else {
    client = await PGlite.create();
  }
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    driver: 'pglite',
    inScriptTransaction: (fn) =>
      client.transaction((tx) => fn(async (sql) => (await tx.exec(sql)).at(-1)?.rows ?? [])),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, pooler: DatabasePooler): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  if (pooler === 'pgbouncer-transaction') transactionPooled.add(pool);
  return {
    db: drizzlePg({ client: pool, schema }) as unknown as Database,
    driver: 'postgres',
    inScriptTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(async (sql) => {
          const answer = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(answer) ? answer.at(-1)?.rows : answer.rows) ?? [];
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
