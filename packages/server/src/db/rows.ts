/** The rows of a raw `execute()`: node-postgres answers `{ rows }`, PGlite through Drizzle the same shape or an array. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
