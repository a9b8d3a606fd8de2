import { defineConfig } from 'vitest/config';

const serverTests = ['packages/server/src/**/*.test.ts'];
const onServer = Boolean(process.env.TEST_DATABASE_URL);

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
