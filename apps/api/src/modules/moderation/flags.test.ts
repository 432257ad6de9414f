import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import { decide, itemOfPost, publishCharter } from './moderation-fixtures.ts';

describe('moderation: flags', () => {
  const ctx = useTestContext();

  describe('flags', () => {
    it('ignores repeat flags, hides the post at the threshold and tells flaggers the outcome', async () => {
      const admin = await ctx().newUser({ role: 'admin' });
      await publishCharter(admin);
      expectStatus(
        await admin.client.put('/api/mod/settings', { premoderatedPosts: 3, flagHideThreshold: 2 }),
        200,
      );
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(owner, group.slug);
      const author = await ctx().newUser();
      const post = await ctx().newPost(author, thread.id, 'Un message limite');
      const [first, second] = [await ctx().newUser(), await ctx().newUser()];
      const flag = (user: typeof first, clause = 1) =>
        user.client.post(`/api/posts/${post.id}/flags`, { clause, note: 'insultant' });

      expect(expectStatus(await flag(first), 200)).toEqual({ recorded: true, hidden: false });
      expect(expectStatus(await flag(first), 200)).toEqual({ recorded: false, hidden: false });
      expect((await flag(author)).status).toBe(403);
      expect((await flag(second, 99)).status).toBe(400);
      expect(expectStatus(await flag(second), 200)).toEqual({ recorded: true, hidden: true });

      // The group owner moderates the group and still sees it; other members do not.
      const read = expectStatus(await first.client.get(`/api/threads/${thread.id}`), 200);
      expect(read.posts.map((entry: { id: number }) => entry.id)).not.toContain(post.id);
      const item = await itemOfPost(admin, post.id);
      expect(item.kind).toBe('flagged_post');
      expect(item.reasons.filter((reason) => reason.source === 'flag')).toHaveLength(2);

      expectStatus(
        await decide(admin, item.id, {
          decision: 'reject',
          clause: 1,
          message: 'Propos insultants.',
        }),
        200,
      );
      for (const flagger of [first, second]) {
        const list = expectStatus(await flagger.client.get('/api/notifications'), 200);
        expect(list.items[0]).toMatchObject({
          type: 'moderation',
          data: { flagOutcome: 'upheld' },
        });
      }
      const authorNotices = expectStatus(await author.client.get('/api/notifications'), 200);
      expect(authorNotices.items[0].data).toMatchObject({
        decision: 'reject',
        clause: 1,
        message: 'Propos insultants.',
      });
      expectStatus(
        await admin.client.put('/api/mod/settings', { premoderatedPosts: 3, flagHideThreshold: 3 }),
        200,
      );
    });
  });
});
