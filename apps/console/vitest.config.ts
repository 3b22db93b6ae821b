import { defineConfig } from 'vitest/config';

// The console's browser tests (`npx vitest run --config apps/console/vitest.config.ts`); the root
// configuration runs them too once it includes apps/console/test.
export default defineConfig({
  test: {
    include: ['apps/console/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
