// Posts through the public API on a real database: answering, replying and editing.
import { and, eq } from 'drizzle-orm';
import { events, follows, notifications, searchOutbox, threads, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('posts', () => {
  const ctx = useTestContext();

  // Registering hashes a password (slow): the cast is made once and shared by the tests.
  let cast:
    | { owner: TestUser; asker: TestUser; helper: TestUser; follower: TestUser; staff: TestUser }
    | undefined;
  async function people() {
    cast ??= {
      owner: await ctx().newUser(),
      asker: await ctx().newUser(),
      helper: await ctx().newUser(),
      follower: await ctx().newUser(),
      staff: await ctx().newUser({ role: 'moderator' }),
    };
    return cast;
  }

  async function threadRow(id: number) {
    const [row] = await ctx().db.select().from(threads).where(eq(threads.id, id));
    return row!;
  }

  async function notificationsOfPost(postId: number) {
    const rows = await ctx()
      .db.select()
      .from(notifications)
      .where(eq(notifications.postId, postId))
      .orderBy(notifications.userId);
    return rows.map((row) => ({ userId: row.userId, type: row.type, actorId: row.actorId }));
  }

  describe('creating', () => {
    it('answers a question: 201 Post, counters, activity, follow, event and search work', async () => {
      const { owner, asker, helper } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(asker, group.slug);
      const before = await threadRow(thread.id);
      const reply = await helper.client.post(`/api/threads/${thread.id}/posts`, {
        body: 'Try the *checklist* from HR.',
      });
      const post = expectStatus(reply, 201);
      expect(post).toEqual({
        id: expect.any(Number),
        threadId: thread.id,
        kind: 'answer',
        author: {
          id: helper.id,
          handle: helper.handle,
          displayName: helper.displayName,
          jobTitle: '',
          department: '',
          site: '',
        },
        bodyHtml: expect.stringContaining('<em>checklist</em>'),
        bodySource: 'Try the *checklist* from HR.',
        state: 'published',
        score: 0,
        myVote: 0,
        isAccepted: false,
        revisionCount: 1,
        createdAt: expect.any(String),
        editedAt: null,
      });
      const after = await threadRow(thread.id);
      expect(after.answerCount).toBe(1);
      expect(after.lastActivityAt.getTime()).toBeGreaterThan(before.lastActivityAt.getTime());
      const following = await ctx()
        .db.select()
        .from(follows)
        .where(and(eq(follows.userId, helper.id), eq(follows.targetId, thread.id)));
      expect(following).toHaveLength(1);
      const [event] = await ctx()
        .db.select()
        .from(events)
        .where(eq(events.type, 'post.created'))
        .orderBy(events.id);
      expect(event).toMatchObject({
        topics: [`thread:${thread.id}`, `group:${group.id}`],
        actorId: helper.id,
        payload: { postId: post.id, threadId: thread.id, kind: 'answer', authorId: helper.id },
      });
      const outbox = await ctx()
        .db.select()
        .from(searchOutbox)
        .where(and(eq(searchOutbox.documentType, 'post'), eq(searchOutbox.documentId, post.id)));
      expect(outbox).toHaveLength(1);
      const detail = expectStatus(await helper.client.get(`/api/threads/${thread.id}`), 200);
      expect(detail.posts[1]).toEqual(post);
      expect(detail.viewer.following).toBe(true);
    });

    it('replies in a discussion without counting an answer', async () => {
      const { owner, helper } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(owner, group.slug, { kind: 'discussion' });
      const post = await ctx().newPost(helper, thread.id, 'Count me in.');
      expect(post.kind).toBe('reply');
      expect((await threadRow(thread.id)).answerCount).toBe(0);
    });

    it('notifies the asker, the mentioned and the followers, each once, never the poster', async () => {
      const { owner, asker, helper, follower, staff } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(asker, group.slug);
      expectStatus(await follower.client.put(`/api/follows/thread/${thread.id}`), 200);
      const first = await ctx().newPost(
        helper,
        thread.id,
        `@${asker.handle} @${staff.handle} @${helper.handle} see this`,
      );
      expect(await notificationsOfPost(first.id)).toEqual(
        [
          { userId: asker.id, type: 'answer', actorId: helper.id },
          { userId: follower.id, type: 'reply', actorId: helper.id },
          { userId: staff.id, type: 'mention', actorId: helper.id },
        ].sort((a, b) => a.userId - b.userId),
      );
      // The helper now follows the thread (auto-follow) and is told about the next answer.
      const second = await ctx().newPost(follower, thread.id, 'Another idea.');
      expect(await notificationsOfPost(second.id)).toEqual(
        [
          { userId: asker.id, type: 'answer', actorId: follower.id },
          { userId: helper.id, type: 'reply', actorId: follower.id },
        ].sort((a, b) => a.userId - b.userId),
      );
      // The asker answering their own question is no "answer" notification to themselves.
      const own = await ctx().newPost(asker, thread.id, 'Update: solved it.');
      const ownNotified = await notificationsOfPost(own.id);
      expect(ownNotified.map((row) => row.userId)).not.toContain(asker.id);
      expect(ownNotified.every((row) => row.type === 'reply')).toBe(true);
    });

    it('does not notify mentioned people who cannot read a private group', async () => {
      const { owner, helper, follower } = await people();
      const group = await ctx().newGroup(owner, { visibility: 'private' });
      expectStatus(
        await owner.client.put(`/api/groups/${group.slug}/members/${helper.handle}`, {
          role: 'member',
        }),
        200,
      );
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(helper, thread.id, `@${follower.handle} look`);
      expect(await notificationsOfPost(post.id)).toEqual([
        { userId: owner.id, type: 'answer', actorId: helper.id },
      ]);
    });

    it('refuses bad input, unknown threads, private threads and suspended posters', async () => {
      const { owner, helper, asker } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(owner, group.slug);
      const url = `/api/threads/${thread.id}/posts`;
      for (const body of [
        { body: '' },
        { body: '  \n ' },
        { body: 'x'.repeat(50_001) },
        { body: 5 },
        {},
      ]) {
        const reply = await helper.client.post(url, body);
        expect(reply.status, JSON.stringify(body).slice(0, 40)).toBe(400);
        expect(reply.body.error.fields).toHaveProperty('body');
      }
      const unknown = await helper.client.post('/api/threads/999999/posts', { body: 'hello' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('thread_not_found');
      expect((await helper.client.post('/api/threads/x/posts', { body: 'hello' })).status).toBe(
        400,
      );

      const secret = await ctx().newGroup(owner, { visibility: 'private' });
      const hidden = await ctx().newThread(owner, secret.slug);
      const refused = await helper.client.post(`/api/threads/${hidden.thread.id}/posts`, {
        body: 'Let me in',
      });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('thread_not_found');

      await ctx()
        .db.update(users)
        .set({ suspendedUntil: new Date(Date.now() + 3_600_000) })
        .where(eq(users.id, asker.id));
      try {
        const suspended = await asker.client.post(url, { body: 'hello' });
        expect(suspended.body.error.code).toBe('account_suspended');
      } finally {
        await ctx().db.update(users).set({ suspendedUntil: null }).where(eq(users.id, asker.id));
      }
      expect((await threadRow(thread.id)).answerCount).toBe(0);
    });
  });

  describe('editing', () => {
    it('keeps every revision, newest first, and marks the post edited', async () => {
      const { owner, asker, helper } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(asker, group.slug);
      const post = await ctx().newPost(helper, thread.id, 'first version');
      const edited = expectStatus(
        await helper.client.patch(`/api/posts/${post.id}`, { body: 'second **version**' }),
        200,
      );
      expect(edited).toMatchObject({
        id: post.id,
        bodySource: 'second **version**',
        bodyHtml: expect.stringContaining('<strong>version</strong>'),
        revisionCount: 2,
        editedAt: expect.any(String),
      });
      const revisions = expectStatus(
        await asker.client.get(`/api/posts/${post.id}/revisions`),
        200,
      );
      expect(revisions).toEqual({
        items: [
          {
            revision: 2,
            editor: expect.objectContaining({ id: helper.id, handle: helper.handle }),
            title: null,
            bodySource: 'second **version**',
            createdAt: expect.any(String),
          },
          {
            revision: 1,
            editor: expect.objectContaining({ id: helper.id }),
            title: null,
            bodySource: 'first version',
            createdAt: expect.any(String),
          },
        ],
      });
      const [event] = await ctx().db.select().from(events).where(eq(events.type, 'post.updated'));
      expect(event?.payload).toMatchObject({ postId: post.id });
    });

    it('notifies only the people newly mentioned by an edit', async () => {
      const { owner, asker, helper, follower } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(helper, thread.id, `cc @${asker.handle}`);
      expectStatus(
        await helper.client.patch(`/api/posts/${post.id}`, {
          body: `cc @${asker.handle} @${follower.handle}`,
        }),
        200,
      );
      const mentions = (await notificationsOfPost(post.id)).filter((row) => row.type === 'mention');
      expect(mentions.map((row) => row.userId).sort()).toEqual([asker.id, follower.id].sort());
    });

    it("refuses editing another's post (403), lets moderators edit, refuses locked threads (409)", async () => {
      const { owner, asker, helper, staff } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(asker, group.slug);
      const post = await ctx().newPost(helper, thread.id);
      const denied = await asker.client.patch(`/api/posts/${post.id}`, { body: 'mine now' });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('not_post_author');
      expectStatus(await staff.client.patch(`/api/posts/${post.id}`, { body: 'moderated' }), 200);
      expect((await helper.client.patch(`/api/posts/${post.id}`, { body: '' })).status).toBe(400);
      expect((await helper.client.patch('/api/posts/999999', { body: 'x' })).status).toBe(404);

      expectStatus(await owner.client.put(`/api/threads/${thread.id}/lock`, { locked: true }), 200);
      const locked = await helper.client.patch(`/api/posts/${post.id}`, { body: 'too late' });
      expect(locked.status).toBe(409);
      expect(locked.body.error.code).toBe('thread_locked');
    });

    it('hides revisions of posts in private groups from non-members', async () => {
      const { owner, helper } = await people();
      const group = await ctx().newGroup(owner, { visibility: 'private' });
      const detail = await ctx().newThread(owner, group.slug);
      const reply = await helper.client.get(`/api/posts/${detail.posts[0].id}/revisions`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('post_not_found');
    });
  });
});
