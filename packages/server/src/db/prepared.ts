/**
 * A hot statement run many times a second with the same text (the receipts' group commit): on a PostgreSQL server it
 * is a named prepared statement, parsed and planned once per pooled connection instead of on every run; PGlite (one
 * connection, no pool) runs it as it is. The text must not vary between runs, only its parameters.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';
import { rowsOf } from './rows.js';

const dialect = new PgDialect();

export async function executeNamed<T>(database: Pick<Database, 'db' | 'pool'>, name: string, query: SQL): Promise<T[]> {
  if (!database.pool) return rowsOf<T>(await database.db.execute(query));
  const { sql: text, params } = dialect.sqlToQuery(query);
  const result = await database.pool.query({ name, text, values: params as unknown[] });
  return result.rows as T[];
}
