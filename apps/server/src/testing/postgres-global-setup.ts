import type { TestProject } from 'vitest/node';
import { type PostgresCluster, startPostgresCluster } from './postgres-cluster.js';

let cluster: PostgresCluster | undefined;

/**
 * Vitest globalSetup: one PostgreSQL 15 cluster for the whole run, shared by every file that uses
 * `forEachDatabase` (each test still gets its own database). Without it, each such file starts its
 * own cluster (about a second). Enable with `globalSetup: ['apps/server/src/testing/postgres-global-setup.ts']`.
 */
export async function setup(project: TestProject): Promise<void> {
  cluster = await startPostgresCluster();
  project.provide('bluezonePostgresAdminUrl', cluster.adminUrl);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
