// Who is asking, read once: the web app's in-process calls during one page share the viewer they
// read first, and each process keeps recent viewers until something may have changed them.
import { eq } from 'drizzle-orm';
import { sessions, users } from '@serendip/db';
import { describe, expect, it, vi } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../test/helper.ts';
import { withSharedViewers } from './session.ts';

/** A change made by another process or a script reaches this one by notification. */
const notified = { timeout: 5_000, interval: 5 };

describe('viewers shared during one web request', () => {
  const ctx = useTestContext();

  async function rename(userId: number, displayName: string): Promise<void> {
    await ctx().db.update(users).set({ displayName }).where(eq(users.id, userId));
  }

  const nameSeen = async (user: TestUser) =>
    expectStatus(await user.client.get('/api/auth/session'), 200).user?.displayName ?? null;

  it('reads the session once for reads, afresh after a write', async () => {
    const user = await ctx().newUser({ displayName: 'Before' });
    await withSharedViewers(async () => {
      expect(await nameSeen(user)).toBe('Before');
      await rename(user.id, 'After');
      // The same page: the viewer read by its first call.
      expect(await nameSeen(user)).toBe('Before');
      // A write reads the session itself and drops the shared viewer.
      expectStatus(await user.client.post('/api/auth/logout'), 200);
      expect(await nameSeen(user)).toBeNull();
    });
  });

  it('sees a change made elsewhere once it is notified, outside and inside web requests', async () => {
    const user = await ctx().newUser({ displayName: 'Before' });
    expect(await nameSeen(user)).toBe('Before');
    await rename(user.id, 'After');
    await vi.waitFor(async () => expect(await nameSeen(user)).toBe('After'), notified);
    await withSharedViewers(async () => expect(await nameSeen(user)).toBe('After'));
  });
});

describe('viewers kept by the process', () => {
  const ctx = useTestContext();

  it('refuses the next write of a person suspended elsewhere, with no wait', async () => {
    const user = await ctx().newUser();
    const group = await ctx().newGroup(user);
    expectStatus(await user.client.get('/api/auth/session'), 200);
    await ctx()
      .db.update(users)
      .set({ suspendedUntil: new Date(Date.now() + 3_600_000) })
      .where(eq(users.id, user.id));
    const refused = await user.client.post(`/api/groups/${group.slug}/threads`, {
      kind: 'discussion',
      title: 'Une discussion de trop, pendant la suspension',
      body: 'Je ne devrais pas pouvoir écrire ceci.',
      tags: ['essai'],
      anonymous: false,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('account_suspended');
  });

  it('forgets a session ended elsewhere: writes at once, reads once notified', async () => {
    const user = await ctx().newUser();
    const other = await ctx().newUser();
    expect(expectStatus(await user.client.get('/api/auth/session'), 200).user?.id).toBe(user.id);
    await ctx().db.delete(sessions).where(eq(sessions.userId, user.id));
    const write = await user.client.put(`/api/follows/user/${other.id}`);
    expect(write.status).toBe(401);
    await vi.waitFor(
      async () =>
        expect(expectStatus(await user.client.get('/api/auth/session'), 200).user).toBeNull(),
      notified,
    );
  });

  it('reads a person again after a write in this process changed them', async () => {
    const user = await ctx().newUser({ displayName: 'Avant' });
    expect(expectStatus(await user.client.get('/api/auth/session'), 200).user?.displayName).toBe(
      'Avant',
    );
    expectStatus(await user.client.patch('/api/users/me', { displayName: 'Après' }), 200);
    expect(expectStatus(await user.client.get('/api/auth/session'), 200).user?.displayName).toBe(
      'Après',
    );
  });
});
