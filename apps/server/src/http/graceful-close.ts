import type { FastifyInstance } from 'fastify';

/**
 * Once `close()` has begun, every answer carries `Connection: close`. Fastify closes the connections
 * that are idle when shutdown starts, but a keep-alive connection whose request was still in flight
 * would stay open after its answer until the keep-alive timeout (72 s), holding shutdown up; with
 * this header Node closes it right after the answer, and `close()` resolves as the last one ends.
 */
export function closeConnectionsOnShutdown(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}
