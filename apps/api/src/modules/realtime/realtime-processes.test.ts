// Two API processes on one PostgreSQL database: this test's app (A) and a real second server
// process (B) started from src/server.ts. Events written through either reach sockets on both.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, TestClient, useTestContext, type TestUser } from '../../../test/helper.ts';
import { TestSocket } from '../../../test/socket-client.ts';

const serverScript = fileURLToPath(new URL('../../server.ts', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the API as its own process and resolves once it logs that it listens. */
async function startSecondProcess(
  databaseUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'never',
      SERVE_WEB: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server listening at')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server B exited (${code}):\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

describe('realtime across two API processes', () => {
  const ctx = useTestContext();
  const databaseUrl = process.env.DATABASE_URL;
  let urlA = '';
  let second: { child: ChildProcess; url: string } | undefined;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    if (!databaseUrl) return;
    urlA = await ctx().app.listen({ host: '127.0.0.1', port: 0 });
    second = await startSecondProcess(ctx().database.url!);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    if (second && second.child.exitCode === null) {
      const exited = new Promise((resolve) => second!.child.once('exit', resolve));
      second.child.kill('SIGTERM');
      await exited;
    }
  });

  async function open(baseUrl: string, user: TestUser) {
    const socket = await TestSocket.open(baseUrl, user);
    sockets.push(socket);
    return socket;
  }

  /** The same person's requests sent to process B over HTTP. */
  async function postThroughB(user: TestUser, path: string, body: unknown) {
    const response = await fetch(`${second!.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: user.client.session!.cookie,
        'x-csrf-token': user.client.session!.csrfToken,
      },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: number };
  }

  it('delivers a post made through one process to sockets on the other', async (test) => {
    if (!databaseUrl) {
      console.info('skipped on PGlite: an in-memory PGlite database belongs to one process');
      test.skip();
      return;
    }
    const asker = await ctx().newUser();
    const helper = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const topic = `thread:${thread.id}`;
    const onA = await open(urlA, asker);
    const onB = await open(second!.url, asker);
    await onA.subscribe([topic]);
    await onB.subscribe([topic]);

    const throughA = await ctx().newPost(helper, thread.id);
    await onB.waitForEvent('post.created', { postId: throughA.id });
    const throughB = await postThroughB(helper, `/api/threads/${thread.id}/posts`, {
      body: 'Written through the second process.',
    });
    await onA.waitForEvent('post.created', { postId: throughB.id });
    await onB.waitForEvent('post.created', { postId: throughB.id });
    expect(onB.events().map((event) => event.id)).toEqual(onA.events().map((event) => event.id));
  });

  it('delivers concurrent writes to both processes once each, in id order', async (test) => {
    if (!databaseUrl) {
      console.info('skipped on PGlite: an in-memory PGlite database belongs to one process');
      test.skip();
      return;
    }
    const asker = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const topic = `thread:${thread.id}`;
    const writers = await Promise.all(Array.from({ length: 4 }, () => ctx().newUser()));
    const onA = await open(urlA, asker);
    const onB = await open(second!.url, asker);
    await onA.subscribe([topic]);
    await onB.subscribe([topic]);

    const posts = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index % 2 === 0
          ? ctx().newPost(writers[index % 4]!, thread.id, `Answer number ${index}`)
          : postThroughB(writers[index % 4]!, `/api/threads/${thread.id}/posts`, {
              body: `Answer number ${index}`,
            }),
      ),
    );
    for (const socket of [onA, onB]) {
      for (const post of posts) await socket.waitForEvent('post.created', { postId: post.id });
      const created = socket.events().filter((event) => event.event === 'post.created');
      expect(created).toHaveLength(posts.length);
      const ids = socket.events().map((event) => event.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(onA.events()).toEqual(onB.events());
    expectStatus(await new TestClient(ctx().app).get('/health'), 200);
  });
});
