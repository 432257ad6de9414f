// Hot read queries are built once per database and run as prepared statements: building a
// drizzle query costs more CPU than running it, and the server then reuses its plan.
import type { Database } from './client.ts';

const cache = new WeakMap<Database, Map<string, unknown>>();

/** The prepared query `name` for this database, built by `build` the first time. */
export function preparedOnce<T>(db: Database, name: string, build: (db: Database) => T): T {
  let queries = cache.get(db);
  if (!queries) {
    queries = new Map();
    cache.set(db, queries);
  }
  if (!queries.has(name)) queries.set(name, build(db));
  return queries.get(name) as T;
}
