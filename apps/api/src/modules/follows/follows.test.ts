import { eq } from 'drizzle-orm';
import { tags, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('follows', () => {
  const ctx = useTestContext();

  async function tagId(slug: string): Promise<number> {
    const tag = await ctx().db.query.tags.findFirst({ where: eq(tags.slug, slug) });
    return tag!.id;
  }

  /** Private groups are joined when an owner adds you. */
  async function addMember(owner: TestUser, slug: string, member: TestUser) {
    const url = `/api/groups/${slug}/members/${member.handle}`;
    expectStatus(await owner.client.put(url, { role: 'member' }), 200);
  }

  async function followed(user: TestUser, query = '') {
    return expectStatus(await user.client.get(`/api/follows${query}`), 200);
  }

  it('follows and unfollows a thread, a tag, a group and a person, idempotently', async () => {
    const owner = await ctx().newUser();
    const follower = await ctx().newUser();
    const group = await ctx().newGroup(owner);
    const { thread } = await ctx().newThread(owner, group.slug, { tags: ['kanban'] });
    const targets = [
      ['thread', thread.id],
      ['tag', await tagId('kanban')],
      ['group', group.id],
      ['user', owner.id],
    ] as const;

    for (const [targetType, targetId] of targets) {
      const url = `/api/follows/${targetType}/${targetId}`;
      const expected = { targetType, targetId, following: true };
      expect(expectStatus(await follower.client.put(url), 200)).toEqual(expected);
      expect(expectStatus(await follower.client.put(url), 200)).toEqual(expected);
      const list = await followed(follower, `?targetType=${targetType}`);
      expect(list.items.map((item: { targetId: number }) => item.targetId)).toEqual([targetId]);
    }
    expect((await followed(follower)).items).toHaveLength(4);

    for (const [targetType, targetId] of targets) {
      const url = `/api/follows/${targetType}/${targetId}`;
      const expected = { targetType, targetId, following: false };
      expect(expectStatus(await follower.client.delete(url), 200)).toEqual(expected);
      expect(expectStatus(await follower.client.delete(url), 200)).toEqual(expected);
    }
    expect(await followed(follower)).toEqual({ items: [], nextCursor: null });
  });

  it('lists labels and links, newest first', async () => {
    const owner = await ctx().newUser({ displayName: 'Bernard Petit' });
    const follower = await ctx().newUser();
    const group = await ctx().newGroup(owner, { name: 'Agile coaches' });
    const { thread } = await ctx().newThread(owner, group.slug, {
      title: 'How long should a sprint last?',
      tags: ['scrum'],
    });
    await follower.client.put(`/api/follows/user/${owner.id}`);
    await follower.client.put(`/api/follows/group/${group.id}`);
    await follower.client.put(`/api/follows/tag/${await tagId('scrum')}`);
    await follower.client.put(`/api/follows/thread/${thread.id}`);

    const list = await followed(follower);
    expect(list.items.map(({ createdAt: _createdAt, ...item }: any) => item)).toEqual([
      {
        targetType: 'thread',
        targetId: thread.id,
        label: 'How long should a sprint last?',
        href: `/threads/${thread.id}`,
      },
      { targetType: 'tag', targetId: await tagId('scrum'), label: '#scrum', href: '/tags/scrum' },
      {
        targetType: 'group',
        targetId: group.id,
        label: 'Agile coaches',
        href: `/groups/${group.slug}`,
      },
      {
        targetType: 'user',
        targetId: owner.id,
        label: 'Bernard Petit',
        href: `/u/${owner.handle}`,
      },
    ]);
    expect(Date.parse(list.items[0].createdAt)).not.toBeNaN();
  });

  it('pages through a long list with a cursor, and refuses a malformed cursor', async () => {
    const owner = await ctx().newUser();
    const follower = await ctx().newUser();
    const group = await ctx().newGroup(owner);
    const threadIds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { thread } = await ctx().newThread(owner, group.slug);
      threadIds.push(thread.id);
      await follower.client.put(`/api/follows/thread/${thread.id}`);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await followed(follower, query);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item: { targetId: number }) => item.targetId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...threadIds].reverse());

    for (const bad of ['nonsense', Buffer.from('{"createdAt":1}').toString('base64url')]) {
      const reply = await follower.client.get(`/api/follows?cursor=${bad}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_cursor');
    }
  });

  it('answers 404 for a private thread or group as for an unknown one', async () => {
    const owner = await ctx().newUser();
    const outsider = await ctx().newUser();
    const secret = await ctx().newGroup(owner, { visibility: 'private' });
    const { thread } = await ctx().newThread(owner, secret.slug);

    for (const id of [thread.id, 999999]) {
      const reply = await outsider.client.put(`/api/follows/thread/${id}`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('thread_not_found');
    }
    for (const id of [secret.id, 999999]) {
      const reply = await outsider.client.put(`/api/follows/group/${id}`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('group_not_found');
    }
    expect((await followed(outsider)).items).toEqual([]);
  });

  it('lets a member and a moderator follow a private group and its threads', async () => {
    const owner = await ctx().newUser();
    const member = await ctx().newUser();
    const moderator = await ctx().newUser({ role: 'moderator' });
    const secret = await ctx().newGroup(owner, { visibility: 'private' });
    await addMember(owner, secret.slug, member);
    const { thread } = await ctx().newThread(owner, secret.slug);
    for (const user of [member, moderator]) {
      expectStatus(await user.client.put(`/api/follows/thread/${thread.id}`), 200);
      expectStatus(await user.client.put(`/api/follows/group/${secret.id}`), 200);
    }
  });

  it('answers 404 for an unknown tag, an unknown or deleted person, and 400 for oneself', async () => {
    const user = await ctx().newUser();
    const gone = await ctx().newUser();
    await ctx().db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone.id));

    const tag = await user.client.put('/api/follows/tag/999999');
    expect(tag.status).toBe(404);
    expect(tag.body.error.code).toBe('not_found');
    for (const id of [gone.id, 999999]) {
      const reply = await user.client.put(`/api/follows/user/${id}`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('user_not_found');
    }
    const self = await user.client.put(`/api/follows/user/${user.id}`);
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('cannot_follow_self');
  });

  it('drops from the list what the viewer can no longer read', async () => {
    const owner = await ctx().newUser();
    const follower = await ctx().newUser();
    const person = await ctx().newUser();
    const secret = await ctx().newGroup(owner, { visibility: 'private' });
    const open = await ctx().newGroup(owner);
    await addMember(owner, secret.slug, follower);
    const { thread: secretThread } = await ctx().newThread(owner, secret.slug);
    const { thread: doomedThread } = await ctx().newThread(owner, open.slug);
    await follower.client.put(`/api/follows/group/${secret.id}`);
    await follower.client.put(`/api/follows/thread/${secretThread.id}`);
    await follower.client.put(`/api/follows/thread/${doomedThread.id}`);
    await follower.client.put(`/api/follows/user/${person.id}`);
    expect((await followed(follower)).items).toHaveLength(4);

    expectStatus(await follower.client.post(`/api/groups/${secret.slug}/leave`), 200);
    expectStatus(await owner.client.delete(`/api/threads/${doomedThread.id}`), 200);
    await ctx().db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, person.id));

    expect(await followed(follower)).toEqual({ items: [], nextCursor: null });
    // Unfollowing what one can no longer see still works, so nothing lingers.
    const reply = await follower.client.delete(`/api/follows/group/${secret.id}`);
    expect(expectStatus(reply, 200).following).toBe(false);
  });

  it('refuses bad targets, bad queries and anonymous callers', async () => {
    const user = await ctx().newUser();
    for (const url of [
      '/api/follows/planet/1',
      '/api/follows/thread/abc',
      '/api/follows/thread/0',
      '/api/follows/thread/99999999999',
    ]) {
      const reply = await user.client.put(url);
      expect(reply.status, url).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
    for (const query of ['?targetType=planet', '?limit=0', '?limit=101']) {
      expect((await user.client.get(`/api/follows${query}`)).status, query).toBe(400);
    }
    expect((await ctx().anonymous.get('/api/follows')).status).toBe(401);
    expect((await ctx().anonymous.put(`/api/follows/user/${user.id}`)).status).toBe(401);
    expect((await ctx().anonymous.delete(`/api/follows/user/${user.id}`)).status).toBe(401);
  });
});
