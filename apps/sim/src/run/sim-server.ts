import type { ExportPublicKey } from '@bluezone/protocol';

/**
 * The real server the simulated phones talk to over HTTP, and the one thing the simulator may ask of
 * it besides HTTP: run an export pass now (a server started by `bluezone sim` in the same process, on
 * the simulation's clock). A server on its own schedule passes a function that does nothing.
 */
export interface SimServer {
  /** Root URL, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  readonly region: string;
  readonly healthAuthorityId: string;
  readonly adminApiKey: string;
  readonly deviceApiKey: string;
  readonly exportPublicKeys: readonly ExportPublicKey[];
  runExportPass(): Promise<void>;
}
