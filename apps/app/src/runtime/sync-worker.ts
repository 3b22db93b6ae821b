// The sync worker: downloads the watched sets' export files, verifies and matches them off the
// page's thread, and stores the matches in the same IndexedDB as the page (runtime/sync-in-worker.ts).
import { createDevice } from '@bluezone/device';
import { parsePublicKeyPem } from '@bluezone/protocol';
import { browserHttp, browserRandom } from '../platform/browser-ports.js';
import { IdbStore } from '../platform/idb-store.js';
import type { SyncReply, SyncRequest } from './sync-messages.js';

/** The worker's global scope, as far as used (the app's types are the page's DOM ones). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<SyncRequest>) => void) | null;
  postMessage(message: SyncReply): void;
};
const BROWSER_PHONE = { oem: 'Google', model: 'Pixel 4' };
const store = IdbStore.open();

scope.onmessage = (event: MessageEvent<SyncRequest>) => {
  const request = event.data;
  const reply = (message: SyncReply) => scope.postMessage(message);
  void run(request, reply).catch((error: unknown) =>
    reply({
      type: 'failed',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};

async function run(request: SyncRequest, reply: (message: SyncReply) => void): Promise<void> {
  const started = performance.now();
  const device = createDevice({
    ports: {
      clock: { nowMs: () => request.nowMs },
      random: browserRandom,
      store: await store,
      http: browserHttp(),
      // Warnings are merged and shown by the page; the worker never notifies.
      notifier: { notify: async () => undefined },
      network: { connection: () => request.connection },
    },
    phone: BROWSER_PHONE,
    server: request.server,
    region: request.region,
    healthAuthorityId: request.healthAuthorityId,
    exportPublicKeys: request.exportPublicKeys.map((k) => ({
      keyId: k.keyId,
      keyVersion: k.keyVersion,
      publicKey: parsePublicKeyPem(k.publicKeyPem),
    })),
  });
  const outcome = await device.download({
    onProgress: (progress) => reply({ type: 'progress', id: request.id, progress }),
  });
  reply({ type: 'done', id: request.id, outcome, workerMs: performance.now() - started });
}
