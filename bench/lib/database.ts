// The PostgreSQL server a benchmark runs against: DATABASE_URL's server, or the throwaway one from
// scripts/start-test-postgres.sh, with a fresh, migrated database created for the run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, type DatabaseHandle } from '../../packages/db/src/index.ts';

/** The raw postgres.js client: benchmarks write and read with hand-written SQL. */
export type Sql = NonNullable<DatabaseHandle['postgresClient']>;

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

let startedServerUrl: string | undefined;

function serverUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (startedServerUrl) return startedServerUrl;
  const output = execFileSync('bash', ['scripts/start-test-postgres.sh'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  startedServerUrl = output.trim().split('\n').at(-1)!;
  return startedServerUrl;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Drops and recreates `name` on the server and applies the migrations. The run never touches the
 * database DATABASE_URL names, only a sibling database on the same server.
 */
export async function freshDatabase(name: string): Promise<string> {
  const admin = await openDatabase({ url: serverUrl(), maxConnections: 1 });
  try {
    const sql = admin.postgresClient!;
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.unsafe(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const url = withDatabaseName(serverUrl(), name);
  const handle = await openDatabase({ url, maxConnections: 1 });
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }
  return url;
}

/** Opens a postgres.js client on the benchmark database; call `end()` when done. */
export async function openSql(url: string, maxConnections = 4): Promise<DatabaseHandle> {
  return openDatabase({ url, maxConnections });
}
