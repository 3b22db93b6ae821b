// Test helper: a strict reader of the Prometheus text format 0.0.4, enough to check that what
// `/metrics` renders parses, and to read sample values by series.

const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (-?[0-9.e+-]+|[+-]Inf|NaN)$/;
const COMMENT = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

export interface Exposition {
  /** Series (`name{a="x",b="y"}` as rendered) to value. */
  samples: Map<string, number>;
  types: Map<string, string>;
}

/** Parses the whole text; throws on the first line that is not valid. */
export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  for (const [i, line] of text.slice(0, -1).split('\n').entries()) {
    const comment = COMMENT.exec(line);
    if (comment) {
      const [, kind, name, rest] = comment;
      if (kind === 'TYPE') {
        if (!TYPES.has(rest ?? '')) throw new Error(`line ${i + 1}: unknown type ${rest}`);
        if (types.has(name ?? '')) throw new Error(`line ${i + 1}: second TYPE for ${name}`);
        types.set(name ?? '', rest ?? '');
      }
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`line ${i + 1} does not parse: ${JSON.stringify(line)}`);
    const [, name = '', labels, value = ''] = sample;
    const family = name.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(name) && !types.has(family)) throw new Error(`line ${i + 1}: ${name} has no TYPE`);
    const key = labels ? `${name}{${labels}}` : name;
    if (samples.has(key)) throw new Error(`line ${i + 1}: duplicate series ${key}`);
    samples.set(key, value === '+Inf' ? Infinity : value === '-Inf' ? -Infinity : Number(value));
  }
  return { samples, types };
}
