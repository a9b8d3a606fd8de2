import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from './client.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('embedded database folder', () => {
  it('refuses a folder that is already open, with a message that says what to do', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'embedded', dir });
    await expect(openDatabase({ kind: 'embedded', dir })).rejects.toThrow(DataDirLockedError);
    await expect(openDatabase({ kind: 'embedded', dir })).rejects.toThrow(
      /in use by another Jingmin process.*DATABASE_URL/s,
    );
    await first.close();
    const again = await openDatabase({ kind: 'embedded', dir });
    await again.migrate();
    await again.close();
  });

  it('refuses it to another process too', async () => {
    const dir = tempDir();
    const held = await openDatabase({ kind: 'embedded', dir });
    const script = `import('${path.join(import.meta.dirname, 'client.ts')}').then(m => m.openDatabase({ kind: 'embedded', dir: ${JSON.stringify(dir)} })).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await held.close();
    expect(code).toBe(3);
    expect(stderr).toContain('in use by another Jingmin process');
  });
});
