// Opens the database: PGlite in-process (embedded mode) or a PostgreSQL server through postgres.js,
// behind one drizzle type so the rest of the code never knows which.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { pgliteRawQuery, postgresRawQuery, registerRawQuery } from './raw.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Extensions the search engine needs (trigram similarity, accent folding), loaded into PGlite. */
export const pgliteExtensions = { pg_trgm, unaccent };

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** The raw postgres.js client in server mode (LISTEN/NOTIFY, benchmarks); undefined on PGlite. */
  postgresClient?: postgres.Sql;
  /** The PGlite instance in embedded mode; undefined on a server. */
  pgliteClient?: PGlite;
  /** The server's URL, for work that opens connections of its own; undefined on PGlite. */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL server URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; 'memory://' for a throwaway database. */
  dataDir?: string;
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    registerRawQuery(db, postgresRawQuery(client));
    return {
      db,
      kind: 'postgres',
      postgresClient: client,
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? './.data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: pgliteExtensions });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  registerRawQuery(db, pgliteRawQuery(client));
  return { db, kind: 'pglite', pgliteClient: client, close: () => client.close() };
}

export async function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    await migratePostgres(handle.db as never, { migrationsFolder });
  } else {
    await migratePglite(handle.db as never, { migrationsFolder });
  }
}

/** How many migrations the code ships with, from drizzle's journal. */
export function shippedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** True when the database answers and every shipped migration has been applied. */
export async function isMigrated(db: Database): Promise<boolean> {
  const rows = await selectRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return (rows[0]?.count ?? 0) >= shippedMigrationCount();
}

/** Runs raw SQL and returns its rows, hiding the drivers' different result shapes. */
export async function selectRows<Row>(db: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}
