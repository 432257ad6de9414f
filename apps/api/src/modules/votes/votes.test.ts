// Votes, accepted answers and thanks, through the public API on a real database.
import { and, eq } from 'drizzle-orm';
import { events, notifications, searchOutbox, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('votes, accepted answers and thanks', () => {
  const ctx = useTestContext();

  /** A public group with a question by `asker` and one answer by `helper`. */
  async function questionWithAnswer(options: { anonymous?: boolean } = {}) {
    const owner = await ctx().newUser();
    const asker = await ctx().newUser();
    const helper = await ctx().newUser();
    const group = await ctx().newGroup(owner);
    const detail = await ctx().newThread(asker, group.slug, { anonymous: options.anonymous });
    const threadId: number = detail.thread.id;
    const openingPostId: number = detail.posts[0].id;
    const answer = await ctx().newPost(helper, threadId);
    return { owner, asker, helper, group, threadId, openingPostId, answerId: answer.id as number };
  }

  const readThread = async (user: TestUser, threadId: number) =>
    expectStatus(await user.client.get(`/api/threads/${threadId}`), 200);

  const postIn = (detail: { posts: { id: number }[] }, postId: number) =>
    detail.posts.find((post) => post.id === postId) as Record<string, unknown>;

  const notificationsOf = (userId: number, type: 'accepted' | 'thanks') =>
    ctx()
      .db.select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));

  describe('PUT /api/posts/:id/vote', () => {
    it('votes a question up, then down, then withdraws; the thread score follows', async () => {
      const { asker, threadId, openingPostId } = await questionWithAnswer();
      const voter = await ctx().newUser();
      const vote = (value: number) =>
        voter.client.put(`/api/posts/${openingPostId}/vote`, { value });

      expect(expectStatus(await vote(1), 200)).toEqual({
        postId: openingPostId,
        score: 1,
        myVote: 1,
      });
      let seen = await readThread(voter, threadId);
      expect(seen.thread.score).toBe(1);
      expect(postIn(seen, openingPostId)).toMatchObject({ score: 1, myVote: 1 });
      expect(postIn(await readThread(asker, threadId), openingPostId).myVote).toBe(0);

      expect(expectStatus(await vote(-1), 200)).toEqual({
        postId: openingPostId,
        score: -1,
        myVote: -1,
      });
      expect((await readThread(voter, threadId)).thread.score).toBe(-1);

      expect(expectStatus(await vote(0), 200)).toEqual({
        postId: openingPostId,
        score: 0,
        myVote: 0,
      });
      seen = await readThread(voter, threadId);
      expect(seen.thread.score).toBe(0);
      expect(postIn(seen, openingPostId)).toMatchObject({ score: 0, myVote: 0 });
    });

    it('moves an answer score without touching the thread score', async () => {
      const { threadId, answerId } = await questionWithAnswer();
      const voter = await ctx().newUser();
      expectStatus(await voter.client.put(`/api/posts/${answerId}/vote`, { value: 1 }), 200);
      const seen = await readThread(voter, threadId);
      expect(postIn(seen, answerId)).toMatchObject({ score: 1, myVote: 1 });
      expect(seen.thread.score).toBe(0);
    });

    it('is idempotent: the same vote twice counts once', async () => {
      const { answerId, threadId } = await questionWithAnswer();
      const voter = await ctx().newUser();
      const first = await voter.client.put(`/api/posts/${answerId}/vote`, { value: 1 });
      const second = await voter.client.put(`/api/posts/${answerId}/vote`, { value: 1 });
      expect(expectStatus(second, 200)).toEqual(expectStatus(first, 200));
      expect(postIn(await readThread(voter, threadId), answerId).score).toBe(1);
      const cleared = await voter.client.put(`/api/posts/${answerId}/vote`, { value: 0 });
      const clearedAgain = await voter.client.put(`/api/posts/${answerId}/vote`, { value: 0 });
      expect(expectStatus(clearedAgain, 200)).toEqual(expectStatus(cleared, 200));
      expect(postIn(await readThread(voter, threadId), answerId).score).toBe(0);
    });

    it('counts ten people voting at the same time', async () => {
      const { answerId, threadId, asker } = await questionWithAnswer();
      const voters = await Promise.all(Array.from({ length: 10 }, () => ctx().newUser()));
      const replies = await Promise.all(
        voters.map((voter) => voter.client.put(`/api/posts/${answerId}/vote`, { value: 1 })),
      );
      for (const reply of replies) expectStatus(reply, 200);
      expect(postIn(await readThread(asker, threadId), answerId).score).toBe(10);
    });

    it('counts a double click by one person once', async () => {
      const { answerId, threadId, asker } = await questionWithAnswer();
      const voter = await ctx().newUser();
      const replies = await Promise.all(
        [1, 2, 3].map(() => voter.client.put(`/api/posts/${answerId}/vote`, { value: -1 })),
      );
      for (const reply of replies) expect(expectStatus(reply, 200).myVote).toBe(-1);
      expect(postIn(await readThread(asker, threadId), answerId).score).toBe(-1);
    });

    it('records a vote.changed event without the voter, and queues the thread for search', async () => {
      const { answerId, threadId } = await questionWithAnswer();
      const voter = await ctx().newUser();
      expectStatus(await voter.client.put(`/api/posts/${answerId}/vote`, { value: 1 }), 200);
      const recorded = await ctx().db.select().from(events).where(eq(events.type, 'vote.changed'));
      const mine = recorded.find((row) => row.payload.postId === answerId)!;
      expect(mine.topics).toEqual([`thread:${threadId}`]);
      expect(mine.payload).toEqual({ threadId, postId: answerId, score: 1 });
      expect(mine.actorId).toBeNull();
      expect(JSON.stringify(mine.payload)).not.toContain(voter.handle);
      const queued = await ctx()
        .db.select()
        .from(searchOutbox)
        .where(and(eq(searchOutbox.documentType, 'thread'), eq(searchOutbox.documentId, threadId)));
      expect(queued.length).toBeGreaterThanOrEqual(2); // the thread's creation, then the vote
    });

    it('refuses a vote on your own post with 403', async () => {
      const { asker, helper, openingPostId, answerId } = await questionWithAnswer();
      const own = await asker.client.put(`/api/posts/${openingPostId}/vote`, { value: 1 });
      expect(own.status).toBe(403);
      expect(own.body.error.code).toBe('cannot_vote_own_post');
      const ownAnswer = await helper.client.put(`/api/posts/${answerId}/vote`, { value: -1 });
      expect(ownAnswer.body.error.code).toBe('cannot_vote_own_post');
    });

    it('refuses bad values and unknown posts', async () => {
      const { answerId } = await questionWithAnswer();
      const voter = await ctx().newUser();
      for (const body of [{ value: 2 }, { value: '1' }, { value: 0.5 }, {}, { value: null }]) {
        const reply = await voter.client.put(`/api/posts/${answerId}/vote`, body);
        expect(reply.status, JSON.stringify(body)).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
        expect(reply.body.error.fields).toHaveProperty('value');
      }
      const unknown = await voter.client.put('/api/posts/987654/vote', { value: 1 });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('post_not_found');
      expect((await voter.client.put('/api/posts/abc/vote', { value: 1 })).status).toBe(400);
    });

    it('answers 404 to a non-member voting in a private group, like an unknown post', async () => {
      const owner = await ctx().newUser();
      const outsider = await ctx().newUser();
      const group = await ctx().newGroup(owner, { visibility: 'private' });
      const detail = await ctx().newThread(owner, group.slug);
      const postId = detail.posts[0].id;
      const hidden = await outsider.client.put(`/api/posts/${postId}/vote`, { value: 1 });
      const unknown = await outsider.client.put('/api/posts/987655/vote', { value: 1 });
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe('post_not_found');
      expect(hidden.body.error.code).toBe(unknown.body.error.code);
    });

    it('requires a session and refuses suspended members', async () => {
      const { answerId } = await questionWithAnswer();
      const signedOut = await ctx().anonymous.put(`/api/posts/${answerId}/vote`, { value: 1 });
      expect(signedOut.status).toBe(401);
      const suspended = await ctx().newUser();
      await ctx()
        .db.update(users)
        .set({ suspendedUntil: new Date(Date.now() + 86_400_000) })
        .where(eq(users.id, suspended.id));
      const reply = await suspended.client.put(`/api/posts/${answerId}/vote`, { value: 1 });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('account_suspended');
    });

    it('refuses votes in a locked thread and on a deleted post with 409', async () => {
      const { owner, helper, threadId, answerId, openingPostId } = await questionWithAnswer();
      const voter = await ctx().newUser();
      expectStatus(await helper.client.delete(`/api/posts/${answerId}`), 200);
      const deleted = await voter.client.put(`/api/posts/${answerId}/vote`, { value: 1 });
      expect(deleted.status).toBe(409);
      expect(deleted.body.error.code).toBe('post_deleted');

      expectStatus(await owner.client.put(`/api/threads/${threadId}/lock`, { locked: true }), 200);
      const locked = await voter.client.put(`/api/posts/${openingPostId}/vote`, { value: 1 });
      expect(locked.status).toBe(409);
      expect(locked.body.error.code).toBe('thread_locked');
    });
  });

  describe('PUT and DELETE /api/threads/:id/accepted', () => {
    it('accepts an answer, shows it first, and notifies its author', async () => {
      const { asker, helper, threadId, answerId } = await questionWithAnswer();
      const better = await ctx().newUser();
      const other = await ctx().newPost(better, threadId, 'A higher voted answer.');
      const voter = await ctx().newUser();
      expectStatus(await voter.client.put(`/api/posts/${other.id}/vote`, { value: 1 }), 200);

      const reply = await asker.client.put(`/api/threads/${threadId}/accepted`, {
        postId: answerId,
      });
      expect(expectStatus(reply, 200)).toEqual({ threadId, acceptedPostId: answerId });

      const seen = await readThread(voter, threadId);
      expect(seen.thread.acceptedPostId).toBe(answerId);
      expect(seen.posts.map((post: { id: number }) => post.id).slice(1)).toEqual([
        answerId,
        other.id,
      ]);
      expect(postIn(seen, answerId).isAccepted).toBe(true);
      expect(postIn(seen, other.id).isAccepted).toBe(false);

      const [notification] = await notificationsOf(helper.id, 'accepted');
      expect(notification).toMatchObject({ actorId: asker.id, threadId, postId: answerId });
      const accepted = await ctx()
        .db.select()
        .from(events)
        .where(eq(events.type, 'answer.accepted'));
      expect(accepted.find((event) => event.payload.threadId === threadId)?.topics).toEqual([
        `thread:${threadId}`,
        expect.stringMatching(/^group:\d+$/),
      ]);
    });

    it('moves the acceptance to another answer, one at a time, idempotently', async () => {
      const { asker, helper, threadId, answerId } = await questionWithAnswer();
      const second = await ctx().newUser();
      const otherAnswer = await ctx().newPost(second, threadId);
      const accept = (postId: number) =>
        asker.client.put(`/api/threads/${threadId}/accepted`, { postId });

      expectStatus(await accept(answerId), 200);
      expectStatus(await accept(answerId), 200);
      expect(await notificationsOf(helper.id, 'accepted')).toHaveLength(1);

      expect(expectStatus(await accept(otherAnswer.id), 200).acceptedPostId).toBe(otherAnswer.id);
      const seen = await readThread(asker, threadId);
      expect(seen.thread.acceptedPostId).toBe(otherAnswer.id);
      expect(seen.posts.filter((post: { isAccepted: boolean }) => post.isAccepted)).toHaveLength(1);
      expect(seen.posts[1].id).toBe(otherAnswer.id);
      expect(await notificationsOf(second.id, 'accepted')).toHaveLength(1);
    });

    it('lets the asker accept their own answer, without notifying themself', async () => {
      const { asker, threadId } = await questionWithAnswer();
      const own = await ctx().newPost(asker, threadId, 'Found it myself: restart the agent.');
      const reply = await asker.client.put(`/api/threads/${threadId}/accepted`, {
        postId: own.id,
      });
      expect(expectStatus(reply, 200).acceptedPostId).toBe(own.id);
      expect(await notificationsOf(asker.id, 'accepted')).toHaveLength(0);
    });

    it('keeps an anonymous asker anonymous in the notification', async () => {
      const { asker, helper, threadId, answerId } = await questionWithAnswer({ anonymous: true });
      expectStatus(
        await asker.client.put(`/api/threads/${threadId}/accepted`, { postId: answerId }),
        200,
      );
      const [notification] = await notificationsOf(helper.id, 'accepted');
      expect(notification?.actorId).toBeNull();
    });

    it('withdraws the acceptance', async () => {
      const { asker, threadId, answerId } = await questionWithAnswer();
      expectStatus(
        await asker.client.put(`/api/threads/${threadId}/accepted`, { postId: answerId }),
        200,
      );
      const reply = await asker.client.delete(`/api/threads/${threadId}/accepted`);
      expect(expectStatus(reply, 200)).toEqual({ threadId, acceptedPostId: null });
      const seen = await readThread(asker, threadId);
      expect(seen.thread.acceptedPostId).toBeNull();
      expect(postIn(seen, answerId).isAccepted).toBe(false);
      const again = await asker.client.delete(`/api/threads/${threadId}/accepted`);
      expect(expectStatus(again, 200)).toEqual({ threadId, acceptedPostId: null });
    });

    it('lets only the asker accept or withdraw, not a moderator', async () => {
      const { owner, helper, threadId, answerId } = await questionWithAnswer();
      const staff = await ctx().newUser({ role: 'moderator' });
      for (const someone of [helper, owner, staff]) {
        const accept = await someone.client.put(`/api/threads/${threadId}/accepted`, {
          postId: answerId,
        });
        expect(accept.status).toBe(403);
        expect(accept.body.error.code).toBe('not_thread_author');
        const withdraw = await someone.client.delete(`/api/threads/${threadId}/accepted`);
        expect(withdraw.body.error.code).toBe('not_thread_author');
      }
    });

    it('refuses acceptance in a discussion with 409', async () => {
      const owner = await ctx().newUser();
      const replier = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const detail = await ctx().newThread(owner, group.slug, { kind: 'discussion' });
      const reply = await ctx().newPost(replier, detail.thread.id);
      const accept = await owner.client.put(`/api/threads/${detail.thread.id}/accepted`, {
        postId: reply.id,
      });
      expect(accept.status).toBe(409);
      expect(accept.body.error.code).toBe('not_a_question');
    });

    it('refuses a post that is not an answer of this thread with 409', async () => {
      const { asker, threadId, openingPostId, group } = await questionWithAnswer();
      const elsewhere = await ctx().newThread(asker, group.slug);
      const foreign = await ctx().newPost(await ctx().newUser(), elsewhere.thread.id);
      for (const postId of [foreign.id, openingPostId, 987656]) {
        const reply = await asker.client.put(`/api/threads/${threadId}/accepted`, { postId });
        expect(reply.status, String(postId)).toBe(409);
        expect(reply.body.error.code).toBe('not_an_answer');
      }
    });

    it('refuses bad bodies, unknown threads and private threads of other groups', async () => {
      const { asker, threadId } = await questionWithAnswer();
      for (const body of [{}, { postId: 'x' }, { postId: 0 }, { postId: 1.5 }]) {
        const reply = await asker.client.put(`/api/threads/${threadId}/accepted`, body);
        expect(reply.status, JSON.stringify(body)).toBe(400);
      }
      const unknown = await asker.client.put('/api/threads/987657/accepted', { postId: 1 });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('thread_not_found');

      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner, { visibility: 'private' });
      const hidden = await ctx().newThread(owner, group.slug);
      const outsider = await asker.client.put(`/api/threads/${hidden.thread.id}/accepted`, {
        postId: hidden.posts[0].id,
      });
      expect(outsider.status).toBe(404);
      expect(outsider.body.error.code).toBe('thread_not_found');
      const thanks = await asker.client.put(`/api/threads/${hidden.thread.id}/thanks`, {
        rating: 5,
      });
      expect(thanks.body.error.code).toBe('thread_not_found');
    });
  });

  describe('PUT /api/threads/:id/thanks', () => {
    async function acceptedScene() {
      const scene = await questionWithAnswer();
      expectStatus(
        await scene.asker.client.put(`/api/threads/${scene.threadId}/accepted`, {
          postId: scene.answerId,
        }),
        200,
      );
      return scene;
    }

    it('thanks the accepted answer author, then updates the rating', async () => {
      const { asker, helper, threadId, answerId } = await acceptedScene();
      const reply = await asker.client.put(`/api/threads/${threadId}/thanks`, {
        rating: 4,
        message: '  Saved my afternoon.  ',
      });
      const thanks = expectStatus(reply, 200);
      expect(thanks).toEqual({
        threadId,
        postId: answerId,
        toUserId: helper.id,
        rating: 4,
        message: 'Saved my afternoon.',
        createdAt: expect.any(String),
      });

      const updated = await asker.client.put(`/api/threads/${threadId}/thanks`, { rating: 5 });
      expect(expectStatus(updated, 200)).toMatchObject({ rating: 5, message: '' });
      const seen = await readThread(helper, threadId);
      expect(seen.thanks).toMatchObject({ rating: 5, toUserId: helper.id });

      const sent = await notificationsOf(helper.id, 'thanks');
      expect(sent.map((row) => row.data.rating)).toEqual([4, 5]);
      expect(sent[0]).toMatchObject({ actorId: asker.id, threadId, postId: answerId });
    });

    it('requires an accepted answer', async () => {
      const { asker, threadId } = await questionWithAnswer();
      const reply = await asker.client.put(`/api/threads/${threadId}/thanks`, { rating: 5 });
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('answer_not_accepted');
    });

    it('drops the thanks when the acceptance is withdrawn', async () => {
      const { asker, threadId } = await acceptedScene();
      expectStatus(await asker.client.put(`/api/threads/${threadId}/thanks`, { rating: 3 }), 200);
      expectStatus(await asker.client.delete(`/api/threads/${threadId}/accepted`), 200);
      expect((await readThread(asker, threadId)).thanks).toBeNull();
    });

    it('lets only the asker thank', async () => {
      const { helper, threadId } = await acceptedScene();
      const reply = await helper.client.put(`/api/threads/${threadId}/thanks`, { rating: 5 });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('not_thread_author');
    });

    it('refuses thanking yourself for your own accepted answer', async () => {
      const { asker, threadId } = await questionWithAnswer();
      const own = await ctx().newPost(asker, threadId, 'Answering my own question.');
      expectStatus(
        await asker.client.put(`/api/threads/${threadId}/accepted`, { postId: own.id }),
        200,
      );
      const reply = await asker.client.put(`/api/threads/${threadId}/thanks`, { rating: 5 });
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('cannot_thank_self');
    });

    it('refuses ratings outside 1..5, wrong types and long messages', async () => {
      const { asker, threadId } = await acceptedScene();
      const bodies = [
        { rating: 0 },
        { rating: 6 },
        { rating: 2.5 },
        { rating: '5' },
        {},
        { rating: 3, message: 42 },
        { rating: 3, message: 'x'.repeat(501) },
      ];
      for (const body of bodies) {
        const reply = await asker.client.put(`/api/threads/${threadId}/thanks`, body);
        expect(reply.status, JSON.stringify(body).slice(0, 40)).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
      }
      const unknown = await asker.client.put('/api/threads/987658/thanks', { rating: 5 });
      expect(unknown.status).toBe(404);
    });
  });
});
