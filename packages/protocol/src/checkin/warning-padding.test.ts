import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { protocolErrorCode } from '../test-support/error-code.js';
import { checkTraceWarning, type TraceTimeIntervalWarning } from './trace-warning.js';
import { padTraceWarnings } from './warning-padding.js';

const options = {
  randomBytes: (n: number) => new Uint8Array(randomBytes(n)),
  firstInterval: 1000,
  lastInterval: 3015,
};
const real: TraceTimeIntervalWarning = {
  locationIdHash: new Uint8Array(32).fill(9),
  startIntervalNumber: 2000,
  period: 6,
  transmissionRiskLevel: 7,
};

describe('padding a package with fake warnings', () => {
  it('keeps every real warning, adds valid fakes in range that look like them', () => {
    const padded = padTraceWarnings([real], 200, options);
    expect(padded).toHaveLength(200);
    expect(padded).toContain(real);
    for (const w of padded) {
      checkTraceWarning(w);
      expect(w.startIntervalNumber).toBeGreaterThanOrEqual(1000);
      expect(w.startIntervalNumber + w.period - 1).toBeLessThanOrEqual(3015);
      expect([w.period, w.transmissionRiskLevel]).toEqual([6, 7]);
    }
    expect(new Set(padded.map((w) => w.locationIdHash)).size).toBe(200);
  });

  it('puts the real warning anywhere (random order), pads nothing when already large enough', () => {
    const positions = new Set(
      Array.from({ length: 40 }, () => padTraceWarnings([real], 10, options).indexOf(real)),
    );
    expect(positions.size).toBeGreaterThan(1);
    expect(padTraceWarnings([real, real], 1, options)).toHaveLength(2);
  });

  it('pads an empty hour with uniform fakes, and fits them in a tiny range', () => {
    const fakes = padTraceWarnings([], 50, { ...options, firstInterval: 5, lastInterval: 7 });
    expect(fakes).toHaveLength(50);
    for (const w of fakes) {
      checkTraceWarning(w);
      expect(w.startIntervalNumber).toBeGreaterThanOrEqual(5);
      expect(w.startIntervalNumber + w.period - 1).toBeLessThanOrEqual(7);
    }
    expect(protocolErrorCode(() => padTraceWarnings([], 5, { ...options, lastInterval: 1 }))).toBe(
      'invalid_padding',
    );
  });
});
