import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { DatabaseHandle } from './database.types.js';

/** The committed SQL migrations, applied in file-name order. */
export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

/** Arbitrary constant: the advisory lock that serializes migrating processes on one database. */
const MIGRATION_LOCK = 747_401;

export interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export function readMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(new URL(name, dir), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies every migration not yet applied, in one transaction under an advisory lock, recording each
 * in `bluezone_migrations`. Refuses to run if an applied migration's file has since changed.
 * Returns the names it applied.
 */
export async function migrate(handle: DatabaseHandle, migrations = readMigrations()): Promise<string[]> {
  return handle.inScriptTransaction(async (exec) => {
    await exec(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await exec(
      'CREATE TABLE IF NOT EXISTS bluezone_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await exec('SELECT name, checksum FROM bluezone_migrations');
    const applied = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new Error(`migration ${m.name} changed after it was applied`);
        continue;
      }
      await exec(m.sql);
      await exec(`INSERT INTO bluezone_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}')`);
      done.push(m.name);
    }
    return done;
  });
}
