// One TemporaryExposureKey of export.bin ⇄ a DiagnosisKey, validated both ways.

import { create, isFieldSet } from '@bufbuild/protobuf';
import { type DiagnosisKey, ReportType } from '../diagnosis.js';
import { ProtocolError } from '../errors.js';
import { TEK_LENGTH } from '../keys/temporary-exposure-key.js';
import { type IntervalNumber, ROLLING_PERIOD } from '../time/interval.js';
import { type TemporaryExposureKey, TemporaryExposureKeySchema } from './gen/export_pb.js';

const INT32_MAX = 0x7fffffff;
const INT32_MIN = -0x80000000;
const REPORT_TYPES = new Set<number>(Object.values(ReportType));
const fields = TemporaryExposureKeySchema.field;

/**
 * The message for `key`, as GAEN servers write it: transmission risk omitted when 0, rolling period
 * when 144, report type when UNKNOWN, days since onset when unknown.
 */
export function toKeyMessage(key: DiagnosisKey, index: number): TemporaryExposureKey {
  checkKey(key, `key ${index}`);
  return create(TemporaryExposureKeySchema, {
    keyData: key.keyData,
    ...(key.transmissionRiskLevel !== 0 && { transmissionRiskLevel: key.transmissionRiskLevel }),
    rollingStartIntervalNumber: key.rollingStartIntervalNumber,
    ...(key.rollingPeriod !== ROLLING_PERIOD && { rollingPeriod: key.rollingPeriod }),
    ...(key.reportType !== ReportType.UNKNOWN && { reportType: key.reportType }),
    ...(key.daysSinceOnsetOfSymptoms !== undefined && {
      daysSinceOnsetOfSymptoms: key.daysSinceOnsetOfSymptoms,
    }),
  });
}

/** The DiagnosisKey in `message`; `where` names it in errors (e.g. "keys[3]"). */
export function fromKeyMessage(message: TemporaryExposureKey, where: string): DiagnosisKey {
  if (!isFieldSet(message, fields.rollingStartIntervalNumber)) {
    throw new ProtocolError('export_invalid_key', `${where} has no rolling_start_interval_number`);
  }
  const key: DiagnosisKey = {
    keyData: message.keyData,
    rollingStartIntervalNumber: message.rollingStartIntervalNumber as IntervalNumber,
    rollingPeriod: message.rollingPeriod,
    transmissionRiskLevel: message.transmissionRiskLevel,
    reportType: message.reportType as number as ReportType,
    ...(isFieldSet(message, fields.daysSinceOnsetOfSymptoms) && {
      daysSinceOnsetOfSymptoms: message.daysSinceOnsetOfSymptoms,
    }),
  };
  checkKey(key, where);
  return key;
}

/** Rejects what no export file may carry: the checks are the same for writing and reading. */
export function checkKey(key: DiagnosisKey, where: string): void {
  const bad = (what: string) => new ProtocolError('export_invalid_key', `${where}: ${what}`);
  if (!(key.keyData instanceof Uint8Array) || key.keyData.length !== TEK_LENGTH) {
    throw bad(`key_data must be ${TEK_LENGTH} bytes, not ${key.keyData?.length}`);
  }
  const start = key.rollingStartIntervalNumber;
  if (!Number.isInteger(start) || start < 0 || start > INT32_MAX) {
    throw bad(`rolling_start_interval_number ${start} is not an interval number`);
  }
  const period = key.rollingPeriod;
  if (!Number.isInteger(period) || period < 1 || period > ROLLING_PERIOD) {
    throw bad(`rolling_period ${period} is outside 1…${ROLLING_PERIOD}`);
  }
  if (!isInt32(key.transmissionRiskLevel)) {
    throw bad(`transmission_risk_level ${key.transmissionRiskLevel} is not an int32`);
  }
  if (!REPORT_TYPES.has(key.reportType)) throw bad(`report_type ${key.reportType} is unknown`);
  const days = key.daysSinceOnsetOfSymptoms;
  if (days !== undefined && !isInt32(days)) throw bad(`days_since_onset_of_symptoms ${days} is not an int32`);
}

function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}
