import {
  DemoAirAdvertiseRequest,
  DemoAirEncounterRequest,
  DemoAirHeardRequest,
  DemoAirJoinRequest,
  DemoAirLeaveRequest,
} from '@bluezone/api';
import type { BluezoneServer } from '@bluezone/server';
import { type DemoAir, DemoAirError } from '@bluezone/sim';

/**
 * The demo air over HTTP at `/demo/air` (contract: @bluezone/api demo-air.schemas.ts). Only
 * `bluezone start` mounts it: it exists for the simulated district, not in a real deployment.
 */
export function registerDemoAirRoutes(server: BluezoneServer, air: DemoAir): void {
  server.get('/demo/air/clock', async () => air.time());
  server.post('/demo/air/join', { schema: { body: DemoAirJoinRequest } }, async (_request, reply) =>
    answer(reply, () => air.join()),
  );
  server.post('/demo/air/advertise', { schema: { body: DemoAirAdvertiseRequest } }, async (request, reply) =>
    answer(reply, () => {
      air.advertise(request.body.phoneId, request.body.serviceData, request.body.txPowerDbm);
      return { ok: true };
    }),
  );
  server.post('/demo/air/heard', { schema: { body: DemoAirHeardRequest } }, async (request, reply) =>
    answer(reply, () => air.heard(request.body.phoneId, request.body.afterMs)),
  );
  server.post('/demo/air/encounter', { schema: { body: DemoAirEncounterRequest } }, async (request, reply) =>
    answer(reply, () => {
      const { phoneId, otherPhoneId, minutes, distanceM } = request.body;
      return { sightings: air.encounter(phoneId, otherPhoneId, minutes, distanceM) };
    }),
  );
  server.post('/demo/air/leave', { schema: { body: DemoAirLeaveRequest } }, async (request, reply) =>
    answer(reply, () => {
      air.leave(request.body.phoneId);
      return { ok: true };
    }),
  );
}

interface Reply {
  code(status: number): Reply;
  send(body: unknown): unknown;
}

async function answer(reply: Reply, run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DemoAirError)) throw error;
    return reply.code(error.status).send({ error: error.message, errorCode: error.code });
  }
}
