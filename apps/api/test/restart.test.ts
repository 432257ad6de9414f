// A restarted app finds all its data: in DATA_DIR in embedded mode, on the server otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@serendip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { expectStatus, TestClient, testConfig } from './helper.ts';

describe('restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'serendip-restart-'));
  let serverDatabase: TestDatabase | undefined;
  beforeAll(async () => {
    if (process.env.DATABASE_URL) serverDatabase = await createTestDatabase();
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await serverDatabase?.close();
  });

  it('finds users, groups, threads and answers after a restart on the same database', async () => {
    const config = testConfig({ dataDir, databaseUrl: serverDatabase?.url });
    const first = await buildApp(config, { logger: false });
    const anonymous = new TestClient(first);
    const registered = await anonymous.post('/api/auth/register', {
      email: 'claire@example.test',
      password: 'a long enough password',
      handle: 'claire',
      displayName: 'Claire Martin',
    });
    const session = {
      cookie: String(registered.headers['set-cookie']).split(';')[0]!,
      csrfToken: expectStatus(registered, 201).csrfToken,
    };
    const claire = new TestClient(first, session);
    expectStatus(
      await claire.post('/api/groups', { slug: 'jazz', name: 'Jazz', kind: 'hobby' }),
      201,
    );
    const created = expectStatus(
      await claire.post('/api/groups/jazz/threads', {
        kind: 'question',
        title: 'Quel album pour découvrir le bebop ?',
        body: 'Je débute, des conseils ?',
        tags: ['bebop'],
      }),
      201,
    );
    expectStatus(
      await claire.post(`/api/threads/${created.thread.id}/posts`, { body: 'Bird!' }),
      201,
    );
    await first.close();

    const second = await buildApp(config, { logger: false });
    try {
      const sameSession = new TestClient(second, session);
      const detail = expectStatus(await sameSession.get(`/api/threads/${created.thread.id}`), 200);
      expect(detail.thread.title).toBe('Quel album pour découvrir le bebop ?');
      expect(detail.thread.tags).toEqual(['bebop']);
      expect(detail.posts.map((post: { kind: string }) => post.kind)).toEqual([
        'opening',
        'answer',
      ]);
      const group = expectStatus(await sameSession.get('/api/groups/jazz'), 200);
      expect(group.memberCount).toBe(1);
      const login = await new TestClient(second).post('/api/auth/login', {
        email: 'claire@example.test',
        password: 'a long enough password',
      });
      expect(login.status).toBe(200);
    } finally {
      await second.close();
    }
    // A new PGlite folder runs initdb and every migration: tens of seconds on a busy 2-core box.
  }, 120_000);
});
