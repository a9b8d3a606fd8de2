/** Opens the configured database for a command-line task and closes it afterwards. */
import { loadConfig } from '../config.js';
import { createDeps } from '../platform/boot.js';
import type { AppDeps } from '../platform/context.js';

export async function withDeps<T>(task: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const quiet = {
    info: () => undefined,
    warn: (m: string) => process.stderr.write(`${m}\n`),
    error: (o: unknown, m?: string) => process.stderr.write(`${m ?? ''} ${String(o)}\n`),
  };
  const deps = await createDeps(config, quiet);
  try {
    return await task(deps);
  } finally {
    await deps.database.close();
  }
}

export function run(task: () => Promise<number | undefined>) {
  task()
    .then((code) => process.exit(code ?? 0))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
