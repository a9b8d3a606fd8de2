/**
 * Idle memory of one server process on the embedded database with the demo
 * county, measured after a restart (the data folder is seeded once and kept
 * under node_modules/.cache between runs), next to a bare `node -e` process.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './servers.js';

const SERVER = path.resolve(import.meta.dirname, '..');
const CACHE = path.resolve(SERVER, '../../node_modules/.cache/jingmin-bench');
export const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 5);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident set of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

/** The demo data folder for these migrations and this seed; older ones are removed. */
function dataFolder() {
  const hash = createHash('sha256');
  for (const dir of ['drizzle', 'src/seed']) {
    const full = path.join(SERVER, dir);
    for (const f of fs.readdirSync(full, { recursive: true, encoding: 'utf8' }).sort()) {
      const file = path.join(full, f);
      if (fs.statSync(file).isFile()) hash.update(f).update(fs.readFileSync(file));
    }
  }
  const name = `demo-${hash.digest('hex').slice(0, 12)}`;
  fs.mkdirSync(CACHE, { recursive: true });
  for (const old of fs.readdirSync(CACHE))
    if (old.startsWith('demo-') && old !== name) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  return path.join(CACHE, name);
}

async function bareNode(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60_000)'], { stdio: 'ignore' });
  await sleep(IDLE_SECONDS * 1000);
  const mb = rssMb(child.pid!);
  child.kill();
  return mb;
}

export async function measureRss(): Promise<{ server: number; bare: number; idleSeconds: number }> {
  const dir = dataFolder();
  const env = { JINGMIN_DATA_DIR: dir, JINGMIN_DEMO: '1' };
  if (!fs.existsSync(path.join(dir, 'pglite'))) {
    process.stdout.write('(seeding the demo county into the bench cache once)\n');
    await (await startServer(env, 'rss-seed')).stop();
  }
  const server = await startServer(env, 'rss');
  try {
    await sleep(IDLE_SECONDS * 1000);
    return { server: rssMb(server.pid), bare: await bareNode(), idleSeconds: IDLE_SECONDS };
  } finally {
    await server.stop();
  }
}
