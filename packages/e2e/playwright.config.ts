/**
 * End-to-end tests in Debian's Chromium against the real server started the
 * way a user starts it (scripts/start.mjs), on a fresh embedded database with
 * the demo county.
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.join(os.tmpdir(), `jingmin-e2e-${process.pid}-${Date.now()}`);
/** The texts the server would send (SMS provider `log`): specs read one-time codes from it. Set once in the
 * runner's environment, so its workers (which load this file again) name the same file. */
process.env.E2E_SMS_FILE ??= path.join(os.tmpdir(), `jingmin-e2e-sms-${process.pid}-${Date.now()}.jsonl`);
export const smsFile = process.env.E2E_SMS_FILE;
/** The second factors enrolled during the run (fixtures.ts), kept where a restarted worker finds them. */
process.env.E2E_TOTP_FILE ??= path.join(os.tmpdir(), `jingmin-e2e-totp-${process.pid}-${Date.now()}.json`);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './specs',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: path.resolve(import.meta.dirname, '../..'),
    url: `${baseURL}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      JINGMIN_DATA_DIR: dataDir,
      JINGMIN_DEMO: '1',
      JINGMIN_SMS_LOG_FILE: smsFile,
      LOG_LEVEL: 'warn',
    },
  },
});
