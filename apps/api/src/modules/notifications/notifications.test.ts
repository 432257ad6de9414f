import { and, eq, sql } from 'drizzle-orm';
import { events, notifications, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';
import { notify, type NotificationInput } from './notifications.service.ts';

describe('notifications', () => {
  const ctx = useTestContext();

  function notifyNow(input: Partial<NotificationInput> & Pick<NotificationInput, 'threadId'>) {
    return ctx().db.transaction((tx) =>
      notify(tx, { type: 'mention', recipientIds: [], actorId: null, data: {}, ...input }),
    );
  }

  async function publicThread(owner?: TestUser) {
    const author = owner ?? (await ctx().newUser());
    const group = await ctx().newGroup(author);
    const { thread } = await ctx().newThread(author, group.slug);
    return { author, group, threadId: thread.id as number };
  }

  async function addMember(owner: TestUser, slug: string, member: TestUser) {
    const url = `/api/groups/${slug}/members/${member.handle}`;
    expectStatus(await owner.client.put(url, { role: 'member' }), 200);
  }

  async function list(user: TestUser, query = '') {
    return expectStatus(await user.client.get(`/api/notifications${query}`), 200);
  }

  async function setPreferences(user: TestUser, preferences: Record<string, unknown>) {
    await ctx()
      .db.update(users)
      .set({ notificationPreferences: preferences })
      .where(eq(users.id, user.id));
  }

  describe('notify()', () => {
    it('notifies each recipient once, never the actor, with one event each', async () => {
      const { author, threadId } = await publicThread();
      const reader = await ctx().newUser();
      const other = await ctx().newUser();

      const notified = await notifyNow({
        type: 'answer',
        recipientIds: [reader.id, reader.id, other.id, author.id],
        actorId: author.id,
        threadId,
        data: { title: 'A title' },
      });

      expect(notified.sort()).toEqual([reader.id, other.id].sort());
      const rows = await ctx()
        .db.select()
        .from(notifications)
        .where(eq(notifications.threadId, threadId));
      expect(rows.map((row) => row.userId).sort()).toEqual([reader.id, other.id].sort());
      const created = await ctx()
        .db.select()
        .from(events)
        .where(
          and(
            eq(events.type, 'notification.created'),
            sql`${events.payload} ->> 'threadId' = ${String(threadId)}`,
          ),
        );
      expect(created.map((event) => event.topics[0]).sort()).toEqual(
        [`user:${reader.id}`, `user:${other.id}`].sort(),
      );
    });

    it('skips deleted people and the types someone turned off', async () => {
      const { threadId } = await publicThread();
      const gone = await ctx().newUser();
      const quiet = await ctx().newUser();
      const odd = await ctx().newUser();
      await ctx().db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone.id));
      await setPreferences(quiet, { mention: false, answer: true });
      // A value that is not a boolean must not break the write that notifies.
      await setPreferences(odd, { mention: 'sometimes', reply: null });

      const recipientIds = [gone.id, quiet.id, odd.id];
      expect(await notifyNow({ type: 'mention', recipientIds, threadId })).toEqual([odd.id]);
      expect((await notifyNow({ type: 'answer', recipientIds, threadId })).sort()).toEqual(
        [quiet.id, odd.id].sort(),
      );
    });

    it('in a private group notifies members and staff, never an outsider', async () => {
      const owner = await ctx().newUser();
      const member = await ctx().newUser();
      const outsider = await ctx().newUser();
      const moderator = await ctx().newUser({ role: 'moderator' });
      const secret = await ctx().newGroup(owner, { visibility: 'private' });
      await addMember(owner, secret.slug, member);
      const { thread } = await ctx().newThread(owner, secret.slug);

      const notified = await notifyNow({
        recipientIds: [member.id, outsider.id, moderator.id],
        actorId: owner.id,
        threadId: thread.id,
      });
      expect(notified.sort()).toEqual([member.id, moderator.id].sort());
      expect((await list(outsider)).items).toEqual([]);
    });

    it('writes nothing when nobody is eligible', async () => {
      const { author, threadId } = await publicThread();
      expect(await notifyNow({ recipientIds: [author.id], actorId: author.id, threadId })).toEqual(
        [],
      );
      expect(await notifyNow({ recipientIds: [], threadId })).toEqual([]);
      const rows = await ctx()
        .db.select()
        .from(notifications)
        .where(eq(notifications.threadId, threadId));
      expect(rows).toEqual([]);
    });
  });

  describe('GET /api/notifications', () => {
    it('shows a mention made in a post to the person mentioned', async () => {
      const { threadId } = await publicThread();
      const mentioned = await ctx().newUser();
      const poster = await ctx().newUser({ displayName: 'Chloé Martin' });
      const post = await ctx().newPost(poster, threadId, `Ask @${mentioned.handle}, she knows.`);

      const page = await list(mentioned);
      expect(page.unreadCount).toBe(1);
      expect(page.nextCursor).toBeNull();
      expect(page.items).toEqual([
        {
          id: expect.any(Number),
          type: 'mention',
          actor: {
            id: poster.id,
            handle: poster.handle,
            displayName: 'Chloé Martin',
            jobTitle: '',
            department: '',
            site: '',
          },
          threadId,
          postId: post.id,
          data: expect.any(Object),
          readAt: null,
          createdAt: expect.any(String),
          href: `/threads/${threadId}#post-${post.id}`,
        },
      ]);
    });

    it('stays silent for a mention turned off in my settings or made where I cannot read', async () => {
      const owner = await ctx().newUser();
      const quiet = await ctx().newUser();
      const outsider = await ctx().newUser();
      expectStatus(
        await quiet.client.patch('/api/users/me', { notificationPreferences: { mention: false } }),
        200,
      );
      const { threadId } = await publicThread(owner);
      await ctx().newPost(owner, threadId, `Thoughts, @${quiet.handle}?`);
      const secret = await ctx().newGroup(owner, { visibility: 'private' });
      const { thread } = await ctx().newThread(owner, secret.slug);
      await ctx().newPost(owner, thread.id, `Should we ask @${outsider.handle}?`);

      expect(await list(quiet)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
      expect(await list(outsider)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    });

    it('pages newest first, counts the unread and filters on unread', async () => {
      const { author, threadId } = await publicThread();
      const reader = await ctx().newUser();
      for (let i = 0; i < 5; i++) {
        await notifyNow({ recipientIds: [reader.id], actorId: author.id, threadId, data: { i } });
      }

      const first = await list(reader, '?limit=2');
      const second = await list(reader, `?limit=2&cursor=${first.nextCursor}`);
      const third = await list(reader, `?limit=2&cursor=${second.nextCursor}`);
      const data = [first, second, third].flatMap((page) =>
        page.items.map((item: any) => item.data.i),
      );
      expect(data).toEqual([4, 3, 2, 1, 0]);
      expect(third.nextCursor).toBeNull();
      expect(first.unreadCount).toBe(5);

      const newest = first.items[0].id;
      const after = expectStatus(
        await reader.client.post('/api/notifications/read', { ids: [newest] }),
        200,
      );
      expect(after).toEqual({ unreadCount: 4 });
      const unread = await list(reader, '?unread=true');
      expect(unread.items.map((item: any) => item.data.i)).toEqual([3, 2, 1, 0]);
      expect(unread.unreadCount).toBe(4);
      const all = await list(reader, '?unread=false');
      expect(all.items).toHaveLength(5);
      expect(all.items[0].readAt).toEqual(expect.any(String));
    });

    it('shows only my own notifications', async () => {
      const { author, threadId } = await publicThread();
      const reader = await ctx().newUser();
      const other = await ctx().newUser();
      await notifyNow({ recipientIds: [reader.id], actorId: author.id, threadId });
      expect(await list(other)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    });

    it('hides notifications about a private group I left or a deleted thread', async () => {
      const owner = await ctx().newUser();
      const reader = await ctx().newUser();
      const secret = await ctx().newGroup(owner, { visibility: 'private' });
      await addMember(owner, secret.slug, reader);
      const { thread: secretThread } = await ctx().newThread(owner, secret.slug);
      const { threadId: doomedId } = await publicThread(owner);
      const { threadId: keptId } = await publicThread(owner);
      for (const threadId of [secretThread.id, doomedId, keptId]) {
        await notifyNow({ recipientIds: [reader.id], actorId: owner.id, threadId });
      }
      expect((await list(reader)).unreadCount).toBe(3);

      expectStatus(await reader.client.post(`/api/groups/${secret.slug}/leave`), 200);
      expectStatus(await owner.client.delete(`/api/threads/${doomedId}`), 200);

      const page = await list(reader);
      expect(page.items.map((item: any) => item.threadId)).toEqual([keptId]);
      expect(page.unreadCount).toBe(1);
    });

    it("keeps an anonymous asker's name from peers but not from moderators", async () => {
      const asker = await ctx().newUser();
      const peer = await ctx().newUser();
      const moderator = await ctx().newUser({ role: 'moderator' });
      const group = await ctx().newGroup(await ctx().newUser());
      const { thread } = await ctx().newThread(asker, group.slug, { anonymous: true });
      await notifyNow({
        type: 'accepted',
        recipientIds: [peer.id, moderator.id],
        actorId: asker.id,
        threadId: thread.id,
      });
      expect((await list(peer)).items[0].actor).toBeNull();
      expect((await list(moderator)).items[0].actor.id).toBe(asker.id);
    });

    it('refuses bad queries and anonymous callers', async () => {
      const user = await ctx().newUser();
      const badCursors = [
        '!!',
        'abc',
        Buffer.from('0').toString('base64url'),
        Buffer.from('99999999999').toString('base64url'),
        Buffer.from('12x').toString('base64url'),
      ];
      for (const cursor of badCursors) {
        const reply = await user.client.get(`/api/notifications?cursor=${cursor}`);
        expect(reply.status, cursor).toBe(400);
        expect(reply.body.error.code).toBe('invalid_cursor');
      }
      for (const query of ['?limit=0', '?limit=101', '?limit=x', '?unread=maybe']) {
        const reply = await user.client.get(`/api/notifications${query}`);
        expect(reply.status, query).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
      }
      expect((await ctx().anonymous.get('/api/notifications')).status).toBe(401);
    });
  });

  describe('POST /api/notifications/read', () => {
    async function threeNotifications(reader: TestUser) {
      const { author, threadId } = await publicThread();
      for (let i = 0; i < 3; i++) {
        await notifyNow({ recipientIds: [reader.id], actorId: author.id, threadId });
      }
      return (await list(reader)).items.map((item: any) => item.id as number);
    }

    it("marks my notifications by id, idempotently, and never someone else's", async () => {
      const reader = await ctx().newUser();
      const other = await ctx().newUser();
      const mine = await threeNotifications(reader);
      const theirs = await threeNotifications(other);

      const body = { ids: [mine[0], mine[1], theirs[0]] };
      expect(expectStatus(await reader.client.post('/api/notifications/read', body), 200)).toEqual({
        unreadCount: 1,
      });
      expect(expectStatus(await reader.client.post('/api/notifications/read', body), 200)).toEqual({
        unreadCount: 1,
      });
      expect((await list(other)).unreadCount).toBe(3);
      const readAt = (await list(reader)).items.map((item: any) => item.readAt !== null);
      expect(readAt).toEqual([true, true, false]);
    });

    it('marks all of mine as read, and tells my other tabs', async () => {
      const reader = await ctx().newUser();
      const other = await ctx().newUser();
      await threeNotifications(reader);
      await threeNotifications(other);

      const reply = await reader.client.post('/api/notifications/read', { all: true });
      expect(expectStatus(reply, 200)).toEqual({ unreadCount: 0 });
      expect((await list(other)).unreadCount).toBe(3);
      const [event] = await ctx()
        .db.select()
        .from(events)
        .where(and(eq(events.type, 'notification.read'), eq(events.actorId, reader.id)));
      expect(event?.topics).toEqual([`user:${reader.id}`]);
      expect(
        expectStatus(await reader.client.post('/api/notifications/read', { all: true }), 200),
      ).toEqual({
        unreadCount: 0,
      });
    });

    it('refuses bodies that are not exactly one of ids or all', async () => {
      const user = await ctx().newUser();
      const bodies = [
        {},
        { ids: [1], all: true },
        { ids: [] },
        { ids: Array.from({ length: 201 }, (_, i) => i + 1) },
        { ids: ['1'] },
        { ids: [0] },
        { ids: 1 },
        { all: 'yes' },
        { all: false },
        [],
      ];
      for (const body of bodies) {
        const reply = await user.client.post('/api/notifications/read', body);
        expect(reply.status, JSON.stringify(body).slice(0, 40)).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
      }
      const noBody = await user.client.request('POST', '/api/notifications/read');
      expect(noBody.status).toBe(400);
      expect((await ctx().anonymous.post('/api/notifications/read', { all: true })).status).toBe(
        401,
      );
    });
  });
});
