/**
 * Every string a caller can send is declared through `text()` (or a format such as
 * a uuid): this walks each exported input, query and params schema and feeds every
 * string in it a NUL, a lone surrogate and an oversized value.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as shared from '../index.js';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The string schemas inside `schema`, with where they sit. */
function stringLeaves(schema: z.ZodType, at: string, seen = new Set<z.ZodType>()): [string, z.ZodType][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: unknown, where: string) => stringLeaves(child as z.ZodType, where, seen);
  switch (def.type) {
    case 'string':
      return [[at, schema]];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) => walk(v, `${at}.${k}`));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return walk(def.innerType, at);
    case 'array':
      return walk(def.element, `${at}[]`);
    case 'pipe':
      return [...walk(def.in, at), ...walk(def.out, at)];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => walk(o, at));
    case 'record':
      return walk(def.valueType, `${at}{}`);
    default:
      return [];
  }
}

const inputs = Object.entries(shared).filter(
  ([name, value]) => /(Input|Query|Params)$/.test(name) && value instanceof z.ZodType,
) as [string, z.ZodType][];

describe('strings callers send', () => {
  const leaves = inputs.flatMap(([name, schema]) => stringLeaves(schema, name));

  it('are found in every input schema', () => {
    expect(inputs.length).toBeGreaterThan(20);
    expect(leaves.length).toBeGreaterThan(40);
  });

  it.each(leaves)('%s refuses NUL, a lone surrogate and an unbounded length', (_, leaf) => {
    expect(leaf.safeParse('a\u0000b').success).toBe(false);
    expect(leaf.safeParse('ab\uD800').success).toBe(false);
    expect(leaf.safeParse('a'.repeat(100_001)).success).toBe(false);
  });
});

describe('text()', () => {
  it('trims by default and takes passwords and tokens exactly as sent', () => {
    expect(shared.text(10).parse('  长安  ')).toBe('长安');
    expect(shared.Password.parse(' pass phrase ')).toBe(' pass phrase ');
    expect(shared.text(10).safeParse('a\u0000').error?.issues[0]?.message).toContain('NUL');
  });
});
