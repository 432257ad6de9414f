import { events } from '@serendip/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';
import { TestSocket } from '../../../test/socket-client.ts';
import { groupWithNewcomer } from '../moderation/moderation-fixtures.ts';

describe('realtime hub', () => {
  // A small send queue, so a socket that stops reading is dropped after a few megabytes at most.
  const ctx = useTestContext({
    realtime: {
      allowedOrigins: [],
      maxBufferedBytes: 64 * 1024,
      heartbeatMs: 30_000,
      messagesPerSecond: 10,
    },
  });
  let baseUrl = '';
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    baseUrl = await ctx().app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
  });

  async function open(user: TestUser): Promise<TestSocket> {
    const socket = await TestSocket.open(baseUrl, user);
    sockets.push(socket);
    return socket;
  }

  async function addMember(owner: TestUser, slug: string, member: TestUser, role = 'member') {
    expectStatus(
      await owner.client.put(`/api/groups/${slug}/members/${member.handle}`, { role }),
      200,
    );
  }

  it('refuses anonymous handshakes and other sites’ pages', async () => {
    const user = await ctx().newUser();
    const cookie = user.client.session!.cookie;
    expect(await TestSocket.handshakeStatus(baseUrl, { origin: baseUrl })).toBe(401);
    expect(
      await TestSocket.handshakeStatus(baseUrl, { cookie, origin: 'https://evil.example' }),
    ).toBe(403);
    expect(await TestSocket.handshakeStatus(baseUrl, { cookie, origin: baseUrl })).toBe(101);
  });

  it('delivers a thread’s events to its subscribers until they unsubscribe', async () => {
    const asker = await ctx().newUser();
    const helper = await ctx().newUser();
    const reader = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const other = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const socket = await open(reader);

    const subscribed = await socket.subscribe([`thread:${thread.id}`, `group:${other.id}`]);
    expect(subscribed.topics).toEqual([`thread:${thread.id}`, `group:${other.id}`]);
    const answer = await ctx().newPost(helper, thread.id);
    const created = await socket.waitForEvent('post.created', { postId: answer.id });
    expect(created.payload).toEqual({
      postId: answer.id,
      threadId: thread.id,
      kind: 'answer',
      authorId: helper.id,
    });
    expectStatus(await asker.client.put(`/api/posts/${answer.id}/vote`, { value: 1 }), 200);
    await socket.waitForEvent('vote.changed', { postId: answer.id, score: 1 });

    socket.send({ type: 'unsubscribe', topics: [`thread:${thread.id}`] });
    await socket.waitFor((message) => message.type === 'unsubscribed');
    const late = await ctx().newPost(helper, thread.id);
    // Events arrive in id order: once a later event on a kept topic is here, the earlier one
    // would have been too.
    const marker = await ctx().newThread(asker, other.slug);
    await socket.waitForEvent('thread.created', { threadId: marker.thread.id });
    expect(socket.events().some((event) => event.payload.postId === late.id)).toBe(false);
    const ids = socket.events().map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('sends an event once to a socket on several of its topics, naming those it matched', async () => {
    const asker = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const both = await open(asker);
    const groupOnly = await open(asker);
    await both.subscribe([`group:${group.id}`, `thread:${thread.id}`]);
    await groupOnly.subscribe([`group:${group.id}`]);
    const answer = await ctx().newPost(asker, thread.id);
    const marker = await ctx().newThread(asker, group.slug);
    for (const socket of [both, groupOnly]) {
      await socket.waitForEvent('thread.created', { threadId: marker.thread.id });
    }
    const created = (socket: typeof both) =>
      socket.events().filter((event) => event.payload.postId === answer.id);
    expect(created(both).map((event) => event.topics)).toEqual([
      [`thread:${thread.id}`, `group:${group.id}`],
    ]);
    expect(created(groupOnly).map((event) => event.topics)).toEqual([[`group:${group.id}`]]);
  });

  it('denies what the matching HTTP read would deny', async () => {
    const owner = await ctx().newUser();
    const outsider = await ctx().newUser();
    const member = await ctx().newUser();
    const groupModerator = await ctx().newUser();
    const staff = await ctx().newUser({ role: 'moderator' });
    const secret = await ctx().newGroup(owner, { visibility: 'private' });
    await addMember(owner, secret.slug, member);
    await addMember(owner, secret.slug, groupModerator, 'moderator');
    const { thread } = await ctx().newThread(owner, secret.slug);

    const outsiderSocket = await open(outsider);
    const granted = await outsiderSocket.subscribe([
      `thread:${thread.id}`,
      `group:${secret.id}`,
      `moderation:${secret.id}`,
      `user:${owner.id}`,
      `user:${outsider.id}`,
      'thread:999999',
    ]);
    expect(granted.topics).toEqual([`user:${outsider.id}`]);
    const denials = outsiderSocket.messages.filter((message) => message.type === 'denied');
    expect(denials).toEqual([
      { type: 'denied', topic: `thread:${thread.id}`, code: 'not_found' },
      { type: 'denied', topic: `group:${secret.id}`, code: 'not_found' },
      { type: 'denied', topic: `moderation:${secret.id}`, code: 'not_found' },
      { type: 'denied', topic: `user:${owner.id}`, code: 'forbidden' },
      { type: 'denied', topic: 'thread:999999', code: 'not_found' },
    ]);

    const memberSocket = await open(member);
    const memberTopics = [`thread:${thread.id}`, 'moderation', `moderation:${secret.id}`];
    expect((await memberSocket.subscribe(memberTopics)).topics).toEqual([`thread:${thread.id}`]);
    expect(memberSocket.messages.filter((message) => message.type === 'denied')).toEqual([
      { type: 'denied', topic: 'moderation', code: 'forbidden' },
      { type: 'denied', topic: `moderation:${secret.id}`, code: 'forbidden' },
    ]);

    const moderatorSocket = await open(groupModerator);
    expect((await moderatorSocket.subscribe([`moderation:${secret.id}`])).topics).toEqual([
      `moderation:${secret.id}`,
    ]);
    const staffSocket = await open(staff);
    expect((await staffSocket.subscribe(['moderation'])).topics).toEqual(['moderation']);

    // The outsider never hears of the private thread's answers.
    const answer = await ctx().newPost(member, thread.id);
    await memberSocket.waitForEvent('post.created', { postId: answer.id });
    expect(outsiderSocket.events()).toEqual([]);
  });

  it('drops a member’s private-group topics when they leave the group', async () => {
    const owner = await ctx().newUser();
    const member = await ctx().newUser();
    const secret = await ctx().newGroup(owner, { visibility: 'private' });
    await addMember(owner, secret.slug, member);
    const { thread } = await ctx().newThread(owner, secret.slug);
    const socket = await open(member);
    await socket.subscribe([`thread:${thread.id}`, `group:${secret.id}`]);

    expectStatus(
      await owner.client.delete(`/api/groups/${secret.slug}/members/${member.handle}`),
      200,
    );
    const denied = await socket.waitFor((message) => message.type === 'denied', 'denied');
    expect(denied).toMatchObject({ code: 'not_found' });
  });

  it('keeps anonymous authors anonymous in payloads', async () => {
    const asker = await ctx().newUser({ displayName: 'Secret Asker' });
    const reader = await ctx().newUser();
    const group = await ctx().newGroup(reader);
    const socket = await open(reader);
    await socket.subscribe([`group:${group.id}`]);

    const { thread } = await ctx().newThread(asker, group.slug, { anonymous: true });
    const created = await socket.waitForEvent('thread.created', { threadId: thread.id });
    expect(created.payload).not.toHaveProperty('authorId');
    const reply = await ctx().newPost(asker, thread.id);
    const answered = await socket.waitForEvent('post.created', { postId: reply.id });
    expect(answered.payload).not.toHaveProperty('authorId');
    const raw = JSON.stringify(socket.events());
    expect(raw).not.toContain(asker.handle);
    expect(raw).not.toContain('Secret Asker');
    expect(raw).not.toMatch(new RegExp(`"(authorId|actorId|userId)":${asker.id}\\b`));
  });

  it('sends moderation events to staff only, with nothing but ids for types it does not know', async () => {
    const staff = await ctx().newUser({ role: 'moderator' });
    const member = await ctx().newUser();
    const group = await ctx().newGroup(member);
    const { thread } = await ctx().newThread(member, group.slug);
    const staffSocket = await open(staff);
    const memberSocket = await open(member);
    await staffSocket.subscribe(['moderation', `thread:${thread.id}`]);
    await memberSocket.subscribe([`thread:${thread.id}`]);

    // As the moderation module writes them: a hidden post leaves only its ids in the payload.
    await ctx()
      .db.insert(events)
      .values({
        type: 'post.hidden',
        topics: ['moderation', `thread:${thread.id}`],
        actorId: staff.id,
        payload: {
          postId: 41,
          threadId: thread.id,
          reporterId: member.id,
          reason: 'insulte',
          bodyHtml: '<p>secret</p>',
        },
      });
    await ctx()
      .db.insert(events)
      .values({
        type: 'flag.created',
        topics: ['moderation'],
        payload: { flagId: 7, postId: 41, note: 'private note', reporterId: member.id },
      });
    const flag = await staffSocket.waitForEvent('flag.created');
    expect(flag.payload).toEqual({ flagId: 7, postId: 41, reporterId: member.id });
    expect(flag.topics).toEqual(['moderation']);
    const hidden = await memberSocket.waitForEvent('post.hidden');
    expect(hidden.payload).toEqual({ postId: 41, threadId: thread.id });
    expect(hidden.topics).toEqual([`thread:${thread.id}`]);
    // Once per socket even when two of its topics match.
    const staffHidden = staffSocket.events().filter((event) => event.event === 'post.hidden');
    expect(staffHidden).toHaveLength(1);
    expect(staffHidden[0]!.topics).toEqual(['moderation', `thread:${thread.id}`]);
    expect(memberSocket.events().some((event) => event.event === 'flag.created')).toBe(false);
  });

  it('keeps a group moderator’s queue live on the topics the queue names, and no other group’s', async () => {
    const { owner, group, newcomer } = await groupWithNewcomer(ctx());
    const otherOwner = await ctx().newUser();
    const other = await ctx().newGroup(otherOwner);
    const here = await ctx().newThread(owner, group.slug);
    const there = await ctx().newThread(otherOwner, other.slug);
    const staff = await ctx().newUser({ role: 'moderator' });
    const queue = expectStatus(await owner.client.get('/api/mod/queue'), 200);
    expect(queue.topics).toEqual([`moderation:${group.id}`]);
    expect(expectStatus(await staff.client.get('/api/mod/queue'), 200).topics).toEqual([
      'moderation',
    ]);
    const ownerSocket = await open(owner);
    const staffSocket = await open(staff);
    await ownerSocket.subscribe(queue.topics);
    await staffSocket.subscribe(['moderation']);

    // A newcomer's first posts are held for review: each one is a new item in its group's queue.
    const elsewhere = await ctx().newPost(newcomer, there.thread.id, 'Ailleurs');
    const held = await ctx().newPost(newcomer, here.thread.id, 'Ici');
    const created = await ownerSocket.waitForEvent('moderation.item_created', {
      groupId: group.id,
    });
    expect(created.topics).toEqual([`moderation:${group.id}`]);
    await staffSocket.waitForEvent('moderation.item_created', { groupId: group.id });
    await staffSocket.waitForEvent('moderation.item_created', { groupId: other.id });
    const ownerItems = ownerSocket
      .events()
      .filter((event) => event.event.startsWith('moderation.'));
    expect(ownerItems.map((event) => event.payload.groupId)).toEqual([group.id]);
    expect([held.state, elsewhere.state]).toEqual(['pending', 'pending']);
  });

  it('closes a session’s sockets when it signs out, and only that session’s', async () => {
    const user = await ctx().newUser();
    const signedOut = await open(user);
    const otherDevice = await ctx().signInAgain(user);
    const stays = await open(otherDevice);
    await signedOut.subscribe([`user:${user.id}`]);
    await stays.subscribe([`user:${user.id}`]);

    expectStatus(await user.client.post('/api/auth/logout'), 200);
    expect((await signedOut.closed).code).toBe(4401);
    // The other session's socket still gets its events.
    const asker = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    await ctx().newPost(asker, thread.id, `Une question pour @${user.handle} ?`);
    await stays.waitForEvent('notification.created', { threadId: thread.id });
  });

  it('sends own notifications only to their owner', async () => {
    const asker = await ctx().newUser();
    const helper = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const socket = await open(asker);
    await socket.subscribe([`user:${asker.id}`]);
    await ctx().newPost(helper, thread.id);
    const notification = await socket.waitForEvent('notification.created', { type: 'answer' });
    expect(notification.payload).toMatchObject({ threadId: thread.id });
  });

  it('replays what a reconnecting client missed, then goes on live, without duplicates', async () => {
    const asker = await ctx().newUser();
    const helper = await ctx().newUser();
    const reader = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const topic = `thread:${thread.id}`;

    const first = await open(reader);
    await first.subscribe([topic]);
    const seen = await ctx().newPost(helper, thread.id);
    const lastSeen = (await first.waitForEvent('post.created', { postId: seen.id })).id;
    const cursor = expectStatus(await reader.client.get('/api/realtime/cursor'), 200);
    expect(cursor.lastEventId).toBeGreaterThanOrEqual(lastSeen);
    await first.close();

    const missed = [];
    for (let index = 0; index < 3; index += 1) missed.push(await ctx().newPost(helper, thread.id));
    const second = await open(reader);
    await second.subscribe([topic], lastSeen);
    const live = await ctx().newPost(helper, thread.id);
    await second.waitForEvent('post.created', { postId: live.id });

    const received = second.events().filter((event) => event.event === 'post.created');
    expect(received.map((event) => event.payload.postId)).toEqual([
      ...missed.map((post) => post.id),
      live.id,
    ]);
    const ids = second.events().map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('tells a client too far behind to reload', async () => {
    const asker = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const topic = `thread:${thread.id}`;
    const socket = await open(asker);
    const hello = await socket.waitFor<{ type: 'hello'; lastEventId: number }>(
      (message) => message.type === 'hello',
    );
    // More events than a resume replays (500), as the write path would have written them.
    await ctx()
      .db.insert(events)
      .values(
        Array.from({ length: 501 }, (_, index) => ({
          type: 'vote.changed',
          topics: [topic],
          payload: { threadId: thread.id, postId: 1, score: index },
        })),
      );
    const probe = await open(asker);
    await probe.subscribe([topic]);
    await ctx().newPost(asker, thread.id);
    await probe.waitForEvent('post.created');

    await socket.subscribe([topic], hello.lastEventId);
    const reload = await socket.waitFor((message) => message.type === 'reload', 'reload');
    expect(reload).toMatchObject({ reason: 'too_far_behind' });
    expect(socket.events()).toEqual([]);
  });

  it('answers bad messages, and closes a socket that floods', async () => {
    const user = await ctx().newUser();
    const socket = await open(user);
    socket.send({ type: 'subscribe', topics: ['everything'] });
    await socket.waitFor(
      (message) => message.type === 'error' && message.code === 'invalid_message',
      'invalid_message',
    );
    for (let index = 0; index < 50; index += 1) {
      socket.send({ type: 'unsubscribe', topics: [`thread:${index + 1}`] });
    }
    expect((await socket.closed).code).toBe(4029);
    expect(
      socket.messages.some(
        (message) => message.type === 'error' && message.code === 'rate_limited',
      ),
    ).toBe(true);
  });

  it('drops a socket that stops reading without slowing the others', async () => {
    const asker = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const topic = `thread:${thread.id}`;
    const fast = await open(asker);
    const slow = await open(asker);
    await fast.subscribe([topic]);
    await slow.subscribe([topic]);
    slow.socket.pause();
    const hub = ctx().app.realtimeHub;
    const connected = hub.connectionCount;

    // 16 KB events, four per commit, until the kernel's buffers and then the hub's 64 KB queue for
    // the paused socket are full (a few megabytes on loopback).
    const title = 'x'.repeat(16 * 1024);
    let sent = 0;
    while (hub.connectionCount === connected && sent < 4_000) {
      await ctx()
        .db.insert(events)
        .values(
          Array.from({ length: 4 }, () => ({
            type: 'thread.updated',
            topics: [topic],
            payload: { threadId: thread.id, title },
          })),
        );
      sent += 4;
      await fast.waitFor(() => fast.events().length === sent, `${sent} events on the fast socket`);
    }
    expect(hub.connectionCount).toBe(connected - 1);
    expect(fast.events()).toHaveLength(sent);
    slow.socket.resume();
    expect((await slow.closed).code).toBe(1006);
    expect(slow.events().length).toBeLessThan(sent);
  });

  it('steps over the id of a rolled-back write', async () => {
    const asker = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const topic = `thread:${thread.id}`;
    const socket = await open(asker);
    await socket.subscribe([topic]);
    const row = { type: 'vote.changed', topics: [topic], payload: { threadId: thread.id } };
    await ctx()
      .db.transaction(async (tx) => {
        await tx.insert(events).values({ ...row, payload: { ...row.payload, score: -1 } });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await ctx()
      .db.insert(events)
      .values({ ...row, payload: { ...row.payload, score: 1 } });
    const delivered = await socket.waitForEvent('vote.changed', { score: 1 });
    expect(socket.events()).toEqual([delivered]);
  });

  it('delivers in id order when a later id commits first', async (test) => {
    const client = ctx().database.postgresClient;
    if (!client) {
      console.info('skipped on PGlite: one connection, so two transactions can never overlap');
      test.skip();
      return;
    }
    const asker = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    const { thread } = await ctx().newThread(asker, group.slug);
    const topic = `thread:${thread.id}`;
    const socket = await open(asker);
    await socket.subscribe([topic]);
    const row = (score: number) => ({
      type: 'vote.changed',
      topics: [topic],
      payload: { threadId: thread.id, score },
    });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let inserted: () => void = () => {};
    const holding = new Promise<void>((resolve) => (inserted = resolve));
    const slowWrite = client.begin(async (sql) => {
      await sql`insert into events (type, topics, payload) values ('vote.changed', ${[topic]}, ${JSON.stringify(row(1).payload)}::jsonb)`;
      inserted();
      await released;
    });
    await holding;
    await ctx().db.insert(events).values(row(2));
    // The later id is committed first (and notified); the relay must hold it for the earlier one.
    release();
    await slowWrite;
    await socket.waitForEvent('vote.changed', { score: 2 });
    const scores = socket.events().map((event) => event.payload.score);
    expect(scores).toEqual([1, 2]);
    const ids = socket.events().map((event) => event.id);
    expect(ids[0]).toBeLessThan(ids[1]!);
  });
});
