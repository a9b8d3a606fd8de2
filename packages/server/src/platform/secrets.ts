/**
 * Keys kept outside the database: from the environment, or from a key file
 * (mode 0600). A fresh installation gets a generated key file; back it up,
 * since the audit chain and encrypted fields cannot be read without it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

export interface Keys {
  /** HMAC-SM3 key of the audit chain. */
  audit: Buffer;
  /** SM4 key for personal fields and TOTP seeds. */
  data: Buffer;
}

export function loadKeys(config: Config, log: { warn(msg: string): void }): Keys {
  const { file, auditKey, dataKey } = config.secrets;
  if (auditKey && dataKey) return { audit: Buffer.from(auditKey, 'hex'), data: Buffer.from(dataKey, 'hex') };
  let stored: { audit?: string; data?: string } = {};
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof stored;
  } else {
    stored = { audit: randomBytes(32).toString('hex'), data: randomBytes(32).toString('hex') };
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${JSON.stringify(stored)}\n`, { mode: 0o600, flag: 'wx' });
    log.warn(`generated new keys in ${file}; keep a backup of this file apart from the database`);
  }
  const audit = auditKey ?? stored.audit;
  const data = dataKey ?? stored.data;
  if (!audit || !/^[0-9a-f]{64}$/i.test(audit) || !data || !/^[0-9a-f]{64}$/i.test(data)) {
    throw new Error(`The key file ${file} is incomplete: it needs 64-hex "audit" and "data" keys`);
  }
  return { audit: Buffer.from(audit, 'hex'), data: Buffer.from(data, 'hex') };
}
