import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';

describe('my data', () => {
  const ctx = useTestContext();

  it('downloads what the forum holds about me, and nothing of anyone else', async () => {
    const me = await ctx().newUser({ displayName: 'Camille Export' });
    const colleague = await ctx().newUser();
    const group = await ctx().newGroup(colleague);
    await ctx().join(me, group.slug);
    expectStatus(await me.client.patch('/api/users/me', { skills: ['python'], bio: 'Data.' }), 200);
    const mine = await ctx().newThread(me, group.slug, { anonymous: true });
    const theirs = await ctx().newThread(colleague, group.slug);
    const answer = await ctx().newPost(colleague, mine.thread.id, 'Voilà');
    const myAnswer = await ctx().newPost(me, theirs.thread.id, 'Mon avis');
    expectStatus(await me.client.put(`/api/posts/${answer.id}/vote`, { value: 1 }), 200);
    expectStatus(
      await me.client.put(`/api/threads/${mine.thread.id}/accepted`, { postId: answer.id }),
      200,
    );
    expectStatus(
      await colleague.client.put(`/api/threads/${theirs.thread.id}/accepted`, {
        postId: myAnswer.id,
      }),
      200,
    );
    expectStatus(
      await colleague.client.put(`/api/threads/${theirs.thread.id}/thanks`, {
        rating: 5,
        message: 'Merci !',
      }),
      200,
    );

    const reply = await me.client.get('/api/users/me/export');
    const data = expectStatus(reply, 200);
    expect(String(reply.headers['content-disposition'])).toMatch(
      new RegExp(`^attachment; filename="serendip-${me.handle}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    expect(data.profile).toMatchObject({
      id: me.id,
      email: me.email,
      displayName: 'Camille Export',
    });
    expect(data.skillsAndInterests).toEqual([{ tag: 'python', kind: 'skill' }]);
    expect(data.memberships.map((m: { group: string }) => m.group)).toEqual([group.slug]);
    expect(data.threads).toEqual([
      expect.objectContaining({ id: mine.thread.id, isAnonymous: true }),
    ]);
    expect(data.posts.map((post: { id: number }) => post.id)).toEqual([
      mine.posts[0].id,
      myAnswer.id,
    ]);
    expect(data.votes).toEqual([expect.objectContaining({ postId: answer.id, value: 1 })]);
    // Asking and answering follow the thread.
    expect(data.follows.map((f: { targetId: number }) => f.targetId)).toEqual([
      mine.thread.id,
      theirs.thread.id,
    ]);
    expect(data.thanksReceived).toEqual([
      expect.objectContaining({ threadId: theirs.thread.id, rating: 5, message: 'Merci !' }),
    ]);
    expect(data.thanksReceived[0]).not.toHaveProperty('fromUserId');
    expect(data.notifications.map((n: { type: string }) => n.type).sort()).toEqual([
      'accepted',
      'answer',
      'thanks',
    ]);
    expect(data.sessions).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain(colleague.email);
    expect((await ctx().anonymous.get('/api/users/me/export')).status).toBe(401);
  });
});
