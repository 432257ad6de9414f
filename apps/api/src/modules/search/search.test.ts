// Search and discovery through the API on the configured engine: relevance, facets, private
// groups never leaking (search, suggest, similar questions, related, Discover, questions to
// answer), deleted and hidden posts leaving the index, and the staff-only status.
import { eq } from 'drizzle-orm';
import { posts } from '@serendip/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';
import { queueSearchUpdate } from '../../write-path.ts';

const context = useTestContext();

describe('search and discovery', () => {
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let outsider: TestUser;
  let brewing: { slug: string };
  let cellar: { slug: string };
  let secret: { slug: string };
  const threads: Record<string, { id: number }> = {};

  beforeAll(async () => {
    const ctx = context();
    alice = await ctx.newUser({ locale: 'en' });
    bob = await ctx.newUser({ locale: 'en' });
    carol = await ctx.newUser({ locale: 'fr' });
    outsider = await ctx.newUser({ locale: 'en' });
    brewing = await ctx.newGroup(alice, { slug: 'brewing', name: 'Home brewing' });
    cellar = await ctx.newGroup(bob, { slug: 'cellar', name: 'Cellar keeping' });
    secret = await ctx.newGroup(alice, {
      slug: 'secret-lab',
      name: 'Secret lab',
      visibility: 'private',
    });
    expectStatus(
      await alice.client.put(`/api/groups/${secret.slug}/members/${carol.handle}`, {
        role: 'member',
      }),
      200,
    );
    threads.hopsA = (
      await ctx.newThread(alice, brewing.slug, {
        title: 'Dry hopping timing for a hazy IPA',
        body: 'When should I add dry hops during fermentation to keep the haze and the aroma?',
        tags: ['hops', 'ipa'],
      })
    ).thread;
    threads.hopsB = (
      await ctx.newThread(bob, cellar.slug, {
        title: 'How many days should dry hops stay in an IPA?',
        body: 'My hazy IPA loses its aroma; how long should dry hopping last before cold crashing?',
        tags: ['hops', 'ipa'],
      })
    ).thread;
    threads.hopsSecret = (
      await ctx.newThread(alice, secret.slug, {
        title: 'Dry hopping schedule for the confidential IPA recipe',
        body: 'Dry hops on day three of fermentation keep the haze and aroma of our secret IPA.',
        tags: ['hops', 'ipa'],
      })
    ).thread;
    threads.bodyOnly = (
      await ctx.newThread(bob, brewing.slug, {
        title: 'Cleaning kegs between batches',
        body: 'Should a refractometer be cleaned like the kegs? Which caustic cleaner do you use?',
        tags: ['cleaning'],
      })
    ).thread;
    threads.titleMatch = (
      await ctx.newThread(bob, brewing.slug, {
        title: 'Calibrating a refractometer',
        body: 'The readings drift after an hour.',
        tags: ['measuring'],
      })
    ).thread;
    threads.french = (
      await ctx.newThread(carol, brewing.slug, {
        title: 'Quelle levure pour une bière de garde ?',
        body: 'Je cherche une levure lager qui fermente à basse température, des idées ?',
        tags: ['levure'],
      })
    ).thread;
    await ctx.newPost(
      bob,
      threads.hopsA!.id,
      'Add them on day two, then cold crash after three days.',
    );
    await ctx.newPost(
      bob,
      threads.hopsB!.id,
      'Three days is enough; longer extracts grassy flavours.',
    );
    await ctx.app.searchIndexer.drain();
  });

  it('ranks a title match above a body match, with highlights and facets', async () => {
    const body = expectStatus(await alice.client.get('/api/search?q=refractometer'), 200);
    expect(body.items.map((item: { id: number }) => item.id)).toEqual([
      threads.titleMatch!.id,
      threads.bodyOnly!.id,
    ]);
    expect(body).toMatchObject({ total: 2, totalIsEstimate: false, facetsAreEstimates: false });
    expect(body.items[0].titleHighlight).toBe('Calibrating a <mark>refractometer</mark>');
    expect(body.items[0].href).toBe(`/threads/${threads.titleMatch!.id}`);
    expect(body.facets.groups).toEqual([{ slug: 'brewing', name: 'Home brewing', count: 2 }]);
    expect(body.facets.tags).toEqual(
      expect.arrayContaining([
        { value: 'cleaning', count: 1 },
        { value: 'measuring', count: 1 },
      ]),
    );
  });

  it('ranks a thread above its answers, which repeat its title', async () => {
    const body = expectStatus(await alice.client.get('/api/search?q=hopping%20timing'), 200);
    expect(body.items[0]).toMatchObject({ type: 'thread', id: threads.hopsA!.id });
    expect(body.items.map((item: { type: string }) => item.type)).toContain('post');
  });

  it('ignores accents and case, tolerates a typo and filters by facet', async () => {
    const accents = expectStatus(await carol.client.get('/api/search?q=BIERE%20de%20GARDE'), 200);
    expect(accents.items.map((item: { id: number }) => item.id)).toContain(threads.french!.id);
    const typo = expectStatus(
      await carol.client.get('/api/search?q=refractomter&type=thread'),
      200,
    );
    expect(typo.items.map((item: { id: number }) => item.id)).toContain(threads.titleMatch!.id);
    expect(typo.corrections).toEqual({ refractomter: 'refractometer' });
    const filtered = expectStatus(
      await alice.client.get('/api/search?q=ipa&type=thread&group=cellar&answered=true'),
      200,
    );
    expect(filtered.items.map((item: { id: number }) => item.id)).toEqual([threads.hopsB!.id]);
  });

  it('answers 400 for a bad filter and 404 for a group the viewer cannot see', async () => {
    expectStatus(await alice.client.get('/api/search?q=ipa&from=yesterday'), 400);
    expectStatus(await outsider.client.get('/api/search?q=ipa&group=secret-lab'), 404);
    expectStatus(await context().anonymous.get('/api/search?q=ipa'), 401);
  });

  it('never shows a private group to non-members, anywhere', async () => {
    const secretId = threads.hopsSecret!.id;
    const searched = expectStatus(await outsider.client.get('/api/search?q=confidential'), 200);
    expect(searched.total).toBe(0);
    const hops = expectStatus(await outsider.client.get('/api/search?q=dry%20hops&limit=50'), 200);
    expect(hops.items.map((item: { id: number }) => item.id)).not.toContain(secretId);
    expect(JSON.stringify(hops.facets)).not.toContain('secret');
    const suggested = expectStatus(await outsider.client.get('/api/search/suggest?q=secre'), 200);
    expect(JSON.stringify(suggested)).not.toMatch(/secret/i);
    const similar = expectStatus(
      await outsider.client.get('/api/search/similar-questions?title=dry%20hopping%20schedule'),
      200,
    );
    expect(similar.items.map((item: { id: number }) => item.id)).not.toContain(secretId);
    const related = expectStatus(
      await outsider.client.get(`/api/threads/${threads.hopsA!.id}/related`),
      200,
    );
    expect(related.items.map((item: { id: number }) => item.id)).not.toContain(secretId);
    expectStatus(await outsider.client.get(`/api/threads/${secretId}/related`), 404);
    const discovered = expectStatus(await outsider.client.get('/api/discover?limit=50'), 200);
    expect(discovered.items.map((item: { id: number }) => item.id)).not.toContain(secretId);
    const answerable = expectStatus(
      await outsider.client.get('/api/questions-to-answer?limit=50'),
      200,
    );
    expect(answerable.items.map((item: { id: number }) => item.id)).not.toContain(secretId);

    // A member sees it.
    const member = expectStatus(await carol.client.get('/api/search?q=confidential'), 200);
    expect(member.items.map((item: { id: number }) => item.id)).toEqual([secretId]);
    const memberSuggest = expectStatus(await carol.client.get('/api/search/suggest?q=secre'), 200);
    expect(memberSuggest.groups.map((g: { href: string }) => g.href)).toEqual([
      '/groups/secret-lab',
    ]);
  });

  it('relates threads on the same topic, with the benchmark shape and a reason', async () => {
    const body = expectStatus(
      await carol.client.get(`/api/threads/${threads.hopsA!.id}/related?limit=3`),
      200,
    );
    expect(body.items[0]).toEqual({
      id: expect.any(Number),
      title: expect.any(String),
      group: { slug: expect.any(String), name: expect.any(String) },
      answered: expect.any(Boolean),
      score: expect.any(Number),
      reason: expect.any(String),
    });
    expect(
      body.items
        .slice(0, 2)
        .map((item: { id: number }) => item.id)
        .sort(),
    ).toEqual([threads.hopsB!.id, threads.hopsSecret!.id].sort());
    expect(body.items.map((item: { id: number }) => item.id)).not.toContain(threads.hopsA!.id);
    const hopsB = body.items.find((item: { id: number }) => item.id === threads.hopsB!.id);
    // Bob answered both hop threads.
    expect(hopsB.reason).toBe('Les mêmes personnes y ont répondu');
  });

  it('offers people, groups and tags as you type', async () => {
    expectStatus(
      await bob.client.patch('/api/users/me', { jobTitle: 'Zymurgist', department: 'Research' }),
      200,
    );
    await context().app.searchIndexer.drain();
    const body = expectStatus(await alice.client.get('/api/search/suggest?q=zymurg'), 200);
    expect(body.people.map((p: { href: string }) => p.href)).toEqual([`/u/${bob.handle}`]);
    const groups = expectStatus(await alice.client.get('/api/search/suggest?q=cella'), 200);
    expect(groups.groups.map((g: { href: string }) => g.href)).toEqual(['/groups/cellar']);
    // The private group's thread is not counted for an outsider.
    const tags = expectStatus(await outsider.client.get('/api/search/suggest?q=hop'), 200);
    expect(tags.tags).toEqual([{ slug: 'hops', threadCount: 2 }]);
  });

  it('suggests already asked questions for a title being typed', async () => {
    const body = expectStatus(
      await outsider.client.get('/api/search/similar-questions?title=how%20long%20to%20dry%20hop'),
      200,
    );
    expect(body.items.map((item: { id: number }) => item.id)).toContain(threads.hopsB!.id);
  });

  it('removes deleted and hidden posts from the results after indexing', async () => {
    const ctx = context();
    const kept = await ctx.newPost(
      alice,
      threads.titleMatch!.id,
      'Use distilled water: zeroing drift.',
    );
    const hidden = await ctx.newPost(bob, threads.titleMatch!.id, 'Hidden advice about zeroing.');
    const deleted = await ctx.newPost(bob, threads.titleMatch!.id, 'Deleted advice about zeroing.');
    await ctx.app.searchIndexer.drain();
    const before = expectStatus(await alice.client.get('/api/search?q=zeroing&type=post'), 200);
    expect(before.items.map((item: { id: number }) => item.id).sort()).toEqual(
      [kept.id, hidden.id, deleted.id].sort(),
    );
    expectStatus(await bob.client.delete(`/api/posts/${deleted.id}`), 200);
    // No moderation endpoint yet: hide the post as moderation will, in one transaction.
    await ctx.db.transaction(async (tx) => {
      await tx.update(posts).set({ state: 'hidden' }).where(eq(posts.id, hidden.id));
      await queueSearchUpdate(tx, 'post', [hidden.id]);
    });
    await ctx.app.searchIndexer.drain();
    const after = expectStatus(await alice.client.get('/api/search?q=zeroing&type=post'), 200);
    expect(after.items.map((item: { id: number }) => item.id)).toEqual([kept.id]);
    expect(after.items[0].href).toBe(`/threads/${threads.titleMatch!.id}#post-${kept.id}`);

    expectStatus(await bob.client.delete(`/api/threads/${threads.bodyOnly!.id}`), 200);
    await ctx.app.searchIndexer.drain();
    const gone = expectStatus(await alice.client.get('/api/search?q=caustic'), 200);
    expect(gone.total).toBe(0);
  });

  it('shows Discover from groups I am not in, matched to my interests, one reason each', async () => {
    const ctx = context();
    expectStatus(await outsider.client.patch('/api/users/me', { interests: ['ipa'] }), 200);
    const body = expectStatus(await outsider.client.get('/api/discover'), 200);
    const ids = body.items.map((item: { id: number }) => item.id);
    expect(ids.slice(0, 2).sort()).toEqual([threads.hopsA!.id, threads.hopsB!.id].sort());
    expect(body.items[0].reason).toBe('Matches your interests: #ipa');
    // A member of brewing no longer gets brewing threads.
    await ctx.join(outsider, brewing.slug);
    const member = expectStatus(await outsider.client.get('/api/discover'), 200);
    expect(member.items.map((item: { group: { slug: string } }) => item.group.slug)).not.toContain(
      'brewing',
    );
  });

  it('keeps any single group from filling Discover', async () => {
    const ctx = context();
    const busy = await ctx.newGroup(bob, { slug: 'busy', name: 'Busy group' });
    for (let i = 0; i < 5; i += 1) {
      await ctx.newThread(bob, busy.slug, {
        title: `Busy thread number ${i} about ipa`,
        tags: ['ipa'],
      });
    }
    const body = expectStatus(await outsider.client.get('/api/discover?limit=10'), 200);
    const fromBusy = body.items.filter(
      (item: { group: { slug: string } }) => item.group.slug === 'busy',
    );
    expect(fromBusy.length).toBe(2);
  });

  it('lists unanswered questions matching my skills', async () => {
    const ctx = context();
    const { thread: asked } = await ctx.newThread(alice, brewing.slug, {
      title: 'Which yeast nutrient for a mead?',
      tags: ['mead'],
    });
    expectStatus(await carol.client.patch('/api/users/me', { skills: ['mead'] }), 200);
    const body = expectStatus(await carol.client.get('/api/questions-to-answer'), 200);
    expect(body.items[0]).toMatchObject({ id: asked.id, reason: 'Dans vos compétences : #mead' });
    expect(body.items.map((item: { id: number }) => item.id)).not.toContain(threads.hopsA!.id);
  });

  it('never recommends a question still waiting for a moderator', async () => {
    const ctx = context();
    const newcomer = await ctx.newUser({ locale: 'en', trustLevel: 0 });
    await ctx.join(newcomer, brewing.slug);
    const { thread: held } = await ctx.newThread(newcomer, brewing.slug, {
      title: 'Which yeast nutrient for a braggot?',
      tags: ['mead', 'ipa'],
    });
    const detail = expectStatus(await newcomer.client.get(`/api/threads/${held.id}`), 200);
    expect(detail.posts[0].state).toBe('pending');
    const stranger = await ctx.newUser({ locale: 'en' });
    expectStatus(await stranger.client.patch('/api/users/me', { interests: ['ipa'] }), 200);
    const discovered = expectStatus(await stranger.client.get('/api/discover?limit=50'), 200);
    expect(discovered.items.map((item: { id: number }) => item.id)).not.toContain(held.id);
    const toAnswer = expectStatus(await carol.client.get('/api/questions-to-answer?limit=50'), 200);
    expect(toAnswer.items.map((item: { id: number }) => item.id)).not.toContain(held.id);
  });

  it('shows the index status to staff only', async () => {
    const ctx = context();
    expectStatus(await alice.client.get('/api/search/status'), 403);
    const admin = await ctx.newUser({ role: 'admin' });
    const body = expectStatus(await admin.client.get('/api/search/status'), 200);
    expect(body.engine).toMatchObject({ ok: true });
    expect(body.indexer.indexed).toBeGreaterThan(0);
    expect(body.indexer.lagP95Ms).toBeGreaterThanOrEqual(0);
  });
});
