import { ProtocolError } from '../errors.js';
import { join, Problems } from './problems.js';
import type { RiskConfiguration } from './risk-configuration.js';

/** GAEN accepts weights of 0–250 %. */
const MAX_WEIGHT = 2.5;
const MAX_MINUTES = 100_000;
const INFECTIOUSNESS = ['none', 'standard', 'high'] as const;
const REPORT_TYPE_KEYS = ['confirmedTest', 'confirmedClinicalDiagnosis', 'selfReport', 'recursive'] as const;
const TOP_LEVEL = [
  'name',
  'description',
  'attenuation',
  'attenuationBucketThresholdsDb',
  'attenuationBucketWeights',
  'reportTypeWeights',
  'infectiousnessWeights',
  'diagnosisKeysDataMapping',
  'minimumWindowMinutes',
  'windowHighMinutes',
  'dailyAggregation',
  'dayThresholdsMinutes',
  'transmissionRisk',
  'selfReportLevel',
  'guidance',
];

/**
 * Validates untrusted JSON as a risk configuration. Every problem is reported at once, with its
 * path, in one `ProtocolError('invalid_risk_configuration', …)`; the result is a frozen copy.
 */
export function validateRiskConfiguration(json: unknown): RiskConfiguration {
  const p = new Problems();
  const root = p.object(json, 'configuration');
  if (root === undefined) {
    if (json === undefined) p.add('configuration', 'is required');
  } else {
    p.onlyKeys(root, TOP_LEVEL, '');
    p.text(p.field(root, 'name', ''), 'name', 100);
    p.text(p.field(root, 'description', ''), 'description', 2000, true);
    p.oneOf(p.field(root, 'attenuation', ''), 'attenuation', ['typical', 'minimum']);
    checkBuckets(p, root);
    weights(p, p.field(root, 'reportTypeWeights', ''), 'reportTypeWeights', REPORT_TYPE_KEYS, MAX_WEIGHT);
    weights(
      p,
      p.field(root, 'infectiousnessWeights', ''),
      'infectiousnessWeights',
      ['standard', 'high'],
      MAX_WEIGHT,
    );
    checkMapping(p, p.field(root, 'diagnosisKeysDataMapping', ''));
    p.number(p.field(root, 'minimumWindowMinutes', ''), 'minimumWindowMinutes', 0, MAX_MINUTES);
    p.number(p.field(root, 'windowHighMinutes', ''), 'windowHighMinutes', 0, MAX_MINUTES);
    p.oneOf(p.field(root, 'dailyAggregation', ''), 'dailyAggregation', ['sum', 'max']);
    checkDayThresholds(p, p.field(root, 'dayThresholdsMinutes', ''));
    checkTransmissionRisk(p, p.field(root, 'transmissionRisk', '', true));
    p.oneOf(p.field(root, 'selfReportLevel', ''), 'selfReportLevel', ['ignore', 'F1']);
    checkGuidance(p, p.field(root, 'guidance', ''));
  }
  if (p.list.length > 0) {
    throw new ProtocolError(
      'invalid_risk_configuration',
      `invalid risk configuration: ${[...new Set(p.list)].join('; ')}`,
    );
  }
  return deepFreeze(JSON.parse(JSON.stringify(json)) as RiskConfiguration);
}

function checkBuckets(p: Problems, root: Record<string, unknown>): void {
  const path = 'attenuationBucketThresholdsDb';
  const thresholds = p.array(p.field(root, path, ''), path, 0, 3);
  thresholds?.forEach((t, i) => {
    const value = p.number(t, `${path}[${i}]`, 0, 255, true);
    const previous = thresholds[i - 1];
    if (value !== undefined && typeof previous === 'number' && value < previous) {
      p.add(`${path}[${i}]`, `must be ≥ [${i - 1}] (${value} < ${previous})`);
    }
  });
  const weightsPath = 'attenuationBucketWeights';
  const count = thresholds === undefined ? undefined : thresholds.length + 1;
  const list = p.array(p.field(root, weightsPath, ''), weightsPath, count ?? 1, count ?? 4);
  list?.forEach((w, i) => {
    p.number(w, `${weightsPath}[${i}]`, 0, MAX_WEIGHT);
  });
}

