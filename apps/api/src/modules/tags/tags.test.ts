import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('tags', () => {
  const ctx = useTestContext();

  const suggest = async (user: TestUser, query: string) =>
    expectStatus(await user.client.get(`/api/tags?${query}`), 200).items as {
      slug: string;
      threadCount: number;
    }[];

  it('refuses signed-out requests with a 401', async () => {
    const reply = await ctx().anonymous.get('/api/tags?prefix=a');
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthenticated');
  });

  it('matches the normalised prefix: accents, case and spaces do not matter', async () => {
    const user = await ctx().newUser();
    await user.client.patch('/api/users/me', {
      skills: ['Gestion de Projet', 'Gestion des risques', 'Génie civil'],
    });
    expect(await suggest(user, `prefix=${encodeURIComponent('GESTIÓN de P')}`)).toEqual([
      { slug: 'gestion-de-projet', threadCount: 0 },
    ]);
    // The trailing space ends the word "de", so "des" no longer matches.
    expect((await suggest(user, `prefix=${encodeURIComponent('Gestion de ')}`)).length).toBe(1);
    expect((await suggest(user, 'prefix=gestion-de')).length).toBe(2);
    expect((await suggest(user, 'prefix=ge')).map((tag) => tag.slug)).toEqual([
      'genie-civil',
      'gestion-de-projet',
      'gestion-des-risques',
    ]);
  });

  it('answers no tags for a prefix that is no possible tag', async () => {
    const user = await ctx().newUser();
    await user.client.patch('/api/users/me', { skills: ['anything'] });
    expect(await suggest(user, `prefix=${encodeURIComponent('!!!')}`)).toEqual([]);
  });

  it('lists the most used tags first, then alphabetically, within the limit', async () => {
    const user = await ctx().newUser();
    const group = await ctx().newGroup(user);
    await user.client.patch('/api/users/me', { skills: ['zz-alpha', 'zz-beta'] });
    await ctx().newThread(user, group.slug, { tags: ['zz-gamma', 'zz-delta'] });
    await ctx().newThread(user, group.slug, { tags: ['zz-delta'] });
    await ctx().newThread(user, group.slug, { tags: ['zz-delta', 'zz-beta'] });

    expect(await suggest(user, 'prefix=zz')).toEqual([
      { slug: 'zz-delta', threadCount: 3 },
      { slug: 'zz-beta', threadCount: 1 },
      { slug: 'zz-gamma', threadCount: 1 },
      { slug: 'zz-alpha', threadCount: 0 },
    ]);
    expect((await suggest(user, 'prefix=zz&limit=2')).map((tag) => tag.slug)).toEqual([
      'zz-delta',
      'zz-beta',
    ]);
    // No prefix: the most used tags of the whole site.
    expect((await suggest(user, 'limit=1'))[0]).toEqual({ slug: 'zz-delta', threadCount: 3 });
  });

  it("never offers a private group's topics to people outside it", async () => {
    const insider = await ctx().newUser();
    const outsider = await ctx().newUser();
    const secret = await ctx().newGroup(insider, { visibility: 'private' });
    const open = await ctx().newGroup(insider);
    await ctx().newThread(insider, secret.slug, { tags: ['yy-merger', 'yy-shared'] });
    await ctx().newThread(insider, open.slug, { tags: ['yy-shared'] });

    expect(await suggest(insider, 'prefix=yy')).toEqual([
      { slug: 'yy-shared', threadCount: 2 },
      { slug: 'yy-merger', threadCount: 1 },
    ]);
    expect(await suggest(outsider, 'prefix=yy')).toEqual([{ slug: 'yy-shared', threadCount: 1 }]);
  });

  it('returns 10 tags by default', async () => {
    const user = await ctx().newUser();
    await user.client.patch('/api/users/me', {
      skills: Array.from({ length: 12 }, (_, i) => `many-${String(i).padStart(2, '0')}`),
    });
    expect(await suggest(user, 'prefix=many')).toHaveLength(10);
  });

  it.each(['limit=0', 'limit=51', 'limit=ten', `prefix=${'a'.repeat(61)}`])(
    'refuses %s with a 400',
    async (query) => {
      const user = await ctx().newUser();
      const reply = await user.client.get(`/api/tags?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    },
  );

  describe("a tag's threads", () => {
    const titlesOf = (body: { items: { title: string }[] }) => body.items.map((t) => t.title);

    it('lists the tagged threads of every readable group, never a private one the viewer is not in', async () => {
      const insider = await ctx().newUser();
      const outsider = await ctx().newUser();
      const secret = await ctx().newGroup(insider, { visibility: 'private' });
      const open = await ctx().newGroup(insider);
      const other = await ctx().newGroup(outsider);
      await ctx().newThread(insider, secret.slug, {
        title: 'Secret merger plans?',
        tags: ['xx-plan'],
      });
      await ctx().newThread(insider, open.slug, {
        title: 'Public planning tips?',
        tags: ['xx-plan'],
      });
      await ctx().newThread(outsider, other.slug, {
        title: 'Other group planning?',
        tags: ['XX Plan'],
      });
      await ctx().newThread(outsider, other.slug, {
        title: 'Untagged elsewhere?',
        tags: ['xx-other'],
      });

      const seenByOutsider = expectStatus(
        await outsider.client.get('/api/tags/xx-plan/threads'),
        200,
      );
      expect(titlesOf(seenByOutsider)).toEqual(['Other group planning?', 'Public planning tips?']);
      const seenByInsider = expectStatus(
        await insider.client.get('/api/tags/XX%20Plan/threads'),
        200,
      );
      expect(titlesOf(seenByInsider)).toEqual([
        'Other group planning?',
        'Public planning tips?',
        'Secret merger plans?',
      ]);
    });

    it('hides the author of an anonymous question, as group lists do', async () => {
      const asker = await ctx().newUser();
      const reader = await ctx().newUser();
      const group = await ctx().newGroup(asker);
      await ctx().newThread(asker, group.slug, { tags: ['xx-anon'], anonymous: true });
      const [seen] = expectStatus(await reader.client.get('/api/tags/xx-anon/threads'), 200).items;
      expect(seen.author).toBeNull();
      const [own] = expectStatus(await asker.client.get('/api/tags/xx-anon/threads'), 200).items;
      expect(own.author.id).toBe(asker.id);
    });

    it('pages with a cursor, and refuses a forged one', async () => {
      const user = await ctx().newUser();
      const group = await ctx().newGroup(user);
      for (let i = 0; i < 3; i++) await ctx().newThread(user, group.slug, { tags: ['xx-paged'] });
      const first = expectStatus(await user.client.get('/api/tags/xx-paged/threads?limit=2'), 200);
      expect(first.items).toHaveLength(2);
      const second = expectStatus(
        await user.client.get(`/api/tags/xx-paged/threads?limit=2&cursor=${first.nextCursor}`),
        200,
      );
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      const ids = [...first.items, ...second.items].map((t: { id: number }) => t.id);
      expect(new Set(ids).size).toBe(3);
      const forged = await user.client.get('/api/tags/xx-paged/threads?cursor=bm9wZQ');
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe('invalid_cursor');
    });

    it('answers an empty list for an unknown tag, a 400 for no tag at all, a 401 signed out', async () => {
      const user = await ctx().newUser();
      expect(
        expectStatus(await user.client.get('/api/tags/never-used/threads'), 200).items,
      ).toEqual([]);
      expect((await user.client.get('/api/tags/!!!/threads')).status).toBe(400);
      expect((await ctx().anonymous.get('/api/tags/anything/threads')).status).toBe(401);
    });
  });
});
