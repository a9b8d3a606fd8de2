/**
 * The chain head exported outside the database: written after audit writes
 * (at most every few seconds) and at shutdown, read by `audit:verify` to
 * detect entries cut off the end of the trail.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/client.js';
import { type ChainHead, chainHead } from '../../platform/audit.js';

export function readHeadFile(file: string): ChainHead | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ChainHead;
}

/** Writes the head if it is newer than the stored one (several processes may share the file). */
export async function exportHead(db: Queryable, file: string): Promise<ChainHead> {
  const head = await chainHead(db);
  const stored = readHeadFile(file);
  if (stored && stored.seq >= head.seq) return stored;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return head;
}
