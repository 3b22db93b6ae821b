import { describe, expect, it } from 'vitest';
import { createBluezoneMetrics } from './bluezone-metrics.js';
import { parseExposition } from './exposition-parser.js';
import { Counter, Gauge, Histogram, Registry } from './registry.js';

describe('metrics registry', () => {
  it('renders counters, gauges and histograms in the text format 0.0.4', () => {
    const registry = new Registry();
    const requests = registry.register(new Counter('t_requests_total', 'Requests.\nTwo lines', ['route']));
    const flying = registry.register(new Gauge('t_in_flight', 'In flight.'));
    const latency = registry.register(new Histogram('t_seconds', 'Latency.', ['route'], [0.5, 0.1, 1]));
    requests.inc({ route: '/a' });
    requests.inc({ route: '/a' }, 2);
    requests.inc({ route: 'say "hi"\\\n' });
    flying.add(3);
    flying.add(-1);
    latency.observe({ route: '/a' }, 0.05);
    latency.observe({ route: '/a' }, 0.7);
    latency.observe({ route: '/a' }, 4);
    const text = registry.render();
    expect(text).toBe(
      [
        '# HELP t_requests_total Requests.\\nTwo lines',
        '# TYPE t_requests_total counter',
        't_requests_total{route="/a"} 3',
        't_requests_total{route="say \\"hi\\"\\\\\\n"} 1',
        '# HELP t_in_flight In flight.',
        '# TYPE t_in_flight gauge',
        't_in_flight 2',
        '# HELP t_seconds Latency.',
        '# TYPE t_seconds histogram',
        't_seconds_bucket{route="/a",le="0.1"} 1',
        't_seconds_bucket{route="/a",le="0.5"} 1',
        't_seconds_bucket{route="/a",le="1"} 2',
        't_seconds_bucket{route="/a",le="+Inf"} 3',
        't_seconds_sum{route="/a"} 4.75',
        't_seconds_count{route="/a"} 3',
        '',
      ].join('\n'),
    );
    expect(parseExposition(text).samples.get('t_requests_total{route="/a"}')).toBe(3);
  });

  it('refuses bad names, missing labels, a counter going down and a metric registered twice', () => {
    expect(() => new Counter('bad-name', 'x')).toThrow();
    expect(() => new Counter('ok_total', 'x', ['le'])).toThrow();
    const counter = new Counter('ok_total', 'x', ['a']);
    expect(() => counter.inc({} as { a: string })).toThrow(/label a missing/);
    expect(() => counter.inc({ a: 'x' }, -1)).toThrow();
    const registry = new Registry();
    registry.register(new Gauge('g', 'x'));
    expect(() => registry.register(new Gauge('g', 'y'))).toThrow(/twice/);
  });

  it("Bluezone's metrics parse before any event, with the known series at zero", () => {
    const { samples, types } = parseExposition(createBluezoneMetrics().registry.render());
    expect(types.get('bluezone_http_request_duration_seconds')).toBe('histogram');
    expect(samples.get('bluezone_published_keys_total{report_type="CONFIRMED_TEST"}')).toBe(0);
    expect(samples.get('bluezone_verification_codes_issued_total{test_type="recursive"}')).toBe(0);
    expect(samples.get('bluezone_export_files_total')).toBe(0);
    expect(samples.get('process_start_time_seconds')).toBeGreaterThan(1_700_000_000);
  });
});
