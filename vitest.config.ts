import { defineConfig } from 'vitest/config';

const serverTests = ['packages/server/src/**/*.test.ts'];
const onServer = Boolean(process.env.TEST_DATABASE_URL);
// These never touch the test database: running them twice proves nothing more.
const databaseFree = [
  'packages/server/src/db/client.test.ts',
  'packages/server/src/cli/**',
  'packages/server/src/platform/crypto.test.ts',
  'packages/server/src/platform/logger.test.ts',
  'packages/server/src/platform/sms/**',
];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server:pglite',
          include: serverTests,
          env: { JM_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(onServer
        ? [
            {
              test: {
                name: 'server:postgres',
                include: serverTests,
                exclude: databaseFree,
                env: { JM_TEST_DB: 'pg' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
