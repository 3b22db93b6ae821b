// Runs `bench checkin`: a phone's hourly trace warning packages for 14 days are read (unzipped, decoded,
// signature checked — once, as each arrives) and every warning is matched against 14 days of check-ins
// (again at every new package): the matching is what the target is about. All on this thread.

import { generateKeyPairSync } from 'node:crypto';
import {
  buildTraceWarningFile,
  ECDSA_SHA256_OID,
  matchCheckIns,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  readTraceWarningFile,
  type TraceTimeIntervalWarning,
} from '@bluezone/protocol';
import { benchCheckIns, benchWarnings } from './checkin-data.js';
import { FIRST_DAY } from './match-run.js';
import { seededRandom } from './random.js';

/** The target: 100,000 warnings against 14 days of check-ins in at most a second, one core. */
export const TARGET_SECONDS = 1;
/** Packages a phone holds for 14 days: one an hour. */
const PACKAGES = 14 * 24;

export interface CheckinBenchOptions {
  readonly warnings: number;
  readonly checkInsPerDay: number;
  readonly planted: number;
  readonly seed: number;
  readonly runs: number;
}

export function runCheckinBench(o: CheckinBenchOptions) {
  const random = seededRandom(o.seed);
  const checkIns = benchCheckIns(FIRST_DAY, o.checkInsPerDay, random);
  const { warnings, expected } = benchWarnings(checkIns, FIRST_DAY, o.warnings, o.planted, random);
  const { files, publicKeys } = hourlyFiles(warnings);

  // Reading the packages, as a phone does after downloading them.
  let t0 = performance.now();
  const read: TraceTimeIntervalWarning[] = [];
  let badSignatures = 0;
  for (const file of files) {
    const pkg = readTraceWarningFile(file, publicKeys);
    if (!pkg.signatures.every((s) => s.valid)) badSignatures++;
    for (const w of pkg.warnings) read.push(w);
  }
  const readSeconds = (performance.now() - t0) / 1000;

  // Matching, timed `runs` times: the first run (cold, as on a phone) and the best.
  const times: number[] = [];
  let found: ReturnType<typeof matchCheckIns> = [];
  for (let r = 0; r < o.runs; r++) {
    t0 = performance.now();
    found = matchCheckIns(checkIns, read);
    times.push((performance.now() - t0) / 1000);
  }
  const key = (m: { checkIn: number; warning: number; overlapMinutes: number }) =>
    `${m.checkIn}/${m.warning}/${m.overlapMinutes}`;
  const want = new Set(expected.map(key));
  const got = new Set(found.map(key));
  const matchSeconds = times[0] ?? 0;
  const bestMatchSeconds = Math.min(...times);
  return {
    warnings: read.length,
    checkIns: checkIns.length,
    packages: files.length,
    packageBytes: files.reduce((n, f) => n + f.length, 0),
    seed: o.seed,
    node: process.versions.node,
    matchSeconds,
    bestMatchSeconds,
    readSeconds,
    targetSeconds: TARGET_SECONDS,
    ratio: matchSeconds / TARGET_SECONDS,
    targetMet: matchSeconds <= TARGET_SECONDS,
    overlaps: found.length,
    planted: expected.length,
    missed: [...want].filter((k) => !got.has(k)).length,
    invented: [...got].filter((k) => !want.has(k)).length,
    badSignatures,
  };
}

export type CheckinBenchResult = ReturnType<typeof runCheckinBench>;

/** The warnings in `PACKAGES` hourly files, signed with a fresh P-256 key. */
function hourlyFiles(warnings: readonly TraceTimeIntervalWarning[]) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signatureInfo = {
    verificationKeyId: 'bench',
    verificationKeyVersion: 'v1',
    signatureAlgorithm: ECDSA_SHA256_OID,
  };
  const signer = {
    signingKey: parsePrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    signatureInfo,
  };
  const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const per = Math.ceil(warnings.length / PACKAGES);
  const firstHour = FIRST_DAY * 24;
  const files = Array.from({ length: Math.ceil(warnings.length / per) }, (_, i) =>
    buildTraceWarningFile(
      { intervalNumber: firstHour + i, region: 'VN', warnings: warnings.slice(i * per, (i + 1) * per) },
      [signer],
    ),
  );
  return { files, publicKeys: [{ keyId: 'bench', keyVersion: 'v1', publicKey: parsePublicKeyPem(spki) }] };
}
