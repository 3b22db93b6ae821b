// The server's configuration as data: one entry per environment variable, kept by area in
// ./definitions/ and listed here in the order `docs/config.md` shows them. `loadConfig` parses and
// validates it; scripts/generators/config-docs.mjs writes docs/config.md from it. Only relative
// imports of plain data, so a plain Node script can load it through tsx.

import { adoptionFlushInterval } from './definitions/adoption.js';
import { appDeviceApiKey, notices, region, riskConfiguration } from './definitions/app.js';
import {
  codeLink,
  consoleIdleTimeout,
  consoleSessionLifetime,
  secureCookies,
} from './definitions/console.js';
import type { ConfigEntry } from './definitions/entry.js';
import {
  exportInterval,
  exportLease,
  exportMaxKeysPerFile,
  exportPaddingJitter,
  exportPaddingMin,
  exportProvinceInterval,
  exportSigningKeys,
} from './definitions/export.js';
import { bodyLimit, host, port, publicOrigin, trustedProxies } from './definitions/http.js';
import { logLevel, metricsToken } from './definitions/observability.js';
import { plannerPeople, plannerSeeds, plannerWorker } from './definitions/planner.js';
import {
  cleanupInterval,
  codeRetention,
  declarationRetention,
  keyRetention,
} from './definitions/retention.js';
import {
  signInAccountLimit,
  signInAddressLimit,
  signInConcurrentPerAddress,
  signInHashesInFlight,
  signInHashWait,
  signInRateWindow,
} from './definitions/sign-in.js';
import { blobUrl, databasePooler, databaseUrl, dataDir, secret } from './definitions/storage.js';
import {
  certificateAudience,
  certificateIssuer,
  certificateLifetime,
  dailyIssueQuota,
  longCodeLifetime,
  maxDateAge,
  rateLimitWindow,
  shortCodeLifetime,
  tokenLifetime,
  verifyRateLimit,
} from './definitions/verification.js';

export type { ConfigEntry, ConfigKind } from './definitions/entry.js';

export const CONFIG_ENTRIES = [
  port,
  host,
  dataDir,
  databaseUrl,
  databasePooler,
  secret,
  logLevel,
  region,
  appDeviceApiKey,
  notices,
  riskConfiguration,
  shortCodeLifetime,
  longCodeLifetime,
  tokenLifetime,
  certificateLifetime,
  certificateIssuer,
  certificateAudience,
  maxDateAge,
  verifyRateLimit,
  rateLimitWindow,
  signInAddressLimit,
  signInAccountLimit,
  signInRateWindow,
  signInHashesInFlight,
  signInConcurrentPerAddress,
  signInHashWait,
  dailyIssueQuota,
  bodyLimit,
  trustedProxies,
  exportInterval,
  exportProvinceInterval,
  exportPaddingMin,
  exportPaddingJitter,
  exportMaxKeysPerFile,
  exportSigningKeys,
  exportLease,
  cleanupInterval,
  adoptionFlushInterval,
  plannerWorker,
  plannerPeople,
  plannerSeeds,
  metricsToken,
  blobUrl,
  keyRetention,
  codeRetention,
  declarationRetention,
  secureCookies,
  consoleIdleTimeout,
  consoleSessionLifetime,
  codeLink,
  publicOrigin,
] as const satisfies readonly ConfigEntry[];
