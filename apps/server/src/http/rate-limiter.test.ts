import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { clientGroup } from './client-group.js';
import { createInMemoryRateLimiter, slidingDecision } from './rate-limiter.js';

describe('client address groups', () => {
  it('groups IPv6 by /64 and keeps IPv4 (also IPv4-mapped) whole', () => {
    expect(clientGroup('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientGroup('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientGroup('::1')).toBe('0:0:0:0::/64');
    expect(clientGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientGroup('192.0.2.7')).toBe('192.0.2.7');
    expect(clientGroup('not an address')).toBe('not an address');
  });
});

describe('sliding-window decisions', () => {
  it('weighs the previous window by what is left of it', () => {
    expect(slidingDecision(10, 1, 10, 60_000, 30_000).allowed).toBe(true);
    expect(slidingDecision(10, 6, 10, 60_000, 30_000).allowed).toBe(false);
    const refused = slidingDecision(0, 11, 10, 60_000, 0);
    expect(refused.allowed).toBe(false);
    // 11 in this window: the next one fits once 11 * (1 - g) + 1 <= 10 in the next window.
    expect(refused.retryAfterSeconds).toBe(Math.ceil((60_000 + (1 - 9 / 11) * 60_000) / 1000));
  });
});

describe('the in-memory limiter', () => {
  it('limits per key and slides', async () => {
    const clock = new ManualClock();
    const limiter = createInMemoryRateLimiter(3, 60_000, clock);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push((await limiter.take('a')).allowed);
    expect(decisions).toEqual([true, true, true, false]);
    expect((await limiter.take('b')).allowed).toBe(true);
    clock.advance(60_000 * 2);
    expect((await limiter.take('a')).allowed).toBe(true);
  });

  it('keeps at most its bound of keys, forgetting the least recently seen', async () => {
    const clock = new ManualClock();
    const limiter = createInMemoryRateLimiter(1, 60_000, clock, 100);
    expect((await limiter.take('kept')).allowed).toBe(true);
    for (let i = 0; i < 99; i++) await limiter.take(`k${i}`);
    // 'kept' is still tracked (100 keys), and refused.
    expect((await limiter.take('kept')).allowed).toBe(false);
    for (let i = 0; i < 100; i++) await limiter.take(`other${i}`);
    // Pushed out by 100 newer keys: forgotten, so counted afresh.
    expect((await limiter.take('kept')).allowed).toBe(true);
  });
});
