import { eq } from 'drizzle-orm';
import { notifications } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import { decide, groupWithNewcomer, itemOfPost } from './moderation-fixtures.ts';

describe('moderation: appeals', () => {
  const ctx = useTestContext();

  describe('appeals', () => {
    it('lets the author appeal once; only another moderator decides; reinstating republishes', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const [first, second] = [
        await ctx().newUser({ role: 'moderator' }),
        await ctx().newUser({ role: 'moderator' }),
      ];
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(newcomer, thread.id, 'Mon avis tranché');
      const item = await itemOfPost(first, post.id);
      expectStatus(
        await decide(first, item.id, { decision: 'reject', clause: 1, message: 'Ton agressif.' }),
        200,
      );

      const notice = expectStatus(await newcomer.client.get('/api/notifications'), 200).items[0];
      expect(notice.data).toMatchObject({
        decision: 'reject',
        clause: 1,
        message: 'Ton agressif.',
      });
      const stranger = await ctx().newUser();
      expect(
        (await stranger.client.post('/api/appeals', { postId: post.id, message: 'moi aussi' }))
          .status,
      ).toBe(404);
      const appeal = expectStatus(
        await newcomer.client.post('/api/appeals', { postId: post.id, message: 'Relisez, svp.' }),
        201,
      );
      const twice = await newcomer.client.post('/api/appeals', {
        postId: post.id,
        message: 'encore',
      });
      expect(twice.body.error.code).toBe('already_appealed');

      const self = await first.client.post(`/api/mod/appeals/${appeal.id}/decision`, {
        outcome: 'overturned',
        message: 'ok',
      });
      expect(self.status).toBe(403);
      expect(self.body.error.code).toBe('same_moderator');
      const open = expectStatus(await second.client.get('/api/mod/appeals'), 200);
      expect(open.items.map((entry: { id: number }) => entry.id)).toContain(appeal.id);
      const decided = expectStatus(
        await second.client.post(`/api/mod/appeals/${appeal.id}/decision`, {
          outcome: 'overturned',
          message: 'Propos acceptables.',
        }),
        200,
      );
      expect(decided.status).toBe('overturned');
      const read = expectStatus(await owner.client.get(`/api/threads/${thread.id}`), 200);
      expect(read.posts.find((entry: { id: number }) => entry.id === post.id).state).toBe(
        'published',
      );
      const outcome = await ctx()
        .db.select()
        .from(notifications)
        .where(eq(notifications.userId, newcomer.id));
      expect(outcome.map((row) => row.data)).toContainEqual({
        appeal: 'overturned',
        message: 'Propos acceptables.',
      });
      const log = expectStatus(
        await second.client.get(`/api/mod/audit?targetType=appeal&targetId=${appeal.id}`),
        200,
      );
      expect(log.items.map((entry: { action: string }) => entry.action)).toEqual([
        'appeal.overturned',
        'appeal.create',
      ]);
    });

    it('lets a suspended member appeal the suspension, and lifting it restores posting', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const [first, second] = [
        await ctx().newUser({ role: 'moderator' }),
        await ctx().newUser({ role: 'admin' }),
      ];
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(newcomer, thread.id, 'Hors sujet');
      const item = await itemOfPost(first, post.id);
      expectStatus(
        await decide(first, item.id, { decision: 'suspend', clause: 1, days: 3, message: 'Pause' }),
        200,
      );
      const sanctionId = expectStatus(await newcomer.client.get('/api/me/sanctions'), 200).items[0]
        .id;
      const appeal = expectStatus(
        await newcomer.client.post('/api/appeals', { sanctionId, message: 'Erreur' }),
        201,
      );
      expectStatus(
        await second.client.post(`/api/mod/appeals/${appeal.id}/decision`, {
          outcome: 'overturned',
          message: 'Levée',
        }),
        200,
      );
      expect(
        expectStatus(await newcomer.client.get('/api/me/sanctions'), 200).suspendedUntil,
      ).toBeNull();
      const posted = await newcomer.client.post(`/api/threads/${thread.id}/posts`, {
        body: 'Merci',
      });
      expect(posted.status).toBe(201);
    });
  });
});
