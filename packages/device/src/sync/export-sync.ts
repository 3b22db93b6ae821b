import { type BluezoneClient, isApiError, isNetworkError } from '@bluezone/api';
import {
  type ExportFile,
  type ExportPublicKey,
  indexSightings,
  isProtocolError,
  matchDiagnosisKeys,
  parseExportIndex,
  type RiskConfiguration,
  readExportFile,
  type Sighting,
  type SightingIndex,
} from '@bluezone/protocol';
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';
import type { ExposureStore } from './exposure-store.js';

/** Why a listed file was not used. Rejected files are not marked processed: the next sync retries. */
export interface RejectedFile {
  readonly path: string;
  readonly code:
    | 'export_signature_invalid'
    | 'export_malformed'
    | 'export_wrong_region'
    | 'export_download_failed';
  readonly message: string;
}

/** What one pass over the index did. */
export interface ExportSyncReport {
  readonly listed: number;
  /** Paths downloaded and processed in this pass. */
  readonly processed: readonly string[];
  readonly rejected: readonly RejectedFile[];
  readonly matchedKeys: number;
}

export interface ExportSyncOptions {
  readonly client: BluezoneClient;
  readonly store: KeyValueStore;
  readonly exposures: ExposureStore;
  readonly region: string;
  readonly publicKeys: readonly ExportPublicKey[];
  readonly rssiCorrection: number;
  readonly config: RiskConfiguration;
  /** The sighting log, read only when there is something new to match. */
  readonly sightings: () => Promise<readonly Sighting[]>;
}

/** Resolves an index line: paths with a folder are relative to the export root, bare names to the index's folder. */
export function exportPath(region: string, line: string): string {
  return line.includes('/') ? line : `${region}/${line}`;
}

/**
 * Reads the region's index, downloads the files not processed yet, keeps those with a valid
 * signature from a configured key, matches their keys against the sighting log and records the
 * matches. Index and network failures propagate (`ApiError`, `NetworkError`); a bad file is rejected
 * and reported, and the others still count.
 */
export async function syncExports(options: ExportSyncOptions): Promise<ExportSyncReport> {
  const { client, store, region } = options;
  const processedKey = `sync/processed/${region}`;
  const paths = parseExportIndex(await client.exportIndex(region));
  const done = new Set(await getJson<string[]>(store, processedKey, []));
  const fresh = paths.filter((p) => !done.has(p));
  const processed: string[] = [];
  const rejected: RejectedFile[] = [];
  let matchedKeys = 0;
  let index: SightingIndex | undefined;
  for (const path of fresh) {
    const outcome = await processFile(options, path, async () => {
      index ??= indexSightings([...(await options.sightings())]);
      return index;
    });
    if ('code' in outcome) rejected.push(outcome);
    else {
      matchedKeys += outcome.matched;
      processed.push(path);
      done.add(path);
      // Only paths still listed are remembered, so the record shrinks as the server retires files.
      await setJson(
        store,
        processedKey,
        paths.filter((p) => done.has(p)),
      );
    }
  }
  if (fresh.length === 0)
    await setJson(
      store,
      processedKey,
      paths.filter((p) => done.has(p)),
    );
  return { listed: paths.length, processed, rejected, matchedKeys };
}

async function processFile(
  options: ExportSyncOptions,
  path: string,
  sightingIndex: () => Promise<SightingIndex>,
): Promise<RejectedFile | { matched: number }> {
  let zip: Uint8Array;
  try {
    zip = await options.client.exportFile(exportPath(options.region, path));
  } catch (error) {
    if (isNetworkError(error)) throw error;
    if (!isApiError(error)) throw error;
    return { path, code: 'export_download_failed', message: `${error.status} ${error.code}` };
  }
  let file: ExportFile;
  try {
    file = readExportFile(zip, { publicKeys: options.publicKeys });
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    return { path, code: 'export_malformed', message: error.message };
  }
  if (!file.signatures.some((s) => s.valid)) {
    const tried = file.signatures.map((s) => `${s.keyId}/${s.keyVersion}`).join(', ') || 'none';
    return {
      path,
      code: 'export_signature_invalid',
      message: `no valid signature from a trusted key (${tried})`,
    };
  }
  if (file.header.region !== options.region) {
    return { path, code: 'export_wrong_region', message: `the file is for region ${file.header.region}` };
  }
  const index = await sightingIndex();
  const matching = {
    rssiCorrection: options.rssiCorrection,
    mapping: options.config.diagnosisKeysDataMapping,
  };
  const result = matchDiagnosisKeys(file.keys, index, matching);
  const revised = matchDiagnosisKeys(file.revisedKeys, index, matching);
  await options.exposures.add([...result.matches, ...revised.matches]);
  return { matched: result.matches.length };
}
