import { type BluezoneClient, createBluezoneClient, fetchTransport } from '@bluezone/api';
import { exportPath } from '@bluezone/device';
import {
  assessExposureRisk,
  type BluezoneLevel,
  type DiagnosisKey,
  type ExposureWindow,
  intervalOf,
  matchDiagnosisKeys,
  parseExportIndex,
  ReportType,
  type RiskConfiguration,
  readExportFile,
  type Sighting,
  type UnixSeconds,
  type UtcDay,
  unixSeconds,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import type { SightingLedger } from './sighting-ledger.js';
import type { SimPhones } from './sim-phones.js';
import type { SimServer } from './sim-server.js';

const DAY_SECONDS = 86_400;
/** Sightings before a day that can still shape its first scan (gap to the previous scan ≤ 300 s). */
const LEAD_SECONDS = 600;
const RANK: Record<BluezoneLevel, number> = { none: 0, F2: 1, F1: 2 };

/** A phone's warning as the shared matcher keeps it (the device's rule: never downgraded). */
export interface SharedWarning {
  readonly level: 'F1' | 'F2';
  readonly exposureDate: string;
  readonly warnedAtMs: number;
  /** Owners of the keys whose windows made the warning's level. */
  readonly sources: readonly number[];
}

/** What one pass found. */
export interface SharedSyncReport {
  readonly files: number;
  readonly keys: number;
  readonly ownersFound: number;
  readonly newWarnings: readonly { person: number; warning: SharedWarning }[];
}

/**
 * One matcher for every simulated phone. Each new export file is downloaded once over HTTP and its
 * signature checked; each key whose owner is a simulated phone is matched, with @bluezone/protocol's
 * matcher and the receiving phone's calibration, against the sighting log of every phone that heard
 * that owner on the key's day — the log rebuilt from the ledger with the owner's real advertisements
 * (its device's `advertisementOf`) and, for every other sighting, a placeholder identifier that keeps
 * the phone's scans as they were. Scoring and the never-downgrade rule are the device's. A key no
 * simulated phone heard (padding, strangers) cannot match any log, so it costs nothing. The
 * simulator checks on a sample of phones running the full runtime that the warnings are the same.
 */
export class SharedMatcher {
  private readonly client: BluezoneClient;
  private readonly processed = new Set<string>();
  /** Per phone, per matched key (hex): its windows and owner. */
  private readonly matches = new Map<number, Map<string, { windows: ExposureWindow[]; owner: number }>>();
  readonly warnings = new Map<number, SharedWarning>();
  /** Bytes one phone downloads to follow the exports (the index at every sync, each file once). */
  bytesPerPhone = 0;

  constructor(
    server: SimServer,
    private readonly phones: SimPhones,
    private readonly ledger: SightingLedger,
    private readonly risk: RiskConfiguration,
    private readonly region: string,
    private readonly startMs: number,
    private readonly publicKeys: SimServer['exportPublicKeys'],
  ) {
    this.client = createBluezoneClient({
      transport: fetchTransport(fetch, { timeoutSignal: (ms) => AbortSignal.timeout(ms) }),
      verificationUrl: server.baseUrl,
      deviceApiKey: server.deviceApiKey,
    });
  }

  /** Downloads the files not seen yet, matches their keys, and updates every phone's warning. */
  async sync(nowMs: number): Promise<SharedSyncReport> {
    const index = await this.client.exportIndex(this.region);
    this.bytesPerPhone += Buffer.byteLength(index);
    const keys: DiagnosisKey[] = [];
    let files = 0;
    for (const line of parseExportIndex(index)) {
      const path = exportPath(this.region, line);
      if (this.processed.has(path)) continue;
      const zip = await this.client.exportFile(path);
      this.bytesPerPhone += zip.length;
      const file = readExportFile(zip, { publicKeys: this.publicKeys });
      if (!file.signatures.some((s) => s.valid)) throw new Error(`${path}: no valid signature`);
      this.processed.add(path);
      files += 1;
      keys.push(...file.keys, ...file.revisedKeys);
    }
    const byReceiver = this.candidates(keys);
    const today = utcDayOfSeconds(unixSeconds(Math.floor(nowMs / 1000)));
    const newWarnings: { person: number; warning: SharedWarning }[] = [];
    for (const [receiver, candidates] of byReceiver) {
      const warning = this.matchPhone(receiver, candidates, today, nowMs);
      if (warning) newWarnings.push({ person: receiver, warning });
    }
    let ownersFound = 0;
    for (const list of byReceiver.values()) ownersFound += list.length;
    return { files, keys: keys.length, ownersFound, newWarnings };
  }

  /** For every phone that heard the owner of a key on the key's day: the keys to match. */
  private candidates(keys: readonly DiagnosisKey[]): Map<number, Candidate[]> {
    const byReceiver = new Map<number, Candidate[]>();
    for (const key of keys) {
      const owner = this.phones.ownerOf(Buffer.from(key.keyData).toString('hex'));
      if (!owner) continue;
      const dayIndex = this.dayIndex(key.rollingStartIntervalNumber * 600);
      const day = this.ledger.day(dayIndex);
      if (!day) continue;
      const seen = new Set<number>();
      for (const id of day.heardFrom(owner.person)) {
        const receiver = day.receiverOf(id);
        if (seen.has(receiver)) continue;
        seen.add(receiver);
        const list = byReceiver.get(receiver) ?? [];
        list.push({ key, owner: owner.person, dayIndex });
        byReceiver.set(receiver, list);
      }
    }
    return byReceiver;
  }

  private matchPhone(receiver: number, candidates: readonly Candidate[], today: UtcDay, nowMs: number) {
    const phone = this.phones.phone(receiver);
    if (!phone) return undefined;
    const sightings = this.sightingLog(receiver, candidates);
    const result = matchDiagnosisKeys(
      candidates.map((c) => c.key),
      sightings,
      {
        rssiCorrection: phone.device.calibration.rssiCorrection,
        mapping: this.risk.diagnosisKeysDataMapping,
      },
    );
    const stored: Map<string, { windows: ExposureWindow[]; owner: number }> =
      this.matches.get(receiver) ?? new Map();
    this.matches.set(receiver, stored);
    for (const match of result.matches) {
      const hex = Buffer.from(match.key.keyData).toString('hex');
      if (match.key.reportType === ReportType.REVOKED) stored.delete(hex);
      else {
        const owner = candidates.find((c) => c.key === match.key)?.owner ?? -1;
        stored.set(hex, {
          windows: match.windows.map((w) => ({ ...w, reportType: match.reportType })),
          owner,
        });
      }
    }
    const windows = [...stored.values()].flatMap((m) => m.windows);
    const risk = assessExposureRisk(windows, this.risk, today);
    if (risk.level === 'none' || risk.exposureDate === undefined) return undefined;
    const current = this.warnings.get(receiver);
    const better =
      current === undefined ||
      RANK[risk.level] > RANK[current.level] ||
      (RANK[risk.level] === RANK[current.level] && risk.exposureDate > current.exposureDate);
    if (!better) return undefined;
    const sources = [...stored.values()]
      .filter((m) => m.windows.some((w) => (risk.level === 'F2') === (w.reportType === ReportType.RECURSIVE)))
      .map((m) => m.owner);
    const warning: SharedWarning = {
      level: risk.level,
      exposureDate: risk.exposureDate,
      warnedAtMs: nowMs,
      sources: [...new Set(sources)],
    };
    this.warnings.set(receiver, warning);
    return warning;
  }

  /** The receiver's log on the candidates' days, as its phone recorded it. */
  private sightingLog(receiver: number, candidates: readonly Candidate[]): Sighting[] {
    const days = [...new Set(candidates.map((c) => c.dayIndex))].sort((a, b) => a - b);
    const owners = new Map<string, Candidate>();
    for (const c of candidates) owners.set(`${c.owner}/${c.dayIndex}`, c);
    const log: Sighting[] = [];
    let placeholder = 0;
    for (const dayIndex of days) {
      const from = this.startMs / 1000 + dayIndex * DAY_SECONDS - LEAD_SECONDS;
      for (const d of [dayIndex - 1, dayIndex]) {
        const day = this.ledger.day(d);
        if (!day) continue;
        for (const id of day.heardBy(receiver)) {
          const seconds = day.seconds[id] as number;
          if (seconds < from || (d === dayIndex - 1 && days.includes(d))) continue;
          const transmitter = day.transmitter[id] as number;
          const candidate = owners.get(`${transmitter}/${d}`);
          const rssi = day.rssi[id] as number;
          if (candidate) {
            const owner = this.phones.phone(transmitter);
            const tek = this.phones.ownerOf(Buffer.from(candidate.key.keyData).toString('hex'))?.key;
            if (owner && tek) {
              const ad = owner.device.ownKeys.advertisementOf(tek, intervalOf(seconds as UnixSeconds));
              log.push({ rpi: ad.rpi, aem: ad.aem, rssi, seconds: seconds as UnixSeconds });
              continue;
            }
          }
          placeholder += 1;
          log.push({
            rpi: placeholderRpi(placeholder),
            aem: new Uint8Array(4),
            rssi,
            seconds: seconds as UnixSeconds,
          });
        }
      }
    }
    return log.sort((a, b) => a.seconds - b.seconds);
  }

  private dayIndex(seconds: number): number {
    return Math.floor((seconds * 1000 - this.startMs) / 86_400_000);
  }
}

interface Candidate {
  readonly key: DiagnosisKey;
  readonly owner: number;
  readonly dayIndex: number;
}

/** An identifier no key derives (in practice): 0xB2 0x5A then a counter. */
function placeholderRpi(n: number): Uint8Array {
  const rpi = new Uint8Array(16);
  rpi[0] = 0xb2;
  rpi[1] = 0x5a;
  new DataView(rpi.buffer).setUint32(12, n);
  return rpi;
}
