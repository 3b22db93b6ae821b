import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBinaries, startPostgresCluster } from './postgres-cluster.js';

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL test cluster', () => {
  it('is PostgreSQL 15 on loopback, with a separate empty database per call, gone after stop', async () => {
    const cluster = await startPostgresCluster();
    try {
      expect(cluster.adminUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      const [version] = await query(cluster.adminUrl, 'SHOW server_version_num');
      expect(String(version?.server_version_num)).toMatch(/^15\d{4}$/);
      const one = await cluster.createDatabase();
      const two = await cluster.createDatabase();
      expect(one).not.toBe(two);
      await query(one, 'CREATE TABLE only_here (id int)');
      const tables = "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'";
      expect(await query(one, tables)).toEqual([{ n: 1 }]);
      expect(await query(two, tables)).toEqual([{ n: 0 }]);
    } finally {
      await cluster.stop();
    }
    expect(existsSync(cluster.directory)).toBe(false);
    await expect(query(cluster.adminUrl, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await cluster.stop(); // a second stop is harmless
  });

  it('fails with a clear message when PostgreSQL 15 is not installed', async () => {
    expect(() => findPostgresBinaries('/nonexistent/postgresql/15/bin')).toThrow(
      /PostgreSQL 15 not found .*install Debian's postgresql/,
    );
    await expect(startPostgresCluster('/nonexistent/postgresql/15/bin')).rejects.toThrow(/not found/);
  });
});
