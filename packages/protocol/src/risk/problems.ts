// A small collector for hand-written validation that reports every problem with its path.

/** Collects "path: what is wrong" lines; paths look like `a.b[1].c`. */
export class Problems {
  readonly list: string[] = [];

  add(path: string, message: string): void {
    this.list.push(`${path} ${message}`);
  }

  /** Reads `parent[key]` when `parent` is an object, recording a problem when it is missing. */
  field(parent: Record<string, unknown>, key: string, path: string, optional = false): unknown {
    const value = parent[key];
    if (value === undefined && !optional) this.add(join(path, key), 'is required');
    return value;
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, `must be an object, not ${describe(value)}`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  /** Flags keys that the schema does not know (typos would otherwise be silently ignored). */
  onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(join(path, key), 'is not a known field');
    }
  }

  number(value: unknown, path: string, min: number, max: number, integer = false): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(path, `must be a number, not ${describe(value)}`);
      return undefined;
    }
    if (integer && !Number.isInteger(value)) this.add(path, `must be an integer, not ${value}`);
    else if (value < min || value > max) this.add(path, `must be in ${min}…${max}, not ${value}`);
    else return value;
    return undefined;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not ${describe(value)}`);
      return undefined;
    }
    return value as T;
  }

  text(value: unknown, path: string, maxLength: number, allowEmpty = false): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') this.add(path, `must be a string, not ${describe(value)}`);
    else if (!allowEmpty && value.trim() === '') this.add(path, 'must not be empty');
    else if (value.length > maxLength) this.add(path, `must be at most ${maxLength} characters`);
    else return value;
    return undefined;
  }

  array(value: unknown, path: string, minLength: number, maxLength: number): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.add(path, `must be an array, not ${describe(value)}`);
      return undefined;
    }
    if (value.length < minLength || value.length > maxLength) {
      const want = minLength === maxLength ? `${minLength}` : `${minLength}…${maxLength}`;
      this.add(path, `must have ${want} items, not ${value.length}`);
      return undefined;
    }
    return value;
  }
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A short description of a JSON value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}
