// Test helpers: exposures inserted straight into the database, and a phone's view of a region's
// exports through the distribution routes.

import { randomBytes } from 'node:crypto';
import { type ExportFile, parseExportIndex, parsePublicKeyPem, readExportFile } from '@bluezone/protocol';
import type { App } from '../app/create-app.js';
import { exposures } from '../database/schema.js';

export interface ExposureFixture {
  exposureKey?: Uint8Array;
  exportableAt: Date;
  reportType?: string;
  rollingStartIntervalNumber?: number;
  revised?: { reportType: string; exportableAt: Date };
  /** The provinces whose export sets get the key (default none: the national set only). */
  provinces?: string[];
}

/** Inserts exposures of `region` and returns their key bytes (hex), in order. */
export async function insertExposures(
  app: App,
  region: string,
  healthAuthorityId: string,
  fixtures: readonly ExposureFixture[],
): Promise<string[]> {
  const rows = fixtures.map((f) => ({
    exposureKey: f.exposureKey ?? new Uint8Array(randomBytes(16)),
    region,
    healthAuthorityId,
    rollingStartIntervalNumber: f.rollingStartIntervalNumber ?? 2_958_336,
    rollingPeriod: 144,
    reportType: f.reportType ?? 'CONFIRMED_TEST',
    createdAt: f.exportableAt,
    exportableAt: f.exportableAt,
    provinces: f.provinces ?? [],
    ...(f.revised
      ? {
          revisedReportType: f.revised.reportType,
          revisedAt: f.revised.exportableAt,
          revisedExportableAt: f.revised.exportableAt,
        }
      : {}),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await app.core.db.insert(exposures).values(rows.slice(i, i + 500));
  return rows.map((r) => Buffer.from(r.exposureKey).toString('hex'));
}

export interface DownloadedExports {
  paths: string[];
  files: (ExportFile & { path: string })[];
  publicKeys: { keyId: string; keyVersion: string; publicKeyPem: string }[];
}

/**
 * What a phone does: keys.json (of `keysRegion`: a province set is signed with the national set's
 * keys), index.txt, then every listed zip, read and verified.
 */
export async function downloadExports(
  app: App,
  region: string,
  keysRegion = region,
): Promise<DownloadedExports> {
  const get = (url: string) => app.server.inject({ method: 'GET', url });
  const keysResponse = await get(`/v1/exports/${keysRegion}/keys.json`);
  const publicKeys = keysResponse.json() as DownloadedExports['publicKeys'];
  const trusted = publicKeys.map((k) => ({
    keyId: k.keyId,
    keyVersion: k.keyVersion,
    publicKey: parsePublicKeyPem(k.publicKeyPem),
  }));
  const index = await get(`/v1/exports/${region}/index.txt`);
  const paths = index.statusCode === 200 ? parseExportIndex(index.body) : [];
  const files = [];
  for (const path of paths) {
    const zip = await get(`/v1/exports/${path}`);
    if (zip.statusCode !== 200) throw new Error(`${path}: HTTP ${zip.statusCode}`);
    files.push({ path, ...readExportFile(new Uint8Array(zip.rawPayload), { publicKeys: trusted }) });
  }
  return { paths, files, publicKeys };
}

/** Hex of every key across the files (real and padding), with how often each occurs. */
export function keyCounts(files: readonly ExportFile[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files)
    for (const key of [...file.keys, ...file.revisedKeys]) {
      const hex = Buffer.from(key.keyData).toString('hex');
      counts.set(hex, (counts.get(hex) ?? 0) + 1);
    }
  return counts;
}
