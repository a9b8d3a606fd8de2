/**
 * The demo county as the tests over it need it: the app on a fresh database seeded as on a first start, and a bureau
 * reader of our own with a second factor this test knows (the demo's own accounts keep their secrets sealed).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { generateSecret } from 'otplib';
import { buildApp } from '../app.js';
import { staff, units } from '../db/schema/index.js';
import { createDeps } from '../platform/boot.js';
import type { AppDeps } from '../platform/context.js';
import { sealField } from '../platform/crypto.js';
import { hashPassword } from '../platform/passwords.js';
import { seedDemo } from '../seed/demo.js';
import { openTestDatabase } from './database.js';
import { CapturingSms, Client, quiet, type TestApp, TestClock, testConfig } from './harness.js';

const PASSWORD = 'Figures#Demo2026';

export type DemoApp = {
  deps: AppDeps;
  clock: TestClock;
  /** Anyone: no session. */
  anyone: Client;
  /** A bureau supervisor over the whole county. */
  reader: Client;
  close(): Promise<void>;
};

export async function buildDemoApp(): Promise<DemoApp> {
  const config = testConfig();
  const clock = new TestClock();
  const database = await openTestDatabase();
  const deps = await createDeps(config, quiet, database, clock, new CapturingSms());
  await deps.database.db.transaction((tx) => seedDemo(deps, tx));
  const [bureau] = await deps.database.db
    .select()
    .from(units)
    .where(and(eq(units.kind, 'bureau'), isNull(units.parentId)));
  const secret = generateSecret();
  await deps.database.db.insert(staff).values({
    username: 'figures.reader',
    displayName: 'figures.reader',
    passwordHash: await hashPassword(PASSWORD, config.security.argon2MemoryKib),
    mustChangePassword: false,
    roles: ['bureau_supervisor'],
    scopeUnitId: bureau!.id,
    totpEnabled: true,
    totpSecretEnc: sealField(deps.keys.data, secret),
    passwordChangedAt: clock.now(),
  });
  const app = await buildApp(deps);
  await app.ready();
  const fx = { password: PASSWORD, totpSecrets: { 'figures.reader': secret } } as unknown as TestApp['fx'];
  const t = { app, clock, deps, fx } as TestApp;
  return {
    deps,
    clock,
    anyone: new Client(app, 'zh-CN', clock),
    reader: await new Client(app, 'zh-CN', clock).signIn(t, 'figures.reader'),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
