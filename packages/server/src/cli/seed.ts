/** npm run db:seed — creates the demo county in an empty database. */
import { count } from 'drizzle-orm';
import { units } from '../db/schema/index.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { run, withDeps } from './shared.js';

run(() =>
  withDeps(async (deps) => {
    const [n] = await deps.database.db.select({ n: count() }).from(units);
    if (n && n.n > 0) {
      process.stderr.write('the database already holds data; the demo is seeded only into an empty database\n');
      return 1;
    }
    const accounts = await deps.database.db.transaction((tx) => seedDemo(deps, tx));
    process.stdout.write(`demo seeded: ${accounts.length} accounts, password ${DEMO_PASSWORD}\n`);
  }),
);
