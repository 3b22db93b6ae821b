import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/** Drizzle over either driver (PGlite or node-postgres); repositories see only this. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Runs a SQL script (several statements, no parameters) and returns the last statement's rows. */
export type ScriptExecutor = (sql: string) => Promise<Record<string, unknown>[]>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly driver: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction on one connection (migrations). */
  inScriptTransaction<T>(fn: (exec: ScriptExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
