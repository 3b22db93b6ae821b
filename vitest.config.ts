import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // apps/*/test: the browser suites (Debian chromium through playwright-core), against built apps.
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // Bounds against a hang, generous for a loaded two-core machine (docs/testing.md, "Tests on a busy
    // machine"); expect.poll's own default (1 s) failed there.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
