// The indexer against an engine that goes down: writes still succeed, nothing is indexed while it
// is down, and once it is back the index catches up with every document (ids compared one by one).
// Also: in 'auto' mode the indexer runs by itself after writes.
import { rawQuery, type Database } from '@serendip/db';
import { createTestDatabase } from '@serendip/db/testing';
import {
  PostgresSearchEngine,
  SearchUnavailableError,
  type SearchDocumentType,
  type SearchEngine,
} from '@serendip/search';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestContext, testConfig } from '../../test/helper.ts';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';

/** The real engine behind a switch: while `down`, every call fails like an unreachable server. */
class SwitchableEngine implements SearchEngine {
  readonly name = 'switchable';
  down = false;
  constructor(private readonly inner: SearchEngine) {}
  private check(): void {
    if (this.down) throw new SearchUnavailableError('search engine unreachable (test)');
  }
  index: SearchEngine['index'] = async (documents) => (this.check(), this.inner.index(documents));
  remove: SearchEngine['remove'] = async (refs) => (this.check(), this.inner.remove(refs));
  rebuild: SearchEngine['rebuild'] = async (batches) => (this.check(), this.inner.rebuild(batches));
  listRefs: SearchEngine['listRefs'] = async (type) => (this.check(), this.inner.listRefs(type));
  search: SearchEngine['search'] = async (query) => (this.check(), this.inner.search(query));
  related: SearchEngine['related'] = async (query) => (this.check(), this.inner.related(query));
  suggest: SearchEngine['suggest'] = async (query) => (this.check(), this.inner.suggest(query));
  health: SearchEngine['health'] = async () => this.inner.health();
}

async function openContext(overrides: Partial<Config>) {
  const database = await createTestDatabase();
  const engine = new SwitchableEngine(new PostgresSearchEngine(database.db));
  const config = testConfig(overrides);
  const app = await buildApp(config, { database, logger: false, searchEngine: engine });
  await app.ready();
  return { ctx: new TestContext(app, database, config), engine };
}

/** What the database says should be searchable, per document type. */
async function expectedIds(db: Database): Promise<Record<SearchDocumentType, number[]>> {
  const ids = (text: string) =>
    rawQuery(db)<{ id: number }>(text, []).then((rows) => rows.map((row) => row.id));
  return {
    thread: await ids('select id from threads where deleted_at is null order by id'),
    post: await ids(
      `select p.id from posts p join threads t on t.id = p.thread_id and t.deleted_at is null
       where p.kind <> 'opening' and p.deleted_at is null and p.state = 'published' order by p.id`,
    ),
    group: await ids('select id from groups order by id'),
    user: await ids('select id from users where deleted_at is null order by id'),
  };
}

async function indexedIds(engine: SearchEngine): Promise<Record<SearchDocumentType, number[]>> {
  return {
    thread: await engine.listRefs('thread'),
    post: await engine.listRefs('post'),
    group: await engine.listRefs('group'),
    user: await engine.listRefs('user'),
  };
}

async function outboxRows(db: Database): Promise<number> {
  const [row] = await rawQuery(db)<{ count: number }>(
    'select count(*)::int as count from search_outbox',
    [],
  );
  return row!.count;
}

describe('search indexer with the engine down (manual draining)', () => {
  let subject: Awaited<ReturnType<typeof openContext>>;
  beforeAll(async () => {
    subject = await openContext({});
  });
  afterAll(async () => {
    await subject.ctx.close();
  });

  it('accepts every write while the engine is down and catches up with nothing missing', async () => {
    const { ctx, engine } = subject;
    const asker = await ctx.newUser();
    const helper = await ctx.newUser();
    const group = await ctx.newGroup(asker);
    await ctx.app.searchIndexer.drain();
    expect(await outboxRows(ctx.db)).toBe(0);

    engine.down = true;
    const written: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { thread } = await ctx.newThread(asker, group.slug, { title: `Outage question ${i}` });
      written.push(thread.id);
      await ctx.newPost(helper, thread.id, `Outage answer ${i}`);
    }
    await ctx.newUser();
    await expect(ctx.app.searchIndexer.drain()).rejects.toThrow(SearchUnavailableError);
    expect(await outboxRows(ctx.db)).toBeGreaterThan(0);
    expect(ctx.app.searchIndexer.stats().failures).toBeGreaterThan(0);
    const [backedOff] = await rawQuery(ctx.db)<{ waiting: boolean; attempts: number }>(
      `select bool_and(available_at > now()) as waiting, min(attempts)::int as attempts
       from search_outbox`,
      [],
    );
    expect(backedOff).toEqual({ waiting: true, attempts: 1 });

    engine.down = false;
    await ctx.app.searchIndexer.drain();
    expect(await outboxRows(ctx.db)).toBe(0);
    expect(await indexedIds(engine)).toEqual(await expectedIds(ctx.db));
    for (const id of written) expect(await engine.listRefs('thread')).toContain(id);
  });

  it('rebuilds the whole index with pnpm reindex semantics, dropping what no longer exists', async () => {
    const { ctx, engine } = subject;
    await rawQuery(ctx.db)(
      `update threads set deleted_at = now() where id = (select min(id) from threads)`,
      [],
    );
    const result = await ctx.app.searchIndexer.reindex();
    const expected = await expectedIds(ctx.db);
    expect(await indexedIds(engine)).toEqual(expected);
    expect(result.documents).toBe(Object.values(expected).flat().length);
  });
});

describe('search indexer in auto mode', () => {
  let subject: Awaited<ReturnType<typeof openContext>>;
  beforeAll(async () => {
    subject = await openContext({ searchIndexer: 'auto' });
  });
  afterAll(async () => {
    await subject.ctx.close();
  });

  it('indexes after writes by itself, and retries after an outage', async () => {
    const { ctx, engine } = subject;
    const asker = await ctx.newUser();
    const group = await ctx.newGroup(asker);
    const { thread } = await ctx.newThread(asker, group.slug, { title: 'Indexed without asking' });
    await vi.waitFor(async () => expect(await engine.listRefs('thread')).toContain(thread.id), {
      timeout: 10_000,
      interval: 20,
    });

    engine.down = true;
    const failuresBefore = ctx.app.searchIndexer.stats().failures;
    const { thread: during } = await ctx.newThread(asker, group.slug, {
      title: 'Written during it',
    });
    await vi.waitFor(
      () => expect(ctx.app.searchIndexer.stats().failures).toBeGreaterThan(failuresBefore),
      { timeout: 10_000, interval: 20 },
    );
    engine.down = false;
    // The first retry comes after the 1 s backoff, on the indexer's own interval.
    await vi.waitFor(async () => expect(await engine.listRefs('thread')).toContain(during.id), {
      timeout: 15_000,
      interval: 50,
    });
    await vi.waitFor(async () => expect(await outboxRows(ctx.db)).toBe(0), {
      timeout: 15_000,
      interval: 50,
    });
    expect(ctx.app.searchIndexer.stats().lagP95Ms).toBeGreaterThanOrEqual(0);
  });
});
