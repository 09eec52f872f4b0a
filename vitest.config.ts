import { defineConfig } from 'vitest/config';

/**
 * Three tiers: unit specs beside the code (no Postgres, no Redis, no build), integration tests against the real
 * Postgres and Redis, and end-to-end tests that start the built apps as processes and talk HTTP. The tiers that use
 * the database migrate it once before their first test; the unit tier never connects to it.
 */
const MIGRATE_TEST_DATABASE = ['test/support/global-setup.ts'];

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: MIGRATE_TEST_DATABASE,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: MIGRATE_TEST_DATABASE,
          // Every answer a gateway gives must be one its OpenAPI document describes (test/support/openapi-contract.ts).
          setupFiles: ['test/support/openapi-contract.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts four app processes; two cores cannot run several files' worth at once.
          fileParallelism: false,
        },
      },
      {
        // Not part of `npm test`: `npm run test:chaos` runs it on its own (minutes, and it restarts its own servers).
        extends: true,
        test: {
          name: 'chaos',
          include: ['test/chaos/**/*.test.ts'],
          globalSetup: MIGRATE_TEST_DATABASE,
          testTimeout: 900_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
