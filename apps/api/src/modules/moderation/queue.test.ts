import { eq, sql } from 'drizzle-orm';
import { events, moderationItems } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import { decide, groupWithNewcomer, itemOfPost, openItems } from './moderation-fixtures.ts';

describe('moderation: queue', () => {
  const ctx = useTestContext();

  describe('decisions', () => {
    it('edits a held post, locks a thread, and warns an author', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const moderator = await ctx().newUser({ role: 'moderator' });
      const { thread } = await ctx().newThread(owner, group.slug);
      const edited = await ctx().newPost(newcomer, thread.id, 'Appelez Paul au 06 12 34 56 78');
      const editItem = await itemOfPost(moderator, edited.id);
      expectStatus(
        await decide(moderator, editItem.id, {
          decision: 'edit',
          body: 'Appelez Paul (numéro retiré)',
        }),
        200,
      );
      const read = expectStatus(await owner.client.get(`/api/threads/${thread.id}`), 200);
      const post = read.posts.find((entry: { id: number }) => entry.id === edited.id);
      expect(post).toMatchObject({
        state: 'published',
        bodySource: 'Appelez Paul (numéro retiré)',
        revisionCount: 2,
      });

      const locked = await ctx().newPost(newcomer, thread.id, 'Le débat dérape');
      const lockItem = await itemOfPost(moderator, locked.id);
      expectStatus(await decide(moderator, lockItem.id, { decision: 'lock_thread' }), 200);
      const after = expectStatus(await owner.client.get(`/api/threads/${thread.id}`), 200);
      expect(after.thread.status).toBe('locked');

      const other = await ctx().newThread(owner, group.slug);
      const warned = await ctx().newPost(newcomer, other.thread.id, 'Limite');
      const warnItem = await itemOfPost(moderator, warned.id);
      const noClause = await decide(moderator, warnItem.id, { decision: 'warn' });
      expect(noClause.body.error.fields).toHaveProperty('clause');
      expectStatus(
        await decide(moderator, warnItem.id, {
          decision: 'warn',
          clause: 1,
          message: 'Attention au ton',
        }),
        200,
      );
      const mine = expectStatus(await newcomer.client.get('/api/me/sanctions'), 200);
      expect(mine).toMatchObject({ suspendedUntil: null, items: [{ kind: 'warning', clause: 1 }] });
      const detail = expectStatus(await moderator.client.get(`/api/mod/queue/${warnItem.id}`), 200);
      expect(detail.sanctions).toHaveLength(1);
    });
  });

  describe('queue', () => {
    it('lets one of two moderators claim an item; the other gets a 409 with a clear code', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const [one, two] = [
        await ctx().newUser({ role: 'moderator' }),
        await ctx().newUser({ role: 'moderator' }),
      ];
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(newcomer, thread.id, 'À valider');
      const item = await itemOfPost(one, post.id);
      const [a, b] = await Promise.all([
        one.client.post(`/api/mod/queue/${item.id}/claim`),
        two.client.post(`/api/mod/queue/${item.id}/claim`),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [winner, loser] = a.status === 200 ? [one, two] : [two, one];
      const lost = a.status === 409 ? a : b;
      expect(lost.body.error.code).toBe('item_claimed');
      const blocked = await decide(loser, item.id, { decision: 'approve' });
      expect(blocked.body.error.code).toBe('item_claimed');
      expectStatus(await decide(winner, item.id, { decision: 'approve' }), 200);
      const again = await decide(winner, item.id, {
        decision: 'reject',
        clause: 1,
        message: 'non',
      });
      expect(again.body.error.code).toBe('item_resolved');
    });

    it('shows group moderators only their groups, and members nothing', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const otherOwner = await ctx().newUser();
      const other = await ctx().newGroup(otherOwner);
      const here = await ctx().newThread(owner, group.slug);
      const there = await ctx().newThread(otherOwner, other.slug);
      const mine = await ctx().newPost(newcomer, here.thread.id, 'Ici');
      const theirs = await ctx().newPost(newcomer, there.thread.id, 'Là-bas');

      const visible = await openItems(owner);
      expect(visible.map((item) => item.post?.id)).toContain(mine.id);
      expect(visible.map((item) => item.post?.id)).not.toContain(theirs.id);
      const staff = await ctx().newUser({ role: 'moderator' });
      const theirItem = await itemOfPost(staff, theirs.id);
      expect((await owner.client.get(`/api/mod/queue/${theirItem.id}`)).status).toBe(404);
      expect((await decide(owner, theirItem.id, { decision: 'approve' })).status).toBe(404);
      expect((await owner.client.post(`/api/mod/queue/${theirItem.id}/claim`)).status).toBe(404);

      const member = await ctx().newUser();
      const refused = await member.client.get('/api/mod/queue');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect((await member.client.get('/api/mod/health')).status).toBe(403);

      const mineItem = await itemOfPost(owner, mine.id);
      // Anyone may own a group; a site-wide suspension is for site staff only.
      const suspend = { decision: 'suspend', clause: 1, days: 1, message: 'non' };
      expect((await decide(owner, mineItem.id, suspend)).status).toBe(403);
      const detail = expectStatus(await owner.client.get(`/api/mod/queue/${mineItem.id}`), 200);
      expect(detail.context[0].kind).toBe('opening');
      expect(detail.authorHistory).toMatchObject({ trustLevel: 0 });
      expect(detail.sanctions).toEqual([]);
      const bulk = expectStatus(
        await owner.client.post('/api/mod/queue/bulk', {
          itemIds: [mineItem.id, theirItem.id],
          decision: 'approve',
        }),
        200,
      );
      expect(bulk).toEqual({
        decided: [mineItem.id],
        skipped: [{ id: theirItem.id, code: 'not_found' }],
      });
    });

    it('suspends an author: no posting, voting or flagging, and they see the end date', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const moderator = await ctx().newUser({ role: 'moderator' });
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(newcomer, thread.id, 'Pub pub pub');
      const item = await itemOfPost(moderator, post.id);
      const missing = await decide(moderator, item.id, { decision: 'suspend', clause: 3 });
      expect(missing.body.error.fields).toHaveProperty('days');
      expectStatus(
        await decide(moderator, item.id, {
          decision: 'suspend',
          clause: 3,
          days: 7,
          message: 'Spam',
        }),
        200,
      );

      const posting = await newcomer.client.post(`/api/threads/${thread.id}/posts`, {
        body: 'encore',
      });
      expect(posting.body.error.code).toBe('account_suspended');
      const voting = await newcomer.client.put(
        `/api/posts/${thread.openingPostId ?? (await openingOf(thread.id))}/vote`,
        { value: 1 },
      );
      expect(voting.body.error.code).toBe('account_suspended');
      const other = await ctx().newPost(owner, thread.id, 'Réponse du propriétaire');
      const flagging = await newcomer.client.post(`/api/posts/${other.id}/flags`, { clause: 1 });
      expect(flagging.body.error.code).toBe('account_suspended');
      const mine = expectStatus(await newcomer.client.get('/api/me/sanctions'), 200);
      const days = (Date.parse(mine.suspendedUntil) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(mine.items[0]).toMatchObject({ kind: 'suspension', clause: 3, message: 'Spam' });
    });
  });

  async function openingOf(threadId: number): Promise<number> {
    const rows = await ctx().db.execute(
      sql`select id from posts where thread_id = ${threadId} and kind = 'opening'`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: { id: number }[] }).rows) as {
      id: number;
    }[];
    return list[0]!.id;
  }

  describe('queue health and events', () => {
    it('counts waiting items, the oldest age and decisions per moderator per day', async () => {
      const moderator = await ctx().newUser({ role: 'moderator' });
      const before = expectStatus(await moderator.client.get('/api/mod/health'), 200);
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(newcomer, thread.id, 'Encore un');
      const health = expectStatus(await moderator.client.get('/api/mod/health'), 200);
      expect(health.waiting).toBe(before.waiting + 1);
      expect(health.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
      const item = await itemOfPost(moderator, post.id);
      expectStatus(await decide(moderator, item.id, { decision: 'approve' }), 200);
      const after = expectStatus(await moderator.client.get('/api/mod/health'), 200);
      expect(after.decisionsPerDay).toContainEqual({
        day: new Date().toISOString().slice(0, 10),
        moderatorId: moderator.id,
        moderatorName: moderator.displayName,
        decisions: 1,
      });
      const queueEvents = await ctx()
        .db.select()
        .from(events)
        .where(sql`'moderation' = any(${events.topics})`)
        // Without an order, a PostgreSQL server may return the rows in any order.
        .orderBy(events.id);
      const types = queueEvents
        .filter((event) => event.payload.itemId === item.id)
        .map((event) => event.type);
      expect(types).toEqual(['moderation.item_created', 'moderation.item_resolved']);
      const [row] = await ctx()
        .db.select()
        .from(moderationItems)
        .where(eq(moderationItems.id, item.id));
      expect(row).toMatchObject({
        status: 'resolved',
        decision: 'approve',
        decidedBy: moderator.id,
      });
    });
  });
});
