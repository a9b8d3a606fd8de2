/**
 * Embedded PGlite has one connection: a query outside a transaction, made
 * while the transaction is open, waits on itself forever. With the policy
 * cache disabled every policy read is a query, which flushes out such calls
 * on the sign-in path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyStore } from '../../platform/policies.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  t.deps.policies = createPolicyStore(t.deps.database.db, 0);
});
afterAll(() => t.close());

describe('sign-in never queries outside its transaction', () => {
  it.each(['secadmin', 'a.chief', 'a.duty'])(
    'signs in %s with a cold policy cache',
    async (username) => {
      const client = await t.as(username);
      expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    },
    15_000,
  );
});
