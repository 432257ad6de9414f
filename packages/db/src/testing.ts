// A fresh, migrated database for one test file: a new PGlite in memory, or a new database on the
// PostgreSQL server named by DATABASE_URL (CI runs the suites both ways).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import {
  migrate,
  migrationsFolder,
  openDatabase,
  pgliteExtensions,
  type Database,
  type DatabaseHandle,
} from './client.ts';
import { pgliteRawQuery, registerRawQuery } from './raw.ts';
import * as schema from './schema/index.ts';

/** `url` is the per-file database's in server mode (for a second process); undefined on PGlite. */
export type TestDatabase = DatabaseHandle;

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openMigratedPglite();
  const name = `serendip_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 5 });
  await migrate(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

// PGlite's initdb costs seconds per database; a migrated data folder is built once per set of
// migrations, kept as a tarball in the temp folder, and loaded by every test file.
function templatePath(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash.update(readFileSync(join(migrationsFolder, file)));
  }
  return join(tmpdir(), `serendip-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function buildTemplate(path: string): Promise<void> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrate(handle);
  const dump = await handle.pgliteClient!.dumpDataDir('none');
  await handle.close();
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
}

async function openMigratedPglite(): Promise<DatabaseHandle> {
  const path = templatePath();
  if (!existsSync(path)) await buildTemplate(path);
  const client = await PGlite.create('memory://', {
    loadDataDir: new Blob([readFileSync(path)]),
    extensions: pgliteExtensions,
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  registerRawQuery(db, pgliteRawQuery(client));
  return { db, kind: 'pglite', pgliteClient: client, close: () => client.close() };
}
