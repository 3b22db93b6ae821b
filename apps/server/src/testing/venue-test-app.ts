// Shared setup of the venue API tests (venues/: venues.api, venue-posters.api, venue-warnings.api and
// trace-warning-provinces tests): one test app per file, with a national user, a province officer and a
// case worker of VN-20, and the venue they register.
import { createMemoryBlobStore } from '../blobstore/memory-blob-store.js';
import { type Agent, userAgent } from './console-test-kit.js';
import type { Authority } from './publish-test-kit.js';
import { createTestApp, type TestApp } from './test-app.js';

type Injected = Awaited<ReturnType<TestApp['app']['server']['inject']>>;

export const HOSTS = { hosts: ['localhost'] };

export interface VenueView {
  id: string;
  name: string;
  url: string;
  cwaUrl: string;
  locationId: string;
  locationIdHash: string;
  province: string;
  organisation: string | null;
}

export const market = {
  name: 'Chợ Bồ Xuyên',
  address: 'Phố Lê Lợi, Thái Bình',
  locationType: 3,
  defaultCheckInLengthInMinutes: 60,
  province: 'VN-20',
};

export interface VenueTestApp {
  t: TestApp;
  authority: Authority;
  national: Agent;
  officer: Agent;
  worker: Agent;
  /** A GET with the agent's session, answered as fastify's inject gives it (for PDF and ZIP bodies). */
  raw(agent: Agent, url: string): Promise<Injected>;
  create(agent: Agent, body: unknown): ReturnType<Agent['request']>;
}

/** Starts the test app (in-memory database and blob store) and signs the three users in. */
export async function startVenueTestApp(): Promise<VenueTestApp> {
  const t = await createTestApp(
    { BLUEZONE_DAILY_ISSUE_QUOTA: '100000', BLUEZONE_VERIFY_RATE_LIMIT: '10000' },
    { kind: 'memory' },
    { blobStore: createMemoryBlobStore() },
  );
  return {
    t,
    authority: await t.provision('VN'),
    national: await userAgent(t, { role: 'national' }),
    officer: await userAgent(t, { role: 'province', province: 'VN-20' }),
    worker: await userAgent(t, { role: 'caseworker', province: 'VN-20' }),
    raw: (agent, url) => t.app.server.inject({ method: 'GET', url, headers: { cookie: agent.cookie } }),
    create: (agent, body) => agent.request('POST', '/console/api/venues', body),
  };
}