function weights(p: Problems, value: unknown, path: string, keys: readonly string[], max: number): void {
  const o = p.object(value, path);
  if (o === undefined) return;
  p.onlyKeys(o, keys, path);
  for (const key of keys) p.number(p.field(o, key, path), join(path, key), 0, max);
}

function checkMapping(p: Problems, value: unknown): void {
  const path = 'diagnosisKeysDataMapping';
  const o = p.object(value, path);
  if (o === undefined) return;
  p.onlyKeys(
    o,
    ['daysSinceOnsetToInfectiousness', 'infectiousnessWhenDaysSinceOnsetMissing', 'reportTypeWhenMissing'],
    path,
  );
  const daysPath = join(path, 'daysSinceOnsetToInfectiousness');
  const days = p.object(p.field(o, 'daysSinceOnsetToInfectiousness', path), daysPath);
  for (const [day, infectiousness] of Object.entries(days ?? {})) {
    const n = Number(day);
    if (!/^-?\d+$/.test(day) || n < -14 || n > 14)
      p.add(`${daysPath}["${day}"]`, 'is not a day since onset in −14…14');
    p.oneOf(infectiousness, `${daysPath}["${day}"]`, INFECTIOUSNESS);
  }
  const missing = join(path, 'infectiousnessWhenDaysSinceOnsetMissing');
  p.oneOf(p.field(o, 'infectiousnessWhenDaysSinceOnsetMissing', path), missing, INFECTIOUSNESS);
  p.number(p.field(o, 'reportTypeWhenMissing', path), join(path, 'reportTypeWhenMissing'), 1, 4, true);
}

function checkDayThresholds(p: Problems, value: unknown): void {
  const o = p.object(value, 'dayThresholdsMinutes');
  if (o === undefined) return;
  p.onlyKeys(o, ['low', 'high'], 'dayThresholdsMinutes');
  const low = p.number(p.field(o, 'low', 'dayThresholdsMinutes'), 'dayThresholdsMinutes.low', 0, MAX_MINUTES);
  const high = p.number(
    p.field(o, 'high', 'dayThresholdsMinutes'),
    'dayThresholdsMinutes.high',
    0,
    MAX_MINUTES,
  );
  if (low !== undefined && high !== undefined && high < low) {
    p.add('dayThresholdsMinutes.high', `must be ≥ dayThresholdsMinutes.low (${high} < ${low})`);
  }
}

function checkTransmissionRisk(p: Problems, value: unknown): void {
  const path = 'transmissionRisk';
  const o = p.object(value, path);
  if (o === undefined) return;
  p.onlyKeys(o, ['reportTypeOffsets', 'infectiousnessOffsets', 'values'], path);
  const rt = join(path, 'reportTypeOffsets');
  const inf = join(path, 'infectiousnessOffsets');
  weights(p, p.field(o, 'reportTypeOffsets', path), rt, REPORT_TYPE_KEYS, 8);
  weights(p, p.field(o, 'infectiousnessOffsets', path), inf, ['standard', 'high'], 8);
  const values = p.array(p.field(o, 'values', path), join(path, 'values'), 8, 8);
  values?.forEach((v, i) => {
    p.number(v, `${path}.values[${i}]`, 0, 10);
  });
  const offsets = (x: unknown) => Object.values((x ?? {}) as Record<string, unknown>);
  for (const r of offsets(o.reportTypeOffsets)) {
    for (const i of offsets(o.infectiousnessOffsets)) {
      if (typeof r !== 'number' || typeof i !== 'number') continue;
      if (!Number.isInteger(r) || !Number.isInteger(i)) p.add(path, 'offsets must be integers');
      else if (r + i < 1 || r + i > 8) p.add(path, `offsets ${r} + ${i} give level ${r + i}, outside 1…8`);
    }
  }
}

function checkGuidance(p: Problems, value: unknown): void {
  const o = p.object(value, 'guidance');
  if (o === undefined) return;
  p.onlyKeys(o, ['none', 'low', 'F1', 'F2'], 'guidance');
  for (const level of ['none', 'low', 'F1', 'F2']) {
    const path = `guidance.${level}`;
    const text = p.object(p.field(o, level, 'guidance'), path);
    if (text === undefined) continue;
    p.onlyKeys(text, ['vi', 'en'], path);
    for (const lang of ['vi', 'en']) p.text(p.field(text, lang, path), `${path}.${lang}`, 1000);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
