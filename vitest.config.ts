import os from 'node:os';
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
const serverProject = {
  include: serverTests,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Importing the app took seconds per file; each file builds its own app and database anyway, so the
  // files of a worker share one process and its loaded modules.
  isolate: false,
};

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest leaves a core free by default: one worker on a 2-core CI machine. Server tests wait on the
    // database (PostgreSQL is another process) a good part of the time, so every core gets a worker.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'] } },
      // The web's own logic (no DOM): the pages themselves are tested through the browser (packages/e2e).
      { test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] } },
      { test: { ...serverProject, name: 'server:pglite', env: { JM_TEST_DB: 'pglite' } } },
      ...(onServer
        ? [{ test: { ...serverProject, name: 'server:postgres', exclude: databaseFree, env: { JM_TEST_DB: 'pg' } } }]
        : []),
    ],
  },
});
