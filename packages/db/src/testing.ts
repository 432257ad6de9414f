// A fresh, migrated database for one test file: a new PGlite in memory, or a new database on the
// PostgreSQL server named by DATABASE_URL (CI runs the suites both ways).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrate, openDatabase, type DatabaseHandle } from './client.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the per-file database in server mode (for a second process); undefined on PGlite. */
  url?: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrate(handle);
    return handle;
  }
  const name = `serendip_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 5 });
  await migrate(handle);
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
