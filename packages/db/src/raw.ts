// Hand-written SQL straight through the driver, for hot reads whose rows need no drizzle mapping
// (mapping 50 post rows cost more CPU than the query itself): one function for both drivers.
import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Database, type Executor } from './client.ts';

/** Runs `text` with positional parameters ($1, $2...) as a prepared statement; returns its rows. */
export type RawQuery = <Row>(text: string, params: readonly unknown[]) => Promise<Row[]>;

const rawQueries = new WeakMap<Database, RawQuery>();

/** Called where a Database is opened, with the query function of its driver. */
export function registerRawQuery(db: Database, query: RawQuery): void {
  rawQueries.set(db, query);
}

/** The driver's query function; inside a transaction, the same text through drizzle's `execute`. */
export function rawQuery(db: Executor): RawQuery {
  return (
    rawQueries.get(db as Database) ?? ((text, params) => selectRows(db, withParams(text, params)))
  );
}

function withParams(text: string, params: readonly unknown[]): SQL {
  const chunks = text.split(/\$(\d+)/);
  return sql.join(
    // sql.param keeps an array one parameter (a plain interpolation would spread it into a list).
    chunks.map((chunk, index) =>
      index % 2 ? sql`${sql.param(params[Number(chunk) - 1])}` : sql.raw(chunk),
    ),
  );
}

/** postgres.js names and caches the statement per query text, so the server reuses its plan. */
export function postgresRawQuery(client: postgres.Sql): RawQuery {
  return async <Row>(text: string, params: readonly unknown[]) =>
    (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
      prepare: true,
    })) as unknown as Row[];
}

export function pgliteRawQuery(client: PGlite): RawQuery {
  return async <Row>(text: string, params: readonly unknown[]) =>
    (await client.query<Row>(text, params as unknown[])).rows;
}
