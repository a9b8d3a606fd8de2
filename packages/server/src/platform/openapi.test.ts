/**
 * The API docs a developer reads at /api/docs: every operation says in Chinese
 * what it does, sits in one documented area, and lists the error codes it can
 * answer. The operations come from /api/openapi.json, so a new route is held
 * to the same rule the day it is added.
 */
import { ERROR_STATUS } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/harness.js';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-error-codes'?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }>;
}
interface Doc {
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let t: TestApp;
let doc: Doc;
let operations: { name: string; op: Operation }[];
beforeAll(async () => {
  t = await buildTestApp();
  doc = (await t.anonymous().get('/api/openapi.json')).body as Doc;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );
});
afterAll(() => t.close());

const CHINESE = /[\u4e00-\u9fff]/;

/** The operations that break `rule`, by name, so a failure says which routes to fix. */
const breaking = (rule: (op: Operation) => boolean) => operations.filter(({ op }) => !rule(op)).map((o) => o.name);

describe('the OpenAPI document', () => {
  it('gives every operation a Chinese summary and description', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(breaking((op) => CHINESE.test(op.summary ?? ''))).toEqual([]);
    // The description starts with the route's own words, before the derived access and error lines.
    expect(breaking((op) => CHINESE.test((op.description ?? '').split('\n\n权限：')[0] ?? ''))).toEqual([]);
  });

  it('groups every operation under one documented area named in Chinese and English', () => {
    const areas = new Set(doc.tags.map((tag) => tag.name));
    for (const tag of doc.tags) expect(tag.name).toMatch(/^\p{Script=Han}+.* [A-Z]/u);
    expect(breaking((op) => (op.tags ?? []).length === 1 && areas.has(op.tags?.[0] ?? ''))).toEqual([]);
  });

  it('lists the error codes each operation can answer, each with its status and a response', () => {
    const known = (code: string) => code in ERROR_STATUS;
    expect(
      breaking((op) => (op['x-error-codes'] ?? []).length > 0 && (op['x-error-codes'] ?? []).every(known)),
    ).toEqual([]);
    const answered = (op: Operation) =>
      (op['x-error-codes'] ?? []).every((code) => op.responses?.[ERROR_STATUS[code as keyof typeof ERROR_STATUS]]);
    expect(breaking(answered)).toEqual([]);
  });

  it('derives the codes from the route: its guard, its inputs and its own rules', () => {
    const codesOf = (method: string, path: string) => doc.paths[path]?.[method]?.['x-error-codes'] ?? [];
    // A staff list behind a capability: sign-in, the capability and bad filters.
    expect(codesOf('get', '/api/v1/matters')).toEqual(
      expect.arrayContaining(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'VALIDATION', 'INTERNAL']),
    );
    // A step on a matter: its id may be unknown, the request must come from our pages, the flow may refuse it.
    expect(codesOf('post', '/api/v1/matters/{id}/dispatch')).toEqual(
      expect.arrayContaining(['NOT_FOUND', 'CSRF', 'INVALID_TRANSITION', 'CONFLICT']),
    );
    // The doorplate page needs no session, so it never asks for one.
    const doorplate = codesOf('get', '/api/v1/public/doorplates/{token}');
    expect(doorplate).toContain('NOT_FOUND');
    expect(doorplate).not.toContain('UNAUTHENTICATED');
    const description = doc.paths['/api/v1/matters/{id}/dispatch']?.post?.description ?? '';
    expect(description).toContain('`INVALID_TRANSITION` (409)');
    expect(description).toContain('权限：需要工作人员登录');
  });
});
