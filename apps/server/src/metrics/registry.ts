// A minimal Prometheus registry: counters, gauges and histograms rendered in the text exposition
// format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/). No dependency.

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type LabelValues<L extends string> = Readonly<Record<L, string>>;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const escapeHelp = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
const escapeValue = (text: string) =>
  text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

/** A sample value as Prometheus writes it: `+Inf`, `-Inf`, `NaN` or a plain number. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

interface Metric {
  render(): string;
}

/** Samples of one metric family, keyed by their label values in the declared label order. */
abstract class Family<L extends string, S> implements Metric {
  protected readonly series = new Map<string, { labels: string; state: S }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
    readonly labelNames: readonly L[],
  ) {
    if (!NAME.test(name)) throw new Error(`bad metric name ${name}`);
    for (const label of labelNames)
      if (!LABEL.test(label) || label === 'le') throw new Error(`bad label name ${label}`);
  }

  protected abstract initial(): S;
  protected abstract lines(labels: string, state: S): string[];

  protected stateOf(values: LabelValues<L> | undefined): S {
    const parts = this.labelNames.map((l) => {
      const value = values?.[l];
      if (value === undefined) throw new Error(`${this.name}: label ${l} missing`);
      return `${l}="${escapeValue(value)}"`;
    });
    const key = parts.join(',');
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels: key, state: this.initial() };
      this.series.set(key, entry);
    }
    return entry.state;
  }

  /** Makes a series exist (at zero) before its first event, so a scrape shows it from the start. */
  zero(labels: LabelValues<L>): this {
    this.stateOf(labels);
    return this;
  }

  render(): string {
    const head = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
    const keys = [...this.series.keys()].sort();
    const body = keys.flatMap((k) => {
      const entry = this.series.get(k);
      return entry ? this.lines(entry.labels, entry.state) : [];
    });
    return [...head, ...body].join('\n');
  }
}

const braces = (labels: string) => (labels ? `{${labels}}` : '');

export class Counter<L extends string = never> extends Family<L, { value: number }> {
  constructor(name: string, help: string, labelNames: readonly L[] = []) {
    super(name, help, 'counter', labelNames);
    if (labelNames.length === 0) this.stateOf(undefined);
  }
  protected initial() {
    return { value: 0 };
  }
  protected lines(labels: string, state: { value: number }) {
    return [`${this.name}${braces(labels)} ${formatValue(state.value)}`];
  }
  inc(...args: [L] extends [never] ? [by?: number] : [labels: LabelValues<L>, by?: number]): void {
    const [labels, by] = (this.labelNames.length === 0 ? [undefined, args[0]] : args) as [
      LabelValues<L> | undefined,
      number | undefined,
    ];
    const amount = by ?? 1;
    if (!(amount >= 0)) throw new Error(`${this.name}: a counter only goes up`);
    this.stateOf(labels).value += amount;
  }
}

export class Gauge<L extends string = never> extends Family<L, { value: number }> {
  constructor(name: string, help: string, labelNames: readonly L[] = []) {
    super(name, help, 'gauge', labelNames);
    if (labelNames.length === 0) this.stateOf(undefined);
  }
  protected initial() {
    return { value: 0 };
  }
  protected lines(labels: string, state: { value: number }) {
    return [`${this.name}${braces(labels)} ${formatValue(state.value)}`];
  }
  /** Unlabelled gauges only (enough here): set, add to, subtract from. */
  set(value: number): void {
    this.stateOf(undefined).value = value;
  }
  add(by: number): void {
    this.stateOf(undefined).value += by;
  }
  get(): number {
    return this.stateOf(undefined).value;
  }
}

interface HistogramState {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram<L extends string = never> extends Family<L, HistogramState> {
  readonly buckets: readonly number[];

  constructor(name: string, help: string, labelNames: readonly L[], buckets: readonly number[]) {
    super(name, help, 'histogram', labelNames);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }
  protected initial(): HistogramState {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }
  protected lines(labels: string, state: HistogramState) {
    const prefix = labels ? `${labels},` : '';
    const bucketLines = this.buckets.map(
      (le, i) => `${this.name}_bucket{${prefix}le="${formatValue(le)}"} ${state.counts[i]}`,
    );
    return [
      ...bucketLines,
      `${this.name}_bucket{${prefix}le="+Inf"} ${state.count}`,
      `${this.name}_sum${braces(labels)} ${formatValue(state.sum)}`,
      `${this.name}_count${braces(labels)} ${state.count}`,
    ];
  }
  /** Counts `value` into every bucket whose upper bound it does not exceed (buckets are cumulative). */
  observe(labels: LabelValues<L>, value: number): void {
    const state = this.stateOf(labels);
    this.buckets.forEach((le, i) => {
      if (value <= le) state.counts[i] = (state.counts[i] ?? 0) + 1;
    });
    state.sum += value;
    state.count += 1;
  }
}

/** The metrics of one server, rendered in registration order. */
export class Registry {
  private readonly metrics: Metric[] = [];
  private readonly names = new Set<string>();

  register<M extends Metric & { name: string }>(metric: M): M {
    if (this.names.has(metric.name)) throw new Error(`metric ${metric.name} registered twice`);
    this.names.add(metric.name);
    this.metrics.push(metric);
    return metric;
  }

  /** The whole exposition, ending with a newline. */
  render(): string {
    return `${this.metrics.map((m) => m.render()).join('\n')}\n`;
  }
}
