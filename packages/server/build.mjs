#!/usr/bin/env node
/**
 * Builds the server to JavaScript: src/main.ts and @jingmin/shared (TypeScript
 * sources) bundled by esbuild into dist/main.js; packages from node_modules
 * stay imports, so heavy ones still load on first use. The migrations are read
 * from ../drizzle at run time, the web app from packages/web/dist.
 *
 * `node packages/server/build.mjs --if-stale` builds only when dist/main.js is
 * missing or older than its sources (npm start, the bench, the kill -9 test).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const server = import.meta.dirname;
const root = path.resolve(server, '../..');
export const SERVER_ENTRY = path.join(server, 'dist/main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** True when dist/main.js is missing or older than the server's or shared's sources (or this script). */
export function serverIsStale() {
  if (!fs.existsSync(SERVER_ENTRY)) return true;
  const sources = Math.max(
    newest(path.join(server, 'src')),
    newest(path.join(root, 'packages/shared/src')),
    fs.statSync(import.meta.filename).mtimeMs,
  );
  return fs.statSync(SERVER_ENTRY).mtimeMs < sources;
}

/** Every bare import except our own workspace packages is left to Node at run time. */
const nodeModulesExternal = {
  name: 'node-modules-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@jingmin/') ? undefined : { path: args.path, external: true },
    );
  },
};

export async function buildServer() {
  await build({
    entryPoints: [path.join(server, 'src/main.ts')],
    outfile: SERVER_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [nodeModulesExternal],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  if (!process.argv.includes('--if-stale') || serverIsStale()) {
    process.stdout.write('Building the server (dist/main.js)…\n');
    await buildServer();
  }
}
