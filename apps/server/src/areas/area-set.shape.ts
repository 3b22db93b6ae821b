import type { AreaProblem } from './area-set.types.js';

// The shape of a data file, checked by hand so that every problem is reported at once with its JSON
// path (a schema validator stops at the first, or reports schema paths rather than data paths).

type Json = Record<string, unknown>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PROVINCE_TYPES = ['province', 'municipality'];
const DISTRICT_TYPES = ['urban-district', 'rural-district', 'town', 'city'];
const LEVELS = ['province', 'district'];

class ShapeChecker {
  readonly problems: AreaProblem[] = [];

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: unknown, path: string): value is Json {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
    this.fail(path, 'must be an object');
    return false;
  }

  array(value: unknown, path: string, minItems = 0): value is unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, 'must be an array');
      return false;
    }
    if (value.length < minItems) this.fail(path, `must have at least ${minItems} item(s)`);
    return true;
  }

  text(o: Json, key: string, path: string, pattern?: RegExp): void {
    const value = o[key];
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(`${path}.${key}`, 'must be a non-empty string');
    else if (value !== value.trim()) this.fail(`${path}.${key}`, 'must not start or end with spaces');
    else if (pattern && !pattern.test(value)) this.fail(`${path}.${key}`, `must match ${pattern}`);
  }

  optionalText(o: Json, key: string, path: string, pattern?: RegExp): void {
    if (o[key] !== undefined && o[key] !== null) this.text(o, key, path, pattern);
  }

  count(o: Json, key: string, path: string, optional = false): void {
    const value = o[key];
    if (optional && value === undefined) return;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      this.fail(`${path}.${key}`, 'must be a non-negative integer');
  }

  oneOf(o: Json, key: string, path: string, allowed: readonly string[]): void {
    if (!allowed.includes(o[key] as string))
      this.fail(`${path}.${key}`, `must be one of ${allowed.join(', ')}`);
  }
}

function checkDistrict(c: ShapeChecker, value: unknown, path: string): void {
  if (!c.object(value, path)) return;
  c.text(value, 'code', path, /^[0-9A-Z-]+$/);
  c.text(value, 'vi', path);
  c.text(value, 'en', path, /^[\x20-\x7e]+$/);
  c.oneOf(value, 'type', path, DISTRICT_TYPES);
  c.count(value, 'population', path, true);
}

function checkProvince(c: ShapeChecker, value: unknown, path: string): void {
  if (!c.object(value, path)) return;
  c.text(value, 'code', path, /^[0-9A-Z-]+$/);
  if (value.iso !== null) c.text(value, 'iso', path, /^[A-Z]{2}-[0-9A-Z]{1,3}$/);
  c.text(value, 'gsoCode', path, /^\d+$/);
  c.text(value, 'vi', path);
  c.text(value, 'en', path, /^[\x20-\x7e]+$/);
  c.oneOf(value, 'type', path, PROVINCE_TYPES);
  c.count(value, 'population', path);
  c.optionalText(value, 'populationNote', path);
  if (value.formedFrom !== undefined && c.array(value.formedFrom, `${path}.formedFrom`, 1))
    value.formedFrom.forEach((code, i) => {
      if (typeof code !== 'string' || code === '') c.fail(`${path}.formedFrom[${i}]`, 'must be a code');
    });
  if (c.array(value.districts, `${path}.districts`))
    value.districts.forEach((d, i) => {
      checkDistrict(c, d, `${path}.districts[${i}]`);
    });
}

/** Every problem with the shape of a parsed data file; none means it can be read as an AreaSet. */
export function shapeProblems(value: unknown): AreaProblem[] {
  const c = new ShapeChecker();
  if (!c.object(value, '$')) return c.problems;
  c.text(value, 'id', '$', /^[a-z]{2}-[0-9a-z-]+$/);
  c.text(value, 'version', '$', /^\d+\.\d+\.\d+$/);
  c.text(value, 'country', '$', /^[A-Z]{2}$/);
  c.text(value, 'title', '$');
  for (const key of ['asOf', 'validFrom', 'populationDate']) c.text(value, key, '$', DATE);
  if (value.validUntil !== null) c.text(value, 'validUntil', '$', DATE);
  if (c.array(value.levels, '$.levels', 1))
    value.levels.forEach((level, i) => {
      if (!LEVELS.includes(level as string)) c.fail(`$.levels[${i}]`, `must be one of ${LEVELS.join(', ')}`);
    });
  if (value.districtsAbolished !== undefined && typeof value.districtsAbolished !== 'boolean')
    c.fail('$.districtsAbolished', 'must be a boolean');
  c.optionalText(value, 'predecessor', '$');
  c.count(value, 'populationTotal', '$');
  if (c.array(value.notes, '$.notes'))
    value.notes.forEach((n, i) => {
      if (typeof n !== 'string') c.fail(`$.notes[${i}]`, 'must be a string');
    });
  if (c.array(value.sources, '$.sources', 1))
    value.sources.forEach((s, i) => {
      const path = `$.sources[${i}]`;
      if (!c.object(s, path)) return;
      for (const key of ['title', 'publisher', 'licence', 'usedFor']) c.text(s, key, path);
      c.text(s, 'url', path, /^https:\/\/\S+$/);
      c.text(s, 'date', path, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    });
  if (c.array(value.provinces, '$.provinces', 1))
    value.provinces.forEach((p, i) => {
      checkProvince(c, p, `$.provinces[${i}]`);
    });
  return c.problems;
}
