/**
 * npm run audit:verify — walks the HMAC-SM3 chain and says where it breaks.
 * Exit 0 when intact, 2 when broken. `--head FILE` checks against an exported head.
 */

import { readHeadFile } from '../modules/audit/head-file.js';
import { verifyChain } from '../platform/audit.js';
import { run, withDeps } from './shared.js';

run(() =>
  withDeps(async (deps) => {
    const flag = process.argv.indexOf('--head');
    const headFile = flag > 0 ? process.argv[flag + 1] : deps.config.audit.headFile;
    const head = headFile ? readHeadFile(headFile) : null;
    const result = await verifyChain(deps.database.db, deps.keys.audit, {
      exportedHead: head ?? undefined,
      now: deps.clock.now(),
      maxUnsealedSeconds: deps.config.audit.maxUnsealedSeconds,
    });
    if (result.ok) {
      process.stdout.write(
        `audit trail intact: ${result.checked} entries, head #${result.head.seq} ${result.head.mac}\n`,
      );
      return 0;
    }
    process.stdout.write(
      `audit trail BROKEN at entry #${result.brokenAt}: ${result.reason} (${result.checked} entries verified before it)\n`,
    );
    return 2;
  }),
);
