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
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
