import { eq, sql } from 'drizzle-orm';
import { events, moderationItems, notifications, searchOutbox, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../test/helper.ts';
import {
  decide,
  groupWithNewcomer,
  itemOfPost,
  openItems,
  publishCharter,
} from './moderation-fixtures.ts';

describe('moderation', () => {
  const ctx = useTestContext();

  describe('charter', () => {
    it('is published by staff only, with numbered clauses', async () => {
      const member = await ctx().newUser();
      const refused = await member.client.post('/api/charter', { body: '1. Respect' });
      expect(refused.status).toBe(403);
      const admin = await ctx().newUser({ role: 'admin' });
      const noClauses = await admin.client.post('/api/charter', { body: 'Soyez gentils.' });
      expect(noClauses.status).toBe(400);
      expect(noClauses.body.error.fields.body).toMatch(/numbered clauses/);
    });

    it('refuses posting until the current version is accepted, and again after a new one', async () => {
      const admin = await ctx().newUser({ role: 'admin' });
      const first = await publishCharter(admin);
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const member = await ctx().newUser({ acceptCharter: false });
      const refused = await member.client.post(`/api/groups/${group.slug}/threads`, {
        kind: 'question',
        title: 'Où trouver la charte ?',
        body: 'Je ne la trouve pas.',
        tags: ['aide'],
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('charter_not_accepted');
      expect(refused.body.error.message).toContain('/charte');
      expect(refused.body.error.fields).toEqual({ charter: '/charte' });

      const charter = expectStatus(await member.client.get('/api/charter'), 200);
      expect(charter).toMatchObject({ version: first.version, acceptedByMe: false });
      expect(charter.clauses.map((clause: { number: number }) => clause.number)).toEqual([1, 2, 3]);
      const accepted = await member.client.post('/api/charter/accept', { version: first.version });
      expect(expectStatus(accepted, 200).acceptedByMe).toBe(true);
      const { thread } = await ctx().newThread(member, group.slug);

      const second = await publishCharter(
        admin,
        '1. Respect\n2. Bienveillance\n3. Discrétion\n4. Entraide',
      );
      expect(second.version).toBe(first.version + 1);
      const again = await member.client.post(`/api/threads/${thread.id}/posts`, {
        body: 'Merci !',
      });
      expect(again.body.error.code).toBe('charter_not_accepted');
      const outdated = await member.client.post('/api/charter/accept', { version: first.version });
      expect(outdated.status).toBe(409);
      expect(outdated.body.error.code).toBe('charter_version_outdated');
      expectStatus(
        await member.client.post('/api/charter/accept', { version: second.version }),
        200,
      );
      await ctx().newPost(member, thread.id);
    });
  });

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
      expect((await reader.client.get(`/api/threads/${thread.id}`)).status).toBe(404);
      expectStatus(await newcomer.client.get(`/api/threads/${thread.id}`), 200);
      expectStatus(await owner.client.get(`/api/threads/${thread.id}`), 200);

      const item = await itemOfPost(moderator, posts[0].id);
      expectStatus(await decide(moderator, item.id, { decision: 'approve' }), 200);
      expect(await listed(reader)).toContain(thread.id);
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
        'id,createdAt,actorId,action,targetType,targetId,groupId,clause,before,after,note',
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
        decisions: 1,
      });
      const queueEvents = await ctx()
        .db.select()
        .from(events)
        .where(sql`'moderation' = any(${events.topics})`);
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
