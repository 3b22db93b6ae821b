import { sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import type { BluezoneServer } from './server.types.js';

/** `/healthz`: the process is up. `/readyz`: it can reach its database. */
export function registerHealthRoutes(app: BluezoneServer, db: Database): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await db.execute(sql`select 1`);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ error: 'The database is not reachable.', errorCode: 'not_ready' });
    }
  });
}
