import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import { decide, groupWithNewcomer, itemOfPost } from './moderation-fixtures.ts';

describe('moderation: audit log', () => {
  const ctx = useTestContext();

  describe('audit log', () => {
    it('records decisions with actor, clause, before and after; exports CSV; refuses changes in the database', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const moderator = await ctx().newUser({ role: 'moderator' });
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(newcomer, thread.id, 'À cacher');
      const item = await itemOfPost(moderator, post.id);
      expectStatus(
        await decide(moderator, item.id, { decision: 'hide', clause: 2, message: 'Données perso' }),
        200,
      );

      const log = expectStatus(
        await moderator.client.get(`/api/mod/audit?targetType=post&targetId=${post.id}`),
        200,
      );
      expect(log.items.map((entry: { action: string }) => entry.action)).toEqual([
        'item.hide',
        'post.hold',
      ]);
      expect(log.items[0]).toMatchObject({
        actorId: moderator.id,
        actorName: moderator.displayName,
        targetLabel: thread.title,
        targetHref: `/threads/${thread.id}#post-${post.id}`,
        clause: 2,
        before: { state: 'pending' },
        after: { state: 'hidden' },
        note: 'Données perso',
      });
      const searched = expectStatus(await moderator.client.get('/api/mod/audit?q=perso'), 200);
      expect(searched.items.map((entry: { targetId: number }) => entry.targetId)).toContain(
        post.id,
      );
      const csv = await moderator.client.get(`/api/mod/audit.csv?targetId=${post.id}`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(String(csv.body).split('\r\n')[0]).toBe(
        'id,createdAt,actorId,actorName,action,targetType,targetId,targetLabel,groupId,clause,before,after,note',
      );
      expect(String(csv.body)).toContain('item.hide');
      expect((await owner.client.get('/api/mod/audit')).status).toBe(403);

      // The app's own connection, the one every service uses.
      const db = ctx().db;
      for (const statement of [
        sql`update audit_log set note = 'rewritten'`,
        sql`delete from audit_log`,
        sql`truncate audit_log`,
      ]) {
        const error = await db.execute(statement).then(
          () => null,
          (failure: Error & { cause?: Error }) => failure,
        );
        expect(String(error?.cause?.message ?? error?.message)).toMatch(/audit_log is append-only/);
      }
      const after = expectStatus(
        await moderator.client.get(`/api/mod/audit?targetId=${post.id}`),
        200,
      );
      expect(after.items[0].note).toBe('Données perso');
    });
  });

  it("records moderation done outside the queue: locks, edits and deletions of others' posts, group roles", async () => {
    const owner = await ctx().newUser();
    const group = await ctx().newGroup(owner);
    const author = await ctx().newUser();
    const staff = await ctx().newUser({ role: 'moderator' });
    const { thread } = await ctx().newThread(author, group.slug);
    const post = await ctx().newPost(author, thread.id, 'Premier jet');
    expectStatus(await owner.client.put(`/api/threads/${thread.id}/lock`, { locked: true }), 200);
    expectStatus(await owner.client.patch(`/api/posts/${post.id}`, { body: 'Corrigé' }), 200);
    expectStatus(await owner.client.delete(`/api/posts/${post.id}`), 200);
    await ctx().join(author, group.slug);
    const url = `/api/groups/${group.slug}/members/${author.handle}`;
    expectStatus(await owner.client.put(url, { role: 'moderator' }), 200);
    const own = await ctx().newPost(owner, thread.id, 'Mon propre message');
    expectStatus(await owner.client.delete(`/api/posts/${own.id}`), 200);

    const log = expectStatus(await staff.client.get(`/api/mod/audit?actor=${owner.id}`), 200);
    expect(
      log.items.map((entry: { action: string; targetId: number }) => [
        entry.action,
        entry.targetId,
      ]),
    ).toEqual([
      ['group.member_role', author.id],
      ['post.delete', post.id],
      ['post.edit', post.id],
      ['thread.lock', thread.id],
    ]);
    expect(log.items[2]).toMatchObject({
      before: { bodySource: 'Premier jet' },
      after: { bodySource: 'Corrigé' },
    });
  });
});
