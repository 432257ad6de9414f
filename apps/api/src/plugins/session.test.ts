// The web app's in-process calls during one page share the viewer they read first; writes and
// calls outside a web request read the session afresh.
import { eq } from 'drizzle-orm';
import { users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../test/helper.ts';
import { withSharedViewers } from './session.ts';

describe('viewers shared during one web request', () => {
  const ctx = useTestContext();

  async function rename(userId: number, displayName: string): Promise<void> {
    await ctx().db.update(users).set({ displayName }).where(eq(users.id, userId));
  }

  it('reads the session once for reads, afresh after a write', async () => {
    const user = await ctx().newUser({ displayName: 'Before' });
    const nameSeen = async () =>
      expectStatus(await user.client.get('/api/auth/session'), 200).user?.displayName ?? null;

    await withSharedViewers(async () => {
      expect(await nameSeen()).toBe('Before');
      await rename(user.id, 'After');
      // The same page: the viewer read by its first call.
      expect(await nameSeen()).toBe('Before');
      // A write reads the session itself and drops the shared viewer.
      expectStatus(await user.client.post('/api/auth/logout'), 200);
      expect(await nameSeen()).toBeNull();
    });
  });

  it('does not share outside a web request', async () => {
    const user = await ctx().newUser({ displayName: 'Before' });
    const nameSeen = async () =>
      expectStatus(await user.client.get('/api/auth/session'), 200).user?.displayName ?? null;
    expect(await nameSeen()).toBe('Before');
    await rename(user.id, 'After');
    expect(await nameSeen()).toBe('After');
  });

  it('keeps each web request to its own viewers', async () => {
    const user = await ctx().newUser({ displayName: 'Before' });
    const nameSeen = async () =>
      expectStatus(await user.client.get('/api/auth/session'), 200).user?.displayName ?? null;
    await withSharedViewers(async () => expect(await nameSeen()).toBe('Before'));
    await rename(user.id, 'After');
    await withSharedViewers(async () => expect(await nameSeen()).toBe('After'));
  });
});
