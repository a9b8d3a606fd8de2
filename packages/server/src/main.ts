/** Boot: config → keys → database (locked, migrated) → demo data → app → listen; clean stop on SIGTERM/SIGINT. */
import { count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { staff, units } from './db/schema/index.js';
import { exportHead } from './modules/audit/head-file.js';
import { createDeps } from './platform/boot.js';
import { openField } from './platform/crypto.js';
import { loggerOptions } from './platform/logger.js';
import { DEMO_PASSWORD, seedDemo } from './seed/demo.js';

async function main() {
  const config = loadConfig();
  const log = pino(loggerOptions(config) as pino.LoggerOptions);
  const deps = await createDeps(config, {
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
    error: (o, m) => log.error(o, m),
  });
  const { db } = deps.database;
  if (deps.database.kind === 'embedded') {
    log.warn(
      'embedded database (PGlite) runs without fsync: for one station trial and development only; set DATABASE_URL for production',
    );
  }
  const [unitCount] = await db.select({ n: count() }).from(units);
  if (config.demo && unitCount?.n === 0) {
    log.info('empty database: creating the demo county (takes a few seconds)');
    await db.transaction((tx) => seedDemo(deps, tx));
  }
  const app = await buildApp(deps, log);
  await app.listen({ port: config.http.port, host: config.http.host });
  await announce(deps, config.http.publicUrl);

  const headTimer = setInterval(() => {
    exportHead(db, config.audit.headFile).catch((err) => log.error({ err }, 'could not export the audit chain head'));
  }, 10_000);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    clearInterval(headTimer);
    await app.close();
    await exportHead(db, config.audit.headFile).catch(() => undefined);
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function announce(deps: Awaited<ReturnType<typeof createDeps>>, url: string) {
  const lines = [`\n  警民 Jingmin is running: ${url}/console   (API docs: ${url}/api/docs)`];
  const publicUrl = deps.config.http.publicUrl;
  if (/^https?:\/\/(localhost|127\.|\[::1\])/.test(publicUrl))
    lines.push(
      `  Note: printed doorplate QR codes point to ${publicUrl}, which residents' phones cannot reach.`,
      "  Set PUBLIC_URL to this server's address (e.g. https://jingmin.example.gov.cn) before printing plates.",
    );
  if (deps.config.sms.provider === 'log')
    lines.push('  One-time codes for residents\' phones are written to this log ("一次性验证码"): no SMS is sent.');
  if (deps.config.demo) {
    const all = await deps.database.db
      .select({ username: staff.username, roles: staff.roles, status: staff.status, phoneEnc: staff.phoneEnc })
      .from(staff)
      .where(eq(staff.isDemo, true))
      // The oldest volunteer first: the demo gives it a task in each open state (seed/alliance.ts).
      .orderBy(staff.createdAt, staff.id);
    // Volunteers sign in by phone and one-time code (the code is in this log), not by username.
    const demo = all.filter((a) => !a.roles.includes('volunteer'));
    const volunteer = all.find((a) => a.roles.includes('volunteer') && a.status === 'active' && a.phoneEnc);
    lines.push(`  Demo mode. Every demo account's password: ${DEMO_PASSWORD}`);
    lines.push(
      '  Administrators and station chiefs enrol a TOTP second factor at first sign-in (any authenticator app).',
    );
    // Each village's grid worker beyond the first (lt.grid2 …) on one line: they sign in like lt.grid.
    const more = demo.filter((a) => /\.grid\d+$/.test(a.username)).map((a) => a.username);
    for (const a of demo.filter((d) => !more.includes(d.username)).sort((x, y) => x.username.localeCompare(y.username)))
      lines.push(`    ${a.username.padEnd(14)} ${a.roles.join(', ')}`);
    if (more.length) lines.push(`    ${more.sort().join(' ')}: grid_worker, one per village`);
    if (volunteer?.phoneEnc)
      lines.push(
        `  Safety volunteers (平安志愿者) sign in at /volunteer with their phone and a one-time code, e.g. ${openField(deps.keys.data, volunteer.phoneEnc)}.`,
      );
  } else {
    const [n] = await deps.database.db.select({ n: count() }).from(staff);
    if (n?.n === 0)
      lines.push(
        '  No accounts yet. Create the first administrators with: npm run admin:init -- --bureau "某某县公安局"',
      );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`\nJingmin could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
