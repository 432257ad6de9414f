// Test context: a fresh database per test file (PGlite, or a new database on DATABASE_URL's
// server), the real app, and factories that go through the public API like a person would.
import { eq } from 'drizzle-orm';
import { users, type Database } from '@serendip/db';
import { createTestDatabase, type TestDatabase } from '@serendip/db/testing';
import { afterAll, beforeAll } from 'vitest';
import type { Api } from '../src/api-types.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Sends requests to the app as one person (or nobody), with their cookie and CSRF token. */
export class TestClient {
  constructor(
    private readonly app: Api,
    readonly session?: { cookie: string; csrfToken: string },
  ) {}

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(this.session
          ? { cookie: this.session.cookie, 'x-csrf-token': this.session.csrfToken }
          : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const text = response.body;
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: (isJson && text ? JSON.parse(text) : text) as T,
      headers: response.headers,
    };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body: unknown = {}) {
    return this.request<T>('POST', url, body);
  }
  put<T = any>(url: string, body: unknown = {}) {
    return this.request<T>('PUT', url, body);
  }
  patch<T = any>(url: string, body: unknown = {}) {
    return this.request<T>('PATCH', url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

export interface TestUser {
  id: number;
  handle: string;
  email: string;
  password: string;
  displayName: string;
  client: TestClient;
}

export interface NewUserOptions {
  handle?: string;
  displayName?: string;
  role?: 'member' | 'moderator' | 'community_lead' | 'admin';
  locale?: 'fr' | 'en';
  /**
   * 0 is a newcomer whose first posts are held for review; the factory's people default to 1
   * (past pre-moderation) so tests about other features see their posts published.
   */
  trustLevel?: number;
  /** The factory accepts the current charter, if one is published, unless told not to. */
  acceptCharter?: boolean;
}

let sequence = 0;
const unique = (prefix: string) =>
  `${prefix}${process.pid.toString(36)}${(sequence++).toString(36)}`;

export function expectStatus<T>(reply: Reply<T>, status: number): T {
  if (reply.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

export class TestContext {
  readonly anonymous: TestClient;

  constructor(
    readonly app: Api,
    readonly database: TestDatabase,
    readonly config: Config,
  ) {
    this.anonymous = new TestClient(app);
  }

  get db(): Database {
    return this.database.db;
  }

  /** Registers through the API and signs in; a role other than member is granted directly. */
  async newUser(options: NewUserOptions = {}): Promise<TestUser> {
    const handle = options.handle ?? unique('user');
    const email = `${handle}@example.test`;
    const password = 'correct horse battery staple';
    const displayName = options.displayName ?? `Person ${handle}`;
    const reply = await this.anonymous.post('/api/auth/register', {
      email,
      password,
      handle,
      displayName,
      locale: options.locale ?? 'fr',
    });
    const body = expectStatus(reply, 201);
    await this.db
      .update(users)
      .set({ role: options.role ?? 'member', trustLevel: options.trustLevel ?? 1 })
      .where(eq(users.id, body.user.id));
    const cookie = String(reply.headers['set-cookie']).split(';')[0]!;
    const client = new TestClient(this.app, { cookie, csrfToken: body.csrfToken });
    if (options.acceptCharter ?? true) await this.acceptCurrentCharter(client);
    return { id: body.user.id, handle, email, password, displayName, client };
  }

  /** The same person signed in again, as from another device: a second session and client. */
  async signInAgain(user: TestUser): Promise<TestUser> {
    const reply = await this.anonymous.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    const body = expectStatus(reply, 200);
    const cookie = String(reply.headers['set-cookie']).split(';')[0]!;
    return { ...user, client: new TestClient(this.app, { cookie, csrfToken: body.csrfToken }) };
  }

  /** Accepts the published charter through the API, as a member would; no charter, nothing to do. */
  async acceptCurrentCharter(client: TestClient): Promise<void> {
    const charter = await client.get('/api/charter');
    if (charter.status === 404) return;
    const { version } = expectStatus(charter, 200);
    expectStatus(await client.post('/api/charter/accept', { version }), 200);
  }

  async newGroup(
    owner: TestUser,
    options: {
      slug?: string;
      name?: string;
      kind?: 'professional' | 'hobby';
      visibility?: 'public' | 'private';
      description?: string;
    } = {},
  ) {
    const slug = options.slug ?? unique('group-');
    const reply = await owner.client.post('/api/groups', {
      slug,
      name: options.name ?? `Group ${slug}`,
      description: options.description ?? 'A group for tests',
      kind: options.kind ?? 'professional',
      visibility: options.visibility ?? 'public',
    });
    return expectStatus(reply, 201);
  }

  async join(user: TestUser, groupSlug: string) {
    return expectStatus(await user.client.post(`/api/groups/${groupSlug}/join`), 200);
  }

  async newThread(
    author: TestUser,
    groupSlug: string,
    options: {
      kind?: 'question' | 'discussion';
      title?: string;
      body?: string;
      tags?: string[];
      anonymous?: boolean;
    } = {},
  ) {
    const reply = await author.client.post(`/api/groups/${groupSlug}/threads`, {
      kind: options.kind ?? 'question',
      title: options.title ?? `How do we handle ${unique('topic')} in practice?`,
      body: options.body ?? 'I have looked around and could not find a clear answer. Any pointers?',
      tags: options.tags ?? ['general'],
      anonymous: options.anonymous ?? false,
    });
    return expectStatus(reply, 201);
  }

  async newPost(author: TestUser, threadId: number, body = 'Here is what worked for our team.') {
    return expectStatus(await author.client.post(`/api/threads/${threadId}/posts`, { body }), 201);
  }

  async close() {
    await this.app.close();
    await this.database.close();
  }
}

/** Test configuration: generous rate limits so factories are never throttled. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never' }),
    loginRateLimit: 10_000,
    registerRateLimit: 10_000,
    postRateLimit: 10_000,
    // Tests index when they choose to (app.searchIndexer.drain()), so outbox rows stay inspectable.
    searchIndexer: 'manual',
    ...overrides,
  };
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  return new TestContext(app, database, config);
}

/** Registers beforeAll/afterAll for one test file and returns the context once it is ready. */
export function useTestContext(overrides: Partial<Config> = {}): () => TestContext {
  let context: TestContext | undefined;
  beforeAll(async () => {
    context = await createTestContext(overrides);
  });
  afterAll(async () => {
    await context?.close();
  });
  return () => {
    if (!context) throw new Error('the test context is used before beforeAll ran');
    return context;
  };
}
