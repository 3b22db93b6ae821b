import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterEach, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/test-databases.js';
import type { DatabaseHandle } from './database.types.js';
import { migrate, readMigrations } from './migrate.js';
import { openDatabase } from './open-database.js';
import * as schema from './schema.js';

forEachDatabase((database) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  describe('migrate', () => {
    it('applies the committed migrations once, then nothing', async () => {
      handle = await openDatabase(await database.location());
      const first = await migrate(handle);
      expect(first).toEqual(readMigrations().map((m) => m.name));
      expect(await migrate(handle)).toEqual([]);
    });

    it('refuses a migration whose file changed after it was applied', async () => {
      handle = await openDatabase(await database.location());
      const [m] = readMigrations();
      if (!m) throw new Error('no migrations');
      await migrate(handle, [m]);
      await expect(migrate(handle, [{ ...m, checksum: 'edited' }])).rejects.toThrow(/changed/);
    });

    it('applies all or nothing: a failing migration leaves no trace', async () => {
      handle = await openDatabase(await database.location());
      const broken = {
        name: '9999_broken.sql',
        sql: 'CREATE TABLE half_done (id int); SELECT no_such_column;',
        checksum: 'x',
      };
      await expect(migrate(handle, [...readMigrations(), broken])).rejects.toThrow();
      const rows = await handle.inScriptTransaction((exec) =>
        exec("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"),
      );
      expect(rows[0]?.n).toBe(0);
      expect(await migrate(handle)).toHaveLength(readMigrations().length);
    });

    it('creates every table and column the Drizzle schema names', async () => {
      handle = await openDatabase(await database.location());
      await migrate(handle);
      const rows = await handle.inScriptTransaction((exec) =>
        exec("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"),
      );
      const present = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
      let checked = 0;
      for (const table of Object.values(schema)) {
        if (typeof table !== 'object' || !table || !('getSQL' in table)) continue;
        const config = getTableConfig(table as Parameters<typeof getTableConfig>[0]);
        for (const column of config.columns) expect(present).toContain(`${config.name}.${column.name}`);
        checked++;
      }
      // Every table the SQL creates is in the Drizzle schema too (bluezone_migrations is the migrator's own).
      const tables = new Set(rows.map((r) => String(r.table_name)));
      tables.delete('bluezone_migrations');
      expect(checked).toBe(tables.size);
    });
  });
});
