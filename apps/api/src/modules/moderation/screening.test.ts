import { eq, sql } from 'drizzle-orm';
import { events, searchOutbox, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import {
  decide,
  groupWithNewcomer,
  itemOfPost,
  openItems,
  publishCharter,
} from './moderation-fixtures.ts';

describe('moderation: screening new posts', () => {
  const ctx = useTestContext();

  describe('pre-moderation of new members', () => {
    it('holds a newcomer\'s post: hidden from others, "pending" to the author, published on approval', async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const moderator = await ctx().newUser({ role: 'moderator' });
      const { thread } = await ctx().newThread(owner, group.slug);
      const post = await ctx().newPost(newcomer, thread.id, 'Bonjour, voici mon retour.');
      expect(post.state).toBe('pending');

      const reader = await ctx().newUser();
      const asReader = expectStatus(await reader.client.get(`/api/threads/${thread.id}`), 200);
      expect(asReader.posts.map((entry: { id: number }) => entry.id)).not.toContain(post.id);
      const asAuthor = expectStatus(await newcomer.client.get(`/api/threads/${thread.id}`), 200);
      expect(asAuthor.posts.find((entry: { id: number }) => entry.id === post.id).state).toBe(
        'pending',
      );
      const created = await ctx()
        .db.select()
        .from(events)
        .where(sql`${events.payload} ->> 'postId' = ${String(post.id)}`);
      expect(created.find((event) => event.type === 'post.created')?.topics).toEqual([
        `user:${newcomer.id}`,
      ]);

      const item = await itemOfPost(moderator, post.id);
      expect(item.kind).toBe('held_post');
      expect(item.reasons).toContainEqual(
        expect.objectContaining({ source: 'trust', rule: 'premoderation' }),
      );
      expect(asAuthor.thread.answerCount).toBe(0);
      expect(expectStatus(await owner.client.get('/api/notifications'), 200).items).toEqual([]);
      expectStatus(await decide(moderator, item.id, { decision: 'approve' }), 200);
      const after = expectStatus(await reader.client.get(`/api/threads/${thread.id}`), 200);
      expect(after.posts.find((entry: { id: number }) => entry.id === post.id).state).toBe(
        'published',
      );
      expect(after.thread.answerCount).toBe(1);
      const asked = expectStatus(await owner.client.get('/api/notifications'), 200);
      const notices = asked.items.map((entry: { type: string; postId: number }) => [
        entry.type,
        entry.postId,
      ]);
      expect(notices).toEqual([['answer', post.id]]);
      const outbox = await ctx()
        .db.select()
        .from(searchOutbox)
        .where(eq(searchOutbox.documentId, post.id));
      expect(outbox.length).toBeGreaterThanOrEqual(2);
    });

    it("keeps a newcomer's held question out of lists and away from other readers", async () => {
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const reader = await ctx().newUser();
      const moderator = await ctx().newUser({ role: 'moderator' });
      const { thread, posts } = await ctx().newThread(newcomer, group.slug, {
        title: 'Une question encore en attente',
      });
      expect(posts[0].state).toBe('pending');
      const listed = async (user: typeof reader) =>
        expectStatus(await user.client.get(`/api/groups/${group.slug}/threads`), 200).items.map(
          (entry: { id: number }) => entry.id,
        );
      expect(await listed(reader)).not.toContain(thread.id);
      const groupThreads = async () =>
        expectStatus(await reader.client.get(`/api/groups/${group.slug}`), 200).threadCount;
      expect(await groupThreads()).toBe(0);
      expect((await reader.client.get(`/api/threads/${thread.id}`)).status).toBe(404);
      expectStatus(await newcomer.client.get(`/api/threads/${thread.id}`), 200);
      expectStatus(await owner.client.get(`/api/threads/${thread.id}`), 200);

      const item = await itemOfPost(moderator, posts[0].id);
      expectStatus(await decide(moderator, item.id, { decision: 'approve' }), 200);
      expect(await listed(reader)).toContain(thread.id);
      expect(await groupThreads()).toBe(1);
      expectStatus(await reader.client.get(`/api/threads/${thread.id}`), 200);
    });

    it('promotes the member after the configured number of approved posts', async () => {
      const admin = await ctx().newUser({ role: 'admin' });
      expectStatus(
        await admin.client.put('/api/mod/settings', { premoderatedPosts: 2, flagHideThreshold: 3 }),
        200,
      );
      const { owner, group, newcomer } = await groupWithNewcomer(ctx());
      const { thread } = await ctx().newThread(owner, group.slug);
      for (let round = 0; round < 2; round++) {
        const post = await ctx().newPost(newcomer, thread.id, `Réponse numéro ${round}`);
        expect(post.state).toBe('pending');
        expectStatus(
          await decide(admin, (await itemOfPost(admin, post.id)).id, { decision: 'approve' }),
          200,
        );
      }
      const trusted = await ctx().newPost(newcomer, thread.id, 'Et maintenant ?');
      expect(trusted.state).toBe('published');
      const [row] = await ctx()
        .db.select({ trustLevel: users.trustLevel })
        .from(users)
        .where(eq(users.id, newcomer.id));
      expect(row!.trustLevel).toBe(1);
      expectStatus(
        await admin.client.put('/api/mod/settings', { premoderatedPosts: 3, flagHideThreshold: 3 }),
        200,
      );
    });
  });

  describe('rules', () => {
    it('rejects, holds or queues a post as each rule says, and the dry run shows the hits', async () => {
      const admin = await ctx().newUser({ role: 'admin' });
      await publishCharter(admin);
      const rule = (body: Record<string, unknown>) => admin.client.post('/api/mod/rules', body);
      const blocked = expectStatus(
        await rule({
          kind: 'blocked_terms',
          clause: 1,
          action: 'reject',
          message: 'Restez courtois.',
          params: { terms: ['connard'] },
        }),
        201,
      );
      expectStatus(
        await rule({
          kind: 'personal_data',
          clause: 2,
          action: 'hold',
          params: { detect: ['phone', 'iban'] },
        }),
        201,
      );
      expectStatus(
        await rule({
          kind: 'watched_terms',
          clause: 3,
          action: 'queue',
          params: { terms: ['promo'] },
        }),
        201,
      );
      const badParams = await rule({
        kind: 'shouting',
        clause: 1,
        action: 'queue',
        params: { minLetters: 'ten' },
      });
      expect(badParams.status).toBe(400);
      const noClause = await rule({
        kind: 'shouting',
        clause: 42,
        action: 'queue',
        params: { minLetters: 20, maxUppercaseRatio: 0.7 },
      });
      expect(noClause.body.error.fields).toEqual({ clause: 'The charter has no clause 42.' });

      const dry = expectStatus(
        await admin.client.post('/api/mod/rules/dry-run', {
          text: 'Quel c.0.n.n.a.r.d, appelle le 06 12 34 56 78',
        }),
        200,
      );
      expect(dry.outcome).toBe('reject');
      expect(dry.hits.map((hit: { clause: number }) => hit.clause)).toEqual([1, 2]);
      const member = await ctx().newUser({ role: 'member' });
      expect((await member.client.post('/api/mod/rules/dry-run', { text: 'x' })).status).toBe(403);

      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(owner, group.slug);
      const rejected = await member.client.post(`/api/threads/${thread.id}/posts`, {
        body: 'Espèce de CONNARD',
      });
      expect(rejected.status).toBe(422);
      expect(rejected.body.error).toMatchObject({
        code: 'post_rejected_by_rule',
        message: 'Restez courtois. (charter clause 1)',
      });
      const held = await ctx().newPost(
        member,
        thread.id,
        'Mon RIB : FR76 3000 6000 0112 3456 7890 189',
      );
      expect(held.state).toBe('pending');
      const queued = await ctx().newPost(member, thread.id, 'Grosse promo à la cantine');
      expect(queued.state).toBe('published');
      const items = await openItems(admin, '?rule=watched_terms');
      expect(items.map((item) => [item.kind, item.post?.id])).toEqual([
        ['published_post', queued.id],
      ]);
      expect((await openItems(admin, '?reason=rule')).map((item) => item.post?.id)).toEqual(
        expect.arrayContaining([held.id, queued.id]),
      );
      expectStatus(await admin.client.delete(`/api/mod/rules/${blocked.id}`), 200);
      await ctx().newPost(member, thread.id, 'Espèce de connard, pardon, je retire');
    });
  });

  describe("rules that read the author's history", () => {
    it('holds the same text posted again and posts beyond the rate', async () => {
      const admin = await ctx().newUser({ role: 'admin' });
      const rules = [
        {
          kind: 'repeated_text',
          clause: 3,
          action: 'hold',
          params: { windowMinutes: 60, minLength: 20 },
        },
        {
          kind: 'posting_rate',
          clause: 3,
          action: 'hold',
          params: { windowMinutes: 10, maxPosts: 3 },
        },
      ];
      const ids: number[] = [];
      for (const rule of rules)
        ids.push(expectStatus(await admin.client.post('/api/mod/rules', rule), 201).id);
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(owner, group.slug);
      const author = await ctx().newUser();
      const text = 'Venez tous à la vente privée de vendredi !';
      expect((await ctx().newPost(author, thread.id, text)).state).toBe('published');
      const repeat = await ctx().newPost(
        author,
        thread.id,
        'VENEZ tous a la vente privee de vendredi',
      );
      expect(repeat.state).toBe('pending');
      expect((await ctx().newPost(author, thread.id, 'Une autre remarque')).state).toBe(
        'published',
      );
      const fourth = await ctx().newPost(author, thread.id, 'Et une quatrième');
      expect(fourth.state).toBe('pending');
      const item = await itemOfPost(admin, fourth.id);
      expect(item.reasons).toEqual([
        { source: 'rule', clause: 3, rule: 'posting_rate', detail: '4 posts in 10 min > 3' },
      ]);
      for (const id of ids) expectStatus(await admin.client.delete(`/api/mod/rules/${id}`), 200);
    });
  });
});
