import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('GET /api/notifications/unread-count', () => {
  const ctx = useTestContext();

  const badge = async (user: TestUser) =>
    expectStatus(await user.client.get('/api/notifications/unread-count'), 200).unreadCount;
  const listed = async (user: TestUser) =>
    expectStatus(await user.client.get('/api/notifications?unread=true&limit=1'), 200).unreadCount;

  it('refuses signed-out requests with a 401', async () => {
    const reply = await ctx().anonymous.get('/api/notifications/unread-count');
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthenticated');
  });

  it('counts what the list counts, and drops to zero once read', async () => {
    const asker = await ctx().newUser();
    const helper = await ctx().newUser();
    const group = await ctx().newGroup(asker);
    expect(await badge(asker)).toBe(0);
    const { thread } = await ctx().newThread(asker, group.slug);
    await ctx().newPost(helper, thread.id);
    await ctx().newPost(helper, thread.id, 'And a second idea.');
    expect(await badge(asker)).toBe(2);
    expect(await badge(asker)).toBe(await listed(asker));
    await asker.client.post('/api/notifications/read', { all: true });
    expect(await badge(asker)).toBe(0);
  });
});
