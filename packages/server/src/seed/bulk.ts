/**
 * The demo's many rows in one statement per table: the rows travel as one JSON array that
 * `json_populate_recordset` reads, instead of `insert().values()` statements of thousands of parameters,
 * which cost the embedded database (PGlite) about four times as long. The same values and defaults as
 * `tx.insert(table).values(rows)`: a column a row leaves out gets its `$defaultFn` or the database's default.
 */
import { getTableColumns, type InferInsertModel, is, SQL, sql } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';

/** The casing the app's Drizzle instance uses (db/client.ts). */
const casing = new CasingCache('snake_case');

export async function insertMany<T extends PgTable>(tx: Tx, table: T, rows: InferInsertModel<T>[]): Promise<void> {
  // Generated columns (`GENERATED ALWAYS AS`) take no value.
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(
    ([, c]) => !c.generated || c.generated.type === 'byDefault',
  );
  // A column without a default is always listed (left out, it is NULL either way); one with a default only
  // when given, so consecutive rows that give the same defaulted columns share a statement, in the rows' order.
  const runs: { listed: PgColumn[]; rows: Record<string, unknown>[] }[] = [];
  let signature: string | undefined;
  for (const row of rows as Record<string, unknown>[]) {
    const out: Record<string, unknown> = {};
    const listed: PgColumn[] = [];
    for (const [key, column] of columns) {
      const value = jsonValue(column, row[key]);
      if (value !== undefined) out[casing.getColumnCasing(column)] = value;
      if (value !== undefined || !column.hasDefault) listed.push(column);
    }
    const given = listed.map((c) => c.name).join();
    if (given !== signature) runs.push({ listed, rows: [] });
    signature = given;
    runs.at(-1)?.rows.push(out);
  }
  for (const run of runs) {
    const names = sql.join(
      run.listed.map((c) => sql.identifier(casing.getColumnCasing(c))),
      sql`, `,
    );
    await tx.execute(sql`
      INSERT INTO ${table} (${names})
      SELECT ${names} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(run.rows)}::json)`);
  }
}

/** The column's value as the database reads it from JSON; undefined for its database default. */
function jsonValue(column: PgColumn, given: unknown): unknown {
  let value = given;
  if (value === undefined) {
    if (column.defaultFn) value = column.defaultFn();
    else if (!column.default && column.onUpdateFn) value = column.onUpdateFn();
    if (value === undefined) return undefined;
  }
  if (is(value, SQL)) throw new Error(`insertMany: ${column.name} is SQL; use tx.insert() for such rows`);
  if (value === null) return null;
  // JSON columns take the value itself; the others the text their type reads (a Date as ISO, an array as {…}).
  if (column.columnType === 'PgJson' || column.columnType === 'PgJsonb') return value;
  const driver = column.mapToDriverValue(value);
  if (driver instanceof Uint8Array) return `\\x${Buffer.from(driver).toString('hex')}`;
  if (driver instanceof Date) return driver.toISOString();
  if (typeof driver === 'bigint') return driver.toString();
  return driver;
}
