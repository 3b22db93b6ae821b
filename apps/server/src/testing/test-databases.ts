import { afterAll, describe, inject, it } from 'vitest';
import type { DatabaseLocation } from '../database/open-database.js';
import {
  createDatabase,
  findPostgresBinaries,
  type PostgresCluster,
  startPostgresCluster,
} from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `postgres-global-setup.ts` when it is a Vitest globalSetup: one cluster for the run. */
    bluezonePostgresAdminUrl?: string;
  }
}

export type DatabaseKind = 'pglite' | 'postgres';

/** Every database the server supports; suites run once on each. */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** One of the databases a suite runs on. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  /**
   * A new, empty database: in-memory PGlite, or a fresh database on the test PostgreSQL 15 cluster
   * (started on first use). Pass it to `createTestApp(env, location)` or `openDatabase`.
   */
  location(): Promise<DatabaseLocation>;
}

/**
 * Defines the suite once per database, inside `describe('on pglite' | 'on postgres')`. PostgreSQL
 * comes from the run's shared cluster when the globalSetup provides one, else from a cluster started
 * for this file and stopped after it (also when its tests fail). A missing PostgreSQL 15 fails the
 * suite; it is never skipped.
 */
export function forEachDatabase(suite: (database: TestDatabase) => void): void {
  for (const kind of DATABASE_KINDS) {
    const database = kind === 'pglite' ? pgliteDatabase : postgresDatabase();
    // The suite's own hooks live in a nested describe, so they run (and close their pools) before
    // the cluster is stopped by the outer one.
    describe(`on ${kind}`, () => {
      const missing = kind === 'postgres' ? postgresMissing() : undefined;
      if (missing) {
        // One failing test instead of the suite's tests being skipped by a failing hook.
        it('needs PostgreSQL 15', () => {
          throw missing;
        });
        return;
      }
      if (database.release) afterAll(database.release);
      describe('', () => suite(database));
    });
  }
}

/** The error to fail with when no PostgreSQL is available: no shared cluster and no binaries. */
function postgresMissing(): Error | undefined {
  if (inject('bluezonePostgresAdminUrl')) return undefined;
  try {
    findPostgresBinaries();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

const pgliteDatabase: TestDatabase & { release?: () => Promise<void> } = {
  kind: 'pglite',
  location: async () => ({ kind: 'memory' }),
};

function postgresDatabase(): TestDatabase & { release(): Promise<void> } {
  let own: Promise<PostgresCluster> | undefined;
  const adminUrl = async () => {
    const shared = inject('bluezonePostgresAdminUrl');
    if (shared) return shared;
    own ??= startPostgresCluster();
    return (await own).adminUrl;
  };
  return {
    kind: 'postgres',
    location: async () => ({ kind: 'url', url: await createDatabase(await adminUrl()) }),
    async release() {
      if (own) await (await own.catch(() => undefined))?.stop();
      own = undefined;
    },
  };
}
