import { and, eq, inArray } from 'drizzle-orm';
import {
  events,
  follows,
  groups,
  notifications,
  postRevisions,
  posts,
  searchOutbox,
  tags,
  threads,
  users,
} from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('threads', () => {
  const ctx = useTestContext();

  // Registering hashes a password (slow): the cast is made once and shared by the tests.
  let cast: { owner: TestUser; author: TestUser; peer: TestUser; staff: TestUser } | undefined;
  async function people() {
    cast ??= {
      owner: await ctx().newUser(),
      author: await ctx().newUser(),
      peer: await ctx().newUser(),
      staff: await ctx().newUser({ role: 'moderator' }),
    };
    return cast;
  }

  async function eventsOf(threadId: number) {
    const rows = await ctx().db.select().from(events).orderBy(events.id);
    return rows.filter((row) => row.topics.includes(`thread:${threadId}`));
  }

  async function tagCount(slug: string) {
    const [row] = await ctx().db.select().from(tags).where(eq(tags.slug, slug));
    return row?.threadCount ?? 0;
  }

  async function groupThreadCount(slug: string) {
    const [row] = await ctx().db.select().from(groups).where(eq(groups.slug, slug));
    return row!.threadCount;
  }

  describe('creating', () => {
    it('starts a question with its opening post, revision, tags, counters, follow, event and search work', async () => {
      const { owner, author } = await people();
      const group = await ctx().newGroup(owner);
      const reply = await author.client.post(`/api/groups/${group.slug}/threads`, {
        kind: 'question',
        title: '  How do we onboard interns quickly?  ',
        body: 'We get **ten** interns in June. What worked for you?',
        tags: ['Onboarding', 'RH', 'onboarding'],
      });
      const detail = expectStatus(reply, 201);
      expect(detail).toEqual({
        thread: {
          id: expect.any(Number),
          groupId: group.id,
          group: { slug: group.slug, name: group.name, visibility: 'public' },
          kind: 'question',
          title: 'How do we onboard interns quickly?',
          author: {
            id: author.id,
            handle: author.handle,
            displayName: author.displayName,
            jobTitle: '',
            department: '',
            site: '',
          },
          isAnonymous: false,
          status: 'open',
          acceptedPostId: null,
          answerCount: 0,
          score: 0,
          tags: ['onboarding', 'rh'],
          createdAt: expect.any(String),
          lastActivityAt: expect.any(String),
          excerpt: expect.stringContaining('We get ten interns in June.'),
        },
        posts: [
          {
            id: expect.any(Number),
            threadId: detail.thread.id,
            kind: 'opening',
            author: expect.objectContaining({ id: author.id }),
            bodyHtml: expect.stringContaining('<strong>ten</strong>'),
            bodySource: 'We get **ten** interns in June. What worked for you?',
            state: 'published',
            score: 0,
            myVote: 0,
            isAccepted: false,
            revisionCount: 1,
            createdAt: expect.any(String),
            editedAt: null,
          },
        ],
        thanks: null,
        viewer: { isAuthor: true, canModerate: false, canAccept: true, following: true },
      });

      const threadId = detail.thread.id;
      const postId = detail.posts[0].id;
      const revisions = await ctx()
        .db.select()
        .from(postRevisions)
        .where(eq(postRevisions.postId, postId));
      expect(revisions).toMatchObject([
        { revision: 1, editorId: author.id, title: 'How do we onboard interns quickly?' },
      ]);
      expect(await tagCount('onboarding')).toBe(1);
      expect(await groupThreadCount(group.slug)).toBe(1);
      const follow = await ctx()
        .db.select()
        .from(follows)
        .where(and(eq(follows.userId, author.id), eq(follows.targetId, threadId)));
      expect(follow).toMatchObject([{ targetType: 'thread' }]);
      const [created] = await eventsOf(threadId);
      expect(created).toMatchObject({
        type: 'thread.created',
        topics: [`group:${group.id}`, `thread:${threadId}`],
        actorId: author.id,
        payload: { threadId, authorId: author.id },
      });
      const outbox = await ctx()
        .db.select()
        .from(searchOutbox)
        .where(inArray(searchOutbox.documentId, [threadId, postId]));
      expect(outbox.map((row) => `${row.documentType}:${row.documentId}:${row.operation}`)).toEqual(
        expect.arrayContaining([`thread:${threadId}:upsert`, `post:${postId}:upsert`]),
      );
    });

    it('starts a discussion, and the reader sees the same thread', async () => {
      const { owner, peer } = await people();
      const group = await ctx().newGroup(owner, { kind: 'hobby' });
      const detail = await ctx().newThread(owner, group.slug, { kind: 'discussion' });
      const read = expectStatus(await peer.client.get(`/api/threads/${detail.thread.id}`), 200);
      expect(read.thread).toEqual(detail.thread);
      expect(read.viewer).toEqual({
        isAuthor: false,
        canModerate: false,
        canAccept: false,
        following: false,
      });
    });

    it('links and notifies the people mentioned, once each, and not the author', async () => {
      const { owner, author, peer } = await people();
      const group = await ctx().newGroup(owner);
      const detail = await ctx().newThread(author, group.slug, {
        body: `Asking @${peer.handle} and @${peer.handle.toUpperCase()}, @${author.handle} and @nobody-here`,
      });
      const rows = await ctx()
        .db.select()
        .from(notifications)
        .where(eq(notifications.threadId, detail.thread.id));
      expect(rows).toMatchObject([
        { userId: peer.id, type: 'mention', actorId: author.id, postId: detail.posts[0].id },
      ]);
      expect(detail.posts[0].bodyHtml).toContain(peer.handle);
    });

    it('refuses bad input with 400 and field errors', async () => {
      const { owner } = await people();
      const group = await ctx().newGroup(owner);
      const valid = {
        kind: 'question',
        title: 'A perfectly fine title',
        body: 'Body',
        tags: ['x'],
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ title: 'short' }, 'title'],
        [{ title: '   short    ' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ tags: [] }, 'tags'],
        [{ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
        [{ tags: ['!!!'] }, 'tags'],
        [{ body: 'x'.repeat(50_001) }, 'body'],
        [{ body: '   ' }, 'body'],
        [{ body: 42 }, 'body'],
        [{ title: 1234567890 }, 'title'],
        [{ kind: 'poll' }, 'kind'],
        [{ kind: 'discussion', anonymous: true }, 'anonymous'],
        [{ anonymous: 'yes' }, 'anonymous'],
      ];
      for (const [change, field] of cases) {
        const reply = await owner.client.post(`/api/groups/${group.slug}/threads`, {
          ...valid,
          ...change,
        });
        expect(reply.status, JSON.stringify(change)).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
        expect(Object.keys(reply.body.error.fields).join(), JSON.stringify(change)).toContain(
          field,
        );
      }
      expect(await groupThreadCount(group.slug)).toBe(0);
    });

    it('hides private groups from non-members and refuses suspended members', async () => {
      const { owner, peer, author } = await people();
      const group = await ctx().newGroup(owner, { visibility: 'private' });
      const refused = await peer.client.post(`/api/groups/${group.slug}/threads`, {
        kind: 'question',
        title: 'Can I post here please?',
        body: 'x',
        tags: ['x'],
      });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('group_not_found');

      await ctx()
        .db.update(users)
        .set({ suspendedUntil: new Date(Date.now() + 3_600_000) })
        .where(eq(users.id, author.id));
      try {
        const open = await ctx().newGroup(owner);
        const suspended = await author.client.post(`/api/groups/${open.slug}/threads`, {
          kind: 'question',
          title: 'Can I post while suspended?',
          body: 'x',
          tags: ['x'],
        });
        expect(suspended.status).toBe(403);
        expect(suspended.body.error.code).toBe('account_suspended');
      } finally {
        await ctx().db.update(users).set({ suspendedUntil: null }).where(eq(users.id, author.id));
      }
    });
  });

  describe('reading', () => {
    it('answers 404 for unknown ids, deleted threads and private threads; 400 for a bad id', async () => {
      const { owner, peer, staff } = await people();
      const missing = await peer.client.get('/api/threads/999999');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('thread_not_found');
      expect((await peer.client.get('/api/threads/abc')).status).toBe(400);
      expect((await peer.client.get('/api/threads/0')).status).toBe(400);

      const secret = await ctx().newGroup(owner, { visibility: 'private' });
      const hidden = await ctx().newThread(owner, secret.slug);
      const denied = await peer.client.get(`/api/threads/${hidden.thread.id}`);
      expect(denied.status).toBe(404);
      expect(denied.body).toEqual(missing.body);
      const list = await peer.client.get(`/api/groups/${secret.slug}/threads`);
      expect(list.status).toBe(404);
      expect(
        expectStatus(await staff.client.get(`/api/threads/${hidden.thread.id}`), 200).viewer,
      ).toMatchObject({ canModerate: true });
      expectStatus(
        await owner.client.put(`/api/groups/${secret.slug}/members/${peer.handle}`, {
          role: 'member',
        }),
        200,
      );
      expectStatus(await peer.client.get(`/api/threads/${hidden.thread.id}`), 200);
      expect((await anonymousGet(`/api/threads/${hidden.thread.id}`)).status).toBe(401);
    });

    it('orders answers: accepted first, then score, then age; shows held posts only to their author and moderators', async () => {
      const { owner, author, peer } = await people();
      const group = await ctx().newGroup(owner);
      const question = await ctx().newThread(author, group.slug);
      const threadId = question.thread.id;
      const a1 = await ctx().newPost(peer, threadId, 'first, low score');
      const a2 = await ctx().newPost(owner, threadId, 'second, high score');
      const a3 = await ctx().newPost(peer, threadId, 'third, accepted');
      const a4 = await ctx().newPost(owner, threadId, 'fourth, same score as first');
      const held = await ctx().newPost(peer, threadId, 'held for review');
      const gone = await ctx().newPost(peer, threadId, 'deleted');
      await ctx().db.update(posts).set({ score: 5 }).where(eq(posts.id, a2.id));
      await ctx().db.update(posts).set({ score: -2 }).where(eq(posts.id, a3.id));
      await ctx().db.update(posts).set({ state: 'pending' }).where(eq(posts.id, held.id));
      await ctx().db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, gone.id));
      await ctx().db.update(threads).set({ acceptedPostId: a3.id }).where(eq(threads.id, threadId));

      const ids = async (user: TestUser) =>
        expectStatus(await user.client.get(`/api/threads/${threadId}`), 200).posts.map(
          (post: { id: number }) => post.id,
        );
      const opening = question.posts[0].id;
      expect(await ids(author)).toEqual([opening, a3.id, a2.id, a1.id, a4.id]);
      expect(await ids(peer)).toEqual([opening, a3.id, a2.id, a1.id, a4.id, held.id]);
      expect(await ids(owner)).toEqual([opening, a3.id, a2.id, a1.id, a4.id, held.id]);
      const detail = expectStatus(await author.client.get(`/api/threads/${threadId}`), 200);
      expect(detail.posts[1]).toMatchObject({ isAccepted: true, kind: 'answer' });
      expect(detail.thread.acceptedPostId).toBe(a3.id);
    });

    it('keeps replies of a discussion in chronological order whatever their score', async () => {
      const { owner, peer } = await people();
      const group = await ctx().newGroup(owner);
      const discussion = await ctx().newThread(owner, group.slug, { kind: 'discussion' });
      const r1 = await ctx().newPost(peer, discussion.thread.id, 'one');
      const r2 = await ctx().newPost(owner, discussion.thread.id, 'two');
      await ctx().db.update(posts).set({ score: 9 }).where(eq(posts.id, r2.id));
      const detail = expectStatus(
        await peer.client.get(`/api/threads/${discussion.thread.id}`),
        200,
      );
      expect(
        detail.posts.map((post: { id: number; kind: string }) => [post.id, post.kind]),
      ).toEqual([
        [discussion.posts[0].id, 'opening'],
        [r1.id, 'reply'],
        [r2.id, 'reply'],
      ]);
      expect(detail.thread.answerCount).toBe(0);
    });

    it('never serves kept posts once they changed, however the change was written', async () => {
      const { owner, author, peer } = await people();
      const group = await ctx().newGroup(owner);
      const { thread, posts: opening } = await ctx().newThread(author, group.slug);
      const answer = await ctx().newPost(peer, thread.id, 'Première version');
      const read = async (reader: TestUser = owner) => {
        const detail = expectStatus(await reader.client.get(`/api/threads/${thread.id}`), 200);
        return detail.posts.find((post: { id: number }) => post.id === answer.id);
      };
      expect(await read()).toMatchObject({ bodySource: 'Première version', myVote: 0 });

      // Through the API: a vote (the voter sees their own vote, others only the score), an edit.
      expectStatus(await owner.client.put(`/api/posts/${answer.id}/vote`, { value: 1 }), 200);
      expect(await read()).toMatchObject({ score: 1, myVote: 1 });
      expect(await read(author)).toMatchObject({ score: 1, myVote: 0 });
      expectStatus(await peer.client.patch(`/api/posts/${answer.id}`, { body: 'Corrigée' }), 200);
      expect(await read()).toMatchObject({ bodySource: 'Corrigée', revisionCount: 2 });

      // Straight in the database, as another process, the importer or an operator would write.
      await ctx().db.update(posts).set({ score: 7 }).where(eq(posts.id, answer.id));
      expect(await read()).toMatchObject({ score: 7 });
      await ctx().db.update(users).set({ displayName: 'Nom changé' }).where(eq(users.id, peer.id));
      expect((await read()).author.displayName).toBe('Nom changé');
      await ctx().db.update(posts).set({ state: 'hidden' }).where(eq(posts.id, answer.id));
      expect(await read(author)).toBeUndefined();
      await ctx().db.delete(posts).where(eq(posts.id, answer.id));
      expect(await read(peer)).toBeUndefined();
      const detail = expectStatus(await owner.client.get(`/api/threads/${thread.id}`), 200);
      expect(detail.posts.map((post: { id: number }) => post.id)).toEqual([opening[0].id]);
    });
  });

  async function anonymousGet(url: string) {
    return ctx().anonymous.get(url);
  }

  describe('lists', () => {
    async function allPages(user: TestUser, url: string) {
      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const page: string = `${url}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const body: { items: { id: number }[]; nextCursor: string | null } = expectStatus(
          await user.client.get(page),
          200,
        );
        expect(body.items.length).toBeLessThanOrEqual(2);
        ids.push(...body.items.map((item) => item.id));
        cursor = body.nextCursor;
      } while (cursor);
      return ids;
    }

    it('pages through every sort without gaps or repeats, in the right order', async () => {
      const { owner, peer } = await people();
      const group = await ctx().newGroup(owner);
      const made: number[] = [];
      for (let i = 0; i < 7; i++) {
        const kind = i === 3 ? 'discussion' : 'question';
        const tagged = i % 2 === 0 ? ['even'] : ['odd'];
        made.push((await ctx().newThread(owner, group.slug, { kind, tags: tagged })).thread.id);
      }
      const deleted = (await ctx().newThread(owner, group.slug)).thread.id;
      expectStatus(await owner.client.delete(`/api/threads/${deleted}`), 200);
      // Same score for several threads and the same timestamps: ties are broken by id.
      const scores = [3, 0, 3, 1, -1, 3, 0];
      for (const [index, id] of made.entries()) {
        await ctx().db.update(threads).set({ score: scores[index]! }).where(eq(threads.id, id));
      }
      const sameTime = new Date('2030-01-01T00:00:00.123456Z');
      await ctx()
        .db.update(threads)
        .set({ createdAt: sameTime, lastActivityAt: sameTime })
        .where(inArray(threads.id, [made[1]!, made[2]!]));
      await ctx().newPost(peer, made[0]!, 'an answer bumps activity');
      await ctx().newPost(peer, made[3]!, 'a reply to the discussion');

      const rows = await ctx()
        .db.select()
        .from(threads)
        .where(and(eq(threads.groupId, group.id), inArray(threads.id, made)));
      const by = (key: (row: (typeof rows)[number]) => number) =>
        [...rows].sort((a, b) => key(b) - key(a) || b.id - a.id).map((row) => row.id);
      const base = `/api/groups/${group.slug}/threads?`;
      expect(await allPages(peer, `${base}sort=activity`)).toEqual(
        by((row) => row.lastActivityAt.getTime()),
      );
      expect(await allPages(peer, `${base}`)).toEqual(by((row) => row.lastActivityAt.getTime()));
      expect(await allPages(peer, `${base}sort=newest`)).toEqual(
        by((row) => row.createdAt.getTime()),
      );
      expect(await allPages(peer, `${base}sort=top`)).toEqual(by((row) => row.score));
      const unanswered = by((row) => row.createdAt.getTime()).filter(
        (id) => id !== made[0] && id !== made[3],
      );
      expect(await allPages(peer, `${base}sort=unanswered`)).toEqual(unanswered);
      expect(await allPages(peer, `${base}sort=newest&tag=Even`)).toEqual(
        by((row) => row.createdAt.getTime()).filter((id) => made.indexOf(id) % 2 === 0),
      );
      expect(await allPages(peer, `${base}sort=newest`)).not.toContain(deleted);
    });

    it('lists threads with the same shape as the thread page', async () => {
      const { owner, peer } = await people();
      const group = await ctx().newGroup(owner);
      const detail = await ctx().newThread(owner, group.slug, { body: 'A *short* body.' });
      const list = expectStatus(await peer.client.get(`/api/groups/${group.slug}/threads`), 200);
      expect(list).toEqual({ items: [detail.thread], nextCursor: null });
      expect(list.items[0].excerpt).toBe('A short body.');
    });

    it('refuses malformed cursors and bad sorts with 400', async () => {
      const { owner, peer } = await people();
      const group = await ctx().newGroup(owner);
      for (let i = 0; i < 3; i++) await ctx().newThread(owner, group.slug);
      const base = `/api/groups/${group.slug}/threads`;
      const first = expectStatus(await peer.client.get(`${base}?sort=top&limit=1`), 200);
      expect(first.nextCursor).toEqual(expect.any(String));
      const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const cursors = [
        'not-a-cursor',
        '%%%',
        forged(['activity', 'yesterday', 1]),
        forged(['activity', '2024-02-30 00:00:00+00', 1]),
        forged(['activity', '2024-01-01 00:00:00+99', 1]),
        forged(['activity', '2024-01-01 00:00:00+00', -1]),
        forged(['top', '1e99', 1]),
        forged({ a: 1 }),
      ];
      for (const cursor of cursors) {
        const reply = await peer.client.get(`${base}?cursor=${encodeURIComponent(cursor)}`);
        expect(reply.status, cursor).toBe(400);
        expect(reply.body.error.code, cursor).toBe('invalid_cursor');
      }
      // A cursor made for one order is refused by another.
      const mixed = await peer.client.get(`${base}?sort=newest&cursor=${first.nextCursor}`);
      expect(mixed.body.error.code).toBe('invalid_cursor');
      expect((await peer.client.get(`${base}?sort=hot`)).status).toBe(400);
      expect((await peer.client.get(`${base}?limit=0`)).status).toBe(400);
      expect((await peer.client.get(`${base}?limit=abc`)).status).toBe(400);
    });
  });

  describe('anonymous questions', () => {
    // One anonymous question, edited once, with an answer and a follow-up by the asker; each
    // test below checks one place where the asker must stay hidden.
    let made:
      | {
          threadId: number;
          openingId: number;
          groupSlug: string;
          answerId: number;
          followUpId: number;
        }
      | undefined;
    async function anonymousQuestion() {
      if (made) return made;
      const { owner, author, peer } = await people();
      const group = await ctx().newGroup(owner);
      const created = await ctx().newThread(author, group.slug, {
        anonymous: true,
        body: `Is this normal, @${peer.handle}?`,
      });
      const threadId = created.thread.id;
      expectStatus(
        await author.client.patch(`/api/threads/${threadId}`, { body: 'Is this normal? (edited)' }),
        200,
      );
      const answer = await ctx().newPost(peer, threadId, 'Yes, it is.');
      const followUp = await ctx().newPost(author, threadId, 'Thanks, that helps.');
      made = {
        threadId,
        openingId: created.posts[0].id,
        groupSlug: group.slug,
        answerId: answer.id,
        followUpId: followUp.id,
      };
      return made;
    }

    it('hide the author of the thread and of the opening post from peers, not from the author or moderators', async () => {
      const { owner, author, peer, staff } = await people();
      const { threadId } = await anonymousQuestion();
      const asPeer = expectStatus(await peer.client.get(`/api/threads/${threadId}`), 200);
      expect(asPeer.thread).toMatchObject({ isAnonymous: true, author: null });
      expect(asPeer.posts[0].author).toBeNull();
      for (const insider of [author, owner, staff]) {
        const detail = expectStatus(await insider.client.get(`/api/threads/${threadId}`), 200);
        expect(detail.thread.author.id).toBe(author.id);
        expect(detail.posts[0].author.id).toBe(author.id);
      }
    });

    it("keep the asker's own later posts anonymous, but not other people's", async () => {
      const { author, peer } = await people();
      const { threadId, followUpId } = await anonymousQuestion();
      const asPeer = expectStatus(await peer.client.get(`/api/threads/${threadId}`), 200);
      expect(
        asPeer.posts.map((post: { author: { id: number } | null }) => post.author?.id ?? null),
      ).toEqual([null, peer.id, null]);
      const asAuthor = expectStatus(await author.client.get(`/api/threads/${threadId}`), 200);
      expect(asAuthor.posts.find((post: { id: number }) => post.id === followUpId).author.id).toBe(
        author.id,
      );
    });

    it('hide the author in group lists', async () => {
      const { author, peer } = await people();
      const { groupSlug } = await anonymousQuestion();
      const peerList = expectStatus(await peer.client.get(`/api/groups/${groupSlug}/threads`), 200);
      expect(peerList.items[0].author).toBeNull();
      const authorList = expectStatus(
        await author.client.get(`/api/groups/${groupSlug}/threads`),
        200,
      );
      expect(authorList.items[0].author.id).toBe(author.id);
    });

    it('hide the editor of the opening post in its revisions', async () => {
      const { owner, author, peer } = await people();
      const { openingId } = await anonymousQuestion();
      const editors = async (user: TestUser) =>
        expectStatus(await user.client.get(`/api/posts/${openingId}/revisions`), 200).items.map(
          (item: { editor: { id: number } | null }) => item.editor?.id ?? null,
        );
      expect(await editors(peer)).toEqual([null, null]);
      expect(await editors(author)).toEqual([author.id, author.id]);
      expect(await editors(owner)).toEqual([author.id, author.id]);
    });

    it('keep the author id out of domain events', async () => {
      const { author } = await people();
      const { threadId } = await anonymousQuestion();
      const threadEvents = await eventsOf(threadId);
      expect(threadEvents.map((event) => event.type)).toEqual(
        expect.arrayContaining(['thread.created', 'thread.updated', 'post.created']),
      );
      for (const event of threadEvents) {
        expect(event.actorId === author.id, event.type).toBe(false);
        const personValues = Object.entries(event.payload)
          .filter(([key]) => !['threadId', 'groupId', 'postId'].includes(key))
          .map(([, value]) => value);
        expect(personValues, event.type).not.toContain(author.id);
      }
    });

    it('keep the author out of notifications (actor null), and notify the asker of answers', async () => {
      const { author, peer } = await people();
      const { threadId, answerId, followUpId } = await anonymousQuestion();
      const rows = await ctx()
        .db.select()
        .from(notifications)
        .where(eq(notifications.threadId, threadId));
      expect(rows.find((row) => row.type === 'mention')).toMatchObject({
        userId: peer.id,
        actorId: null,
      });
      expect(rows.find((row) => row.postId === followUpId)).toMatchObject({
        userId: peer.id,
        type: 'reply',
        actorId: null,
      });
      expect(rows.find((row) => row.postId === answerId)).toMatchObject({
        userId: author.id,
        type: 'answer',
        actorId: peer.id,
      });
      const toOthers = rows.filter((row) => row.userId !== author.id);
      expect(JSON.stringify(toOthers)).not.toContain(author.handle);
      const userEvents = await ctx()
        .db.select()
        .from(events)
        .where(eq(events.type, 'notification.created'));
      const aboutThread = userEvents.filter((event) => event.payload.threadId === threadId);
      expect(aboutThread.filter((event) => event.actorId === author.id)).toEqual([]);
    });
  });

  describe('editing', () => {
    it('edits title, body and tags: a new revision, counters in step, only new mentions notified', async () => {
      const { owner, author, peer, staff } = await people();
      const group = await ctx().newGroup(owner);
      const created = await ctx().newThread(author, group.slug, {
        tags: ['edit-a', 'edit-b'],
        body: `cc @${peer.handle}`,
      });
      const threadId = created.thread.id;
      const edited = expectStatus(
        await author.client.patch(`/api/threads/${threadId}`, {
          title: 'A clearer title for this',
          body: `cc @${peer.handle} and @${staff.handle}`,
          tags: ['edit-b', 'edit-c'],
        }),
        200,
      );
      expect(edited.thread).toMatchObject({
        title: 'A clearer title for this',
        tags: ['edit-b', 'edit-c'],
      });
      expect(edited.posts[0]).toMatchObject({
        revisionCount: 2,
        editedAt: expect.any(String),
        bodySource: `cc @${peer.handle} and @${staff.handle}`,
      });
      expect([
        await tagCount('edit-a'),
        await tagCount('edit-b'),
        await tagCount('edit-c'),
      ]).toEqual([0, 1, 1]);
      const revisions = expectStatus(
        await peer.client.get(`/api/posts/${created.posts[0].id}/revisions`),
        200,
      );
      expect(revisions.items).toEqual([
        {
          revision: 2,
          editor: expect.objectContaining({ id: author.id }),
          title: 'A clearer title for this',
          bodySource: `cc @${peer.handle} and @${staff.handle}`,
          createdAt: expect.any(String),
        },
        {
          revision: 1,
          editor: expect.objectContaining({ id: author.id }),
          title: created.thread.title,
          bodySource: `cc @${peer.handle}`,
          createdAt: expect.any(String),
        },
      ]);
      const mentions = await ctx()
        .db.select()
        .from(notifications)
        .where(and(eq(notifications.threadId, threadId), eq(notifications.type, 'mention')));
      expect(mentions.map((row) => row.userId).sort()).toEqual([peer.id, staff.id].sort());
      expect((await eventsOf(threadId)).map((event) => event.type)).toContain('thread.updated');

      // Tags alone make no revision.
      const tagsOnly = expectStatus(
        await author.client.patch(`/api/threads/${threadId}`, { tags: ['edit-a'] }),
        200,
      );
      expect(tagsOnly.posts[0].revisionCount).toBe(2);
      expect([
        await tagCount('edit-a'),
        await tagCount('edit-b'),
        await tagCount('edit-c'),
      ]).toEqual([1, 0, 0]);
    });

    it('lets moderators edit, refuses others with 403 and bad input with 400', async () => {
      const { owner, author, peer } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(author, group.slug);
      const denied = await peer.client.patch(`/api/threads/${thread.id}`, {
        title: 'Hijacked title here',
      });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('not_thread_author');
      const byModerator = expectStatus(
        await owner.client.patch(`/api/threads/${thread.id}`, { title: 'Moderated title here' }),
        200,
      );
      expect(byModerator.thread.title).toBe('Moderated title here');
      for (const body of [{ title: 'short' }, { tags: [] }, { body: '' }, { title: 12345678 }]) {
        const reply = await author.client.patch(`/api/threads/${thread.id}`, body);
        expect(reply.status, JSON.stringify(body)).toBe(400);
      }
      expect(
        (await author.client.patch('/api/threads/999999', { title: 'Nothing here at all' })).status,
      ).toBe(404);
    });
  });

  describe('locking', () => {
    it('lets moderators lock; a locked thread refuses answers and edits from others', async () => {
      const { owner, author, peer } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(author, group.slug);
      const denied = await author.client.put(`/api/threads/${thread.id}/lock`, { locked: true });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('forbidden');
      expect(
        (await owner.client.put(`/api/threads/${thread.id}/lock`, { locked: 'yes' })).status,
      ).toBe(400);

      const locked = expectStatus(
        await owner.client.put(`/api/threads/${thread.id}/lock`, { locked: true }),
        200,
      );
      expect(locked.thread.status).toBe('locked');
      const answer = await peer.client.post(`/api/threads/${thread.id}/posts`, { body: 'late' });
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('thread_locked');
      const edit = await author.client.patch(`/api/threads/${thread.id}`, {
        title: 'Editing while locked',
      });
      expect(edit.body.error.code).toBe('thread_locked');
      expectStatus(
        await owner.client.post(`/api/threads/${thread.id}/posts`, { body: 'mod note' }),
        201,
      );

      const reopened = expectStatus(
        await owner.client.put(`/api/threads/${thread.id}/lock`, { locked: false }),
        200,
      );
      expect(reopened.thread.status).toBe('open');
      expectStatus(await peer.client.post(`/api/threads/${thread.id}/posts`, { body: 'now' }), 201);
    });
  });

  describe('deleting', () => {
    it('soft-deletes for the author: gone from reads and lists, counters back, search told', async () => {
      const { owner, author, peer } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(author, group.slug, { tags: ['to-delete'] });
      expect(await tagCount('to-delete')).toBe(1);
      const denied = await peer.client.delete(`/api/threads/${thread.id}`);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('not_thread_author');

      expect(expectStatus(await author.client.delete(`/api/threads/${thread.id}`), 200)).toEqual({
        ok: true,
      });
      expect((await author.client.get(`/api/threads/${thread.id}`)).status).toBe(404);
      expect((await author.client.delete(`/api/threads/${thread.id}`)).status).toBe(404);
      const list = expectStatus(await peer.client.get(`/api/groups/${group.slug}/threads`), 200);
      expect(list.items).toEqual([]);
      expect(await tagCount('to-delete')).toBe(0);
      expect(await groupThreadCount(group.slug)).toBe(0);
      const [row] = await ctx().db.select().from(threads).where(eq(threads.id, thread.id));
      expect(row!.deletedAt).toBeInstanceOf(Date);
      const outbox = await ctx()
        .db.select()
        .from(searchOutbox)
        .where(
          and(eq(searchOutbox.documentType, 'thread'), eq(searchOutbox.documentId, thread.id)),
        );
      expect(outbox.map((entry) => entry.operation)).toContain('delete');
      expect((await eventsOf(thread.id)).map((event) => event.type)).toContain('thread.deleted');
    });

    it('lets a moderator delete', async () => {
      const { owner, author } = await people();
      const group = await ctx().newGroup(owner);
      const { thread } = await ctx().newThread(author, group.slug);
      expectStatus(await owner.client.delete(`/api/threads/${thread.id}`), 200);
      expect((await author.client.get(`/api/threads/${thread.id}`)).status).toBe(404);
    });
  });
});
