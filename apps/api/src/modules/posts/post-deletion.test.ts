// Deleting posts through the public API on a real database: counters, acceptance and thanks, and
// the opening post taking its thread with it.
import { and, eq } from 'drizzle-orm';
import { searchOutbox, thanks, threads } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('deleting posts', () => {
  const ctx = useTestContext();

  // Registering hashes a password (slow): the cast is made once and shared by the tests.
  let cast: { owner: TestUser; asker: TestUser; helper: TestUser; follower: TestUser } | undefined;
  async function people() {
    cast ??= {
      owner: await ctx().newUser(),
      asker: await ctx().newUser(),
      helper: await ctx().newUser(),
      follower: await ctx().newUser(),
    };
    return cast;
  }

  async function threadRow(id: number) {
    const [row] = await ctx().db.select().from(threads).where(eq(threads.id, id));
    return row!;
  }

  const thanksOf = (threadId: number) =>
    ctx().db.select().from(thanks).where(eq(thanks.threadId, threadId));

  const userUpdatesOf = async (userId: number) =>
    (
      await ctx()
        .db.select()
        .from(searchOutbox)
        .where(and(eq(searchOutbox.documentType, 'user'), eq(searchOutbox.documentId, userId)))
    ).length;

  it('deletes an answer: omitted from the thread, answerCount down, acceptance cleared', async () => {
    const { owner, asker, helper, follower } = await people();
    const group = await ctx().newGroup(owner);
    const { thread } = await ctx().newThread(asker, group.slug);
    const kept = await ctx().newPost(follower, thread.id, 'kept');
    const accepted = await ctx().newPost(helper, thread.id, 'accepted then deleted');
    await ctx()
      .db.update(threads)
      .set({ acceptedPostId: accepted.id })
      .where(eq(threads.id, thread.id));
    const denied = await asker.client.delete(`/api/posts/${accepted.id}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('not_post_author');

    expect(expectStatus(await helper.client.delete(`/api/posts/${accepted.id}`), 200)).toEqual({
      ok: true,
    });
    const row = await threadRow(thread.id);
    expect(row.answerCount).toBe(1);
    expect(row.acceptedPostId).toBeNull();
    const detail = expectStatus(await asker.client.get(`/api/threads/${thread.id}`), 200);
    expect(detail.posts.map((post: { id: number }) => post.id)).not.toContain(accepted.id);
    expect(detail.posts.map((post: { id: number }) => post.id)).toContain(kept.id);
    expect((await helper.client.delete(`/api/posts/${accepted.id}`)).status).toBe(404);
    expect((await helper.client.get(`/api/posts/${accepted.id}/revisions`)).status).toBe(404);
    const outbox = await ctx()
      .db.select()
      .from(searchOutbox)
      .where(and(eq(searchOutbox.documentType, 'post'), eq(searchOutbox.documentId, accepted.id)));
    expect(outbox.map((entry) => entry.operation)).toContain('delete');

    expectStatus(await owner.client.delete(`/api/posts/${kept.id}`), 200);
    expect((await threadRow(thread.id)).answerCount).toBe(0);
  });

  it('removes the thanks with the accepted answer, and only with it', async () => {
    const { owner, asker, helper, follower } = await people();
    const group = await ctx().newGroup(owner);
    const { thread } = await ctx().newThread(asker, group.slug);
    const answer = await ctx().newPost(helper, thread.id, 'the answer that helped');
    const other = await ctx().newPost(follower, thread.id, 'another answer');
    const accepted = `/api/threads/${thread.id}/accepted`;
    expectStatus(await asker.client.put(accepted, { postId: answer.id }), 200);
    const thanked = `/api/threads/${thread.id}/thanks`;
    expectStatus(await asker.client.put(thanked, { rating: 5, message: 'Saved my week' }), 200);

    expectStatus(await follower.client.delete(`/api/posts/${other.id}`), 200);
    expect(await thanksOf(thread.id)).toHaveLength(1);

    const updatesBefore = await userUpdatesOf(helper.id);
    expectStatus(await helper.client.delete(`/api/posts/${answer.id}`), 200);
    expect(await thanksOf(thread.id)).toEqual([]);
    // The helper's rating is part of their profile document.
    expect(await userUpdatesOf(helper.id)).toBe(updatesBefore + 1);
    const detail = expectStatus(await asker.client.get(`/api/threads/${thread.id}`), 200);
    expect(detail.thread.acceptedPostId).toBeNull();
    expect(detail.thanks).toBeNull();
    const profile = expectStatus(await asker.client.get(`/api/users/${helper.handle}`), 200);
    expect(profile.ratings.count).toBe(0);
  });

  it('deleting the opening post deletes the thread', async () => {
    const { owner, asker } = await people();
    const group = await ctx().newGroup(owner);
    const detail = await ctx().newThread(asker, group.slug);
    expectStatus(await asker.client.delete(`/api/posts/${detail.posts[0].id}`), 200);
    expect((await asker.client.get(`/api/threads/${detail.thread.id}`)).status).toBe(404);
    expect((await threadRow(detail.thread.id)).deletedAt).toBeInstanceOf(Date);
  });
});
