import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isMigrated, migrate, openDatabase } from './client.ts';
import { groups } from './schema/index.ts';
import { createTestDatabase } from './testing.ts';

describe('database client', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('applies every migration and reports itself ready', async () => {
    const handle = await createTestDatabase();
    try {
      expect(await isMigrated(handle.db)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('keeps PGlite data across a restart on the same folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serendip-db-'));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir });
    await migrate(first);
    await first.db.insert(groups).values({ slug: 'jazz', name: 'Jazz', kind: 'hobby' });
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    await migrate(second);
    const rows = await second.db.select().from(groups).where(eq(groups.slug, 'jazz'));
    await second.close();
    expect(rows.map((row) => row.name)).toEqual(['Jazz']);
    // A new PGlite folder runs initdb and every migration: tens of seconds on a busy 2-core box.
  }, 120_000);
});
