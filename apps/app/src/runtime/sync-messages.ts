import type { ConnectionKind, DownloadOutcome, SyncProgress } from '@bluezone/device';

/** What the page sends the sync worker: everything it needs to build the device's sync side. */
export interface SyncRequest {
  readonly type: 'sync';
  readonly id: number;
  /** Absolute URLs (a worker has no page to resolve relative ones against). */
  readonly server: { verificationUrl: string; keyServerUrl: string; deviceApiKey: string };
  readonly region: string;
  readonly healthAuthorityId: string;
  readonly exportPublicKeys: readonly { keyId: string; keyVersion: string; publicKeyPem: string }[];
  /** The phone's time at the start of the pass (the demo air's simulated time, if any). */
  readonly nowMs: number;
  readonly connection: ConnectionKind;
}

/** What the worker answers: progress while it works, then the outcome (or a failure it could not record). */
export type SyncReply =
  | { readonly type: 'progress'; readonly id: number; readonly progress: SyncProgress }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly outcome: DownloadOutcome;
      /** How long the pass took inside the worker (download, verification, matching). */
      readonly workerMs: number;
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
