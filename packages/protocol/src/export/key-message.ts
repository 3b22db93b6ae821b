// One TemporaryExposureKey of export.bin ⇄ a DiagnosisKey, validated both ways. Field numbers come
// from the generated descriptor of proto/export.proto.

import { type DiagnosisKey, ReportType } from '../diagnosis.js';
import { ProtocolError } from '../errors.js';
import { TEK_LENGTH } from '../keys/temporary-exposure-key.js';
import { type IntervalNumber, ROLLING_PERIOD } from '../time/interval.js';
import { TemporaryExposureKeySchema } from './gen/export_pb.js';
import type { PlainMessage } from './message-reader.js';
import { int32Size, varintSize, Wire, type WireWriter } from './wire-writer.js';

const INT32_MAX = 0x7fffffff;
const INT32_MIN = -0x80000000;
const REPORT_TYPES = new Set<number>(Object.values(ReportType));
const F = TemporaryExposureKeySchema.field;
const N = {
  keyData: F.keyData.number,
  transmissionRiskLevel: F.transmissionRiskLevel.number,
  rollingStartIntervalNumber: F.rollingStartIntervalNumber.number,
  rollingPeriod: F.rollingPeriod.number,
  reportType: F.reportType.number,
  daysSinceOnsetOfSymptoms: F.daysSinceOnsetOfSymptoms.number,
};
const EMPTY = new Uint8Array(0);
const tagSize = (fieldNo: number) => varintSize(fieldNo * 8);
const zigzag = (n: number) => ((n << 1) ^ (n >> 31)) >>> 0;

/**
 * Writes `key` as field `fieldNo` of the enclosing message, as GAEN servers write it: fields in number
 * order; transmission risk omitted when 0, rolling period when 144, report type when UNKNOWN, days
 * since onset when unknown. (Property-tested byte for byte against protobuf-es's toBinary.)
 */
export function writeKey(writer: WireWriter, fieldNo: number, key: DiagnosisKey): void {
  const {
    keyData,
    transmissionRiskLevel: risk,
    rollingPeriod: period,
    reportType,
    daysSinceOnsetOfSymptoms: days,
  } = key;
  const start = key.rollingStartIntervalNumber;
  let size = tagSize(N.keyData) + varintSize(keyData.length) + keyData.length;
  size += tagSize(N.rollingStartIntervalNumber) + int32Size(start);
  if (risk !== 0) size += tagSize(N.transmissionRiskLevel) + int32Size(risk);
  if (period !== ROLLING_PERIOD) size += tagSize(N.rollingPeriod) + int32Size(period);
  if (reportType !== ReportType.UNKNOWN) size += tagSize(N.reportType) + int32Size(reportType);
  if (days !== undefined) size += tagSize(N.daysSinceOnsetOfSymptoms) + varintSize(zigzag(days));

  writer.tag(fieldNo, Wire.LEN).varint(size);
  writer.tag(N.keyData, Wire.LEN).bytes(keyData);
  if (risk !== 0) writer.tag(N.transmissionRiskLevel, Wire.VARINT).int32(risk);
  writer.tag(N.rollingStartIntervalNumber, Wire.VARINT).int32(start);
  if (period !== ROLLING_PERIOD) writer.tag(N.rollingPeriod, Wire.VARINT).int32(period);
  if (reportType !== ReportType.UNKNOWN) writer.tag(N.reportType, Wire.VARINT).int32(reportType);
  if (days !== undefined) writer.tag(N.daysSinceOnsetOfSymptoms, Wire.VARINT).sint32(days);
}

/** The DiagnosisKey in a decoded TemporaryExposureKey; `where` names it in errors ("keys[3]"). */
export function keyFromMessage(message: PlainMessage, where: string): DiagnosisKey {
  const start = message.rollingStartIntervalNumber as number | undefined;
  if (start === undefined)
    throw new ProtocolError('export_invalid_key', `${where} has no rolling_start_interval_number`);
  // Every key gets the same properties in the same order (one hidden class; no spread per key).
  const key: DiagnosisKey = {
    keyData: (message.keyData as Uint8Array | undefined) ?? EMPTY,
    rollingStartIntervalNumber: start as IntervalNumber,
    rollingPeriod: (message.rollingPeriod as number | undefined) ?? ROLLING_PERIOD,
    transmissionRiskLevel: (message.transmissionRiskLevel as number | undefined) ?? 0,
    reportType: (message.reportType as ReportType | undefined) ?? ReportType.UNKNOWN,
    daysSinceOnsetOfSymptoms: message.daysSinceOnsetOfSymptoms as number | undefined,
  };
  checkKey(key, where);
  return key;
}

/** Rejects what no export file may carry: the checks are the same for writing and reading. */
export function checkKey(key: DiagnosisKey, where: string): void {
  if (!(key.keyData instanceof Uint8Array) || key.keyData.length !== TEK_LENGTH) {
    throw invalidKey(where, `key_data must be ${TEK_LENGTH} bytes, not ${key.keyData?.length}`);
  }
  const start = key.rollingStartIntervalNumber;
  if (!Number.isInteger(start) || start < 0 || start > INT32_MAX) {
    throw invalidKey(where, `rolling_start_interval_number ${start} is not an interval number`);
  }
  const period = key.rollingPeriod;
  if (!Number.isInteger(period) || period < 1 || period > ROLLING_PERIOD) {
    throw invalidKey(where, `rolling_period ${period} is outside 1…${ROLLING_PERIOD}`);
  }
  if (!isInt32(key.transmissionRiskLevel)) {
    throw invalidKey(where, `transmission_risk_level ${key.transmissionRiskLevel} is not an int32`);
  }
  if (!REPORT_TYPES.has(key.reportType)) throw invalidKey(where, `report_type ${key.reportType} is unknown`);
  const days = key.daysSinceOnsetOfSymptoms;
  if (days !== undefined && !isInt32(days))
    throw invalidKey(where, `days_since_onset_of_symptoms ${days} is not an int32`);
}

function invalidKey(where: string, what: string): ProtocolError {
  return new ProtocolError('export_invalid_key', `${where}: ${what}`);
}

function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}
