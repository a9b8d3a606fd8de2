/** npm run db:migrate — applies the checked-in migrations (also done at every start). */
import { run, withDeps } from './shared.js';

run(() => withDeps(async () => void process.stdout.write('migrations applied\n')));
