// Shutting down answers the requests already being handled before the database closes.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { selectRows } from '@serendip/db';
import { createTestDatabase, type TestDatabase } from '@serendip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../src/api-types.ts';
import { buildApp } from '../src/app.ts';
import { testConfig } from './helper.ts';

/** The app owning its database (as in production), with a route that queries after a pause. */
async function appWithSlowRoute(databaseUrl: string | undefined, dataDir: string) {
  const app = await buildApp(testConfig({ databaseUrl, dataDir }), { logger: false });
  let started = 0;
  app.get('/slow', async () => {
    started += 1;
    await sleep(300);
    const [row] = await selectRows<{ answer: number }>(app.database.db, sql`select 42 as answer`);
    return { answer: row!.answer };
  });
  return { app, started: () => started };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

describe('shutdown', () => {
  let server: TestDatabase | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'serendip-shutdown-'));
  beforeAll(async () => {
    // On a server, a database of our own: buildApp opens (and later closes) it from its URL.
    if (process.env.DATABASE_URL) server = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ok = (count: number) => Array.from({ length: count }, () => ({ status: 200, answer: 42 }));

  it('answers the HTTP requests in flight and closes keep-alive connections promptly', async () => {
    const { app, started } = await appWithSlowRoute(server?.url, join(dataDir, 'http'));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    // fetch keeps its connections alive: without "connection: close" on the last replies the
    // server would wait for their keep-alive timeout (72 s) and this test would time out.
    const replies = Array.from({ length: 5 }, async () => {
      const response = await fetch(`http://127.0.0.1:${port}/slow`);
      const body = (await response.json()) as { answer: number };
      return { status: response.status, answer: body.answer };
    });
    await waitFor(() => started() === 5);
    await app.close();
    expect(await Promise.all(replies)).toEqual(ok(5));
  });

  it('finishes in-process requests (the web app) before closing the database', async () => {
    const { app, started } = await appWithSlowRoute(server?.url, join(dataDir, 'inject'));
    await app.ready();
    const replies = Array.from({ length: 5 }, async () => {
      const reply = await (app as Api).inject({ method: 'GET', url: '/slow' });
      return { status: reply.statusCode, answer: (reply.json() as { answer: number }).answer };
    });
    await waitFor(() => started() === 5);
    await app.close();
    expect(await Promise.all(replies)).toEqual(ok(5));
  });
});
