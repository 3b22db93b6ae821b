import { defineConfig } from 'vitest/config';

// The browser tests of the citizen app (`npx vitest run --config apps/app/vitest.config.ts`); the
// root configuration runs them too once it includes apps/app/test.
export default defineConfig({
  test: {
    include: ['apps/app/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
