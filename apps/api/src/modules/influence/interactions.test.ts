// The interaction loader on content written through the API: every kind, its people, its dates.
import { eq } from 'drizzle-orm';
import { importedVotes, threads } from '@serendip/db';
import { computeInfluence } from '@serendip/influence';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';
import { loadInteractions } from './interactions.ts';

describe('loading interactions for influence scoring', () => {
  const ctx = useTestContext();
  let asker: TestUser;
  let helper: TestUser;
  let voter: TestUser;
  let threadId: number;
  let answerId: number;
  let anonymousThreadId: number;

  beforeAll(async () => {
    asker = await ctx().newUser();
    helper = await ctx().newUser();
    voter = await ctx().newUser();
    const group = await ctx().newGroup(asker, { slug: 'brewing' });
    for (const user of [helper, voter]) await ctx().join(user, group.slug);
    const thread = await ctx().newThread(asker, 'brewing', { tags: ['hops', 'ipa'] });
    threadId = thread.thread.id;
    answerId = (await ctx().newPost(helper, threadId, 'Dry-hop for three days.')).id;
    expectStatus(await voter.client.put(`/api/posts/${answerId}/vote`, { value: 1 }), 200);
    expectStatus(
      await asker.client.put(`/api/threads/${threadId}/accepted`, { postId: answerId }),
      200,
    );
    expectStatus(await asker.client.put(`/api/threads/${threadId}/thanks`, { rating: 4 }), 200);
    const anonymous = await ctx().newThread(asker, 'brewing', { anonymous: true, tags: ['yeast'] });
    anonymousThreadId = anonymous.thread.id;
    await ctx().newPost(helper, anonymousThreadId, 'Use a starter.');
  });

  it('loads each kind with actor, target, group, tags and weight', async () => {
    const { interactions, people } = await loadInteractions(ctx().db);
    const [row] = await ctx().db.select().from(threads).where(eq(threads.id, threadId));
    const groupId = String(row!.groupId);
    const about = interactions.filter((item) => item.tags?.includes('hops'));
    const summary = about.map(({ kind, actor, target, weight }) => ({
      kind,
      actor,
      target,
      weight,
    }));
    const [a, h, v] = [asker, helper, voter].map((user) => String(user.id)) as [
      string,
      string,
      string,
    ];
    expect(summary).toEqual(
      expect.arrayContaining([
        { kind: 'question', actor: a, target: a, weight: undefined },
        { kind: 'answer', actor: h, target: a, weight: undefined },
        { kind: 'vote', actor: v, target: h, weight: 1 },
        { kind: 'accept', actor: a, target: h, weight: undefined },
        { kind: 'rating', actor: a, target: h, weight: 4 },
      ]),
    );
    expect(about).toHaveLength(5);
    for (const item of about) {
      expect(item.groupId).toBe(groupId);
      expect(item.tags).toEqual(['hops', 'ipa']);
    }
    expect(people.get(h)).toEqual({ department: '', site: '' });
    const sorted = interactions.map((item) => item.at);
    expect(sorted).toEqual([...sorted].sort((x, y) => x - y));
  });

  it('never names the asker of an anonymous question', async () => {
    const { interactions } = await loadInteractions(ctx().db);
    const anonymous = interactions.filter((item) => item.tags?.includes('yeast'));
    expect(anonymous.map((item) => item.kind).sort()).toEqual(['answer', 'question']);
    for (const item of anonymous) {
      expect(item.target).toBe(`anonymous-asker:${anonymousThreadId}`);
      expect(item.actor).not.toBe(String(asker.id));
    }
  });

  it('keeps only what happened before `until`, imported votes as one anonymous voter each', async () => {
    const future = new Date(Date.now() + 86_400_000);
    await ctx()
      .db.insert(importedVotes)
      .values([
        {
          source: 'test',
          externalId: '1',
          postId: answerId,
          kind: 'up',
          value: 1,
          createdAt: future,
        },
        {
          source: 'test',
          externalId: '2',
          postId: answerId,
          kind: 'down',
          value: -1,
          createdAt: new Date(0),
        },
      ]);
    const all = await loadInteractions(ctx().db);
    const imported = all.interactions.filter((item) => item.actor.startsWith('anonymous-voter:'));
    expect(imported.map((item) => item.weight).sort()).toEqual([-1, 1]);
    expect(new Set(imported.map((item) => item.actor)).size).toBe(2);
    const earlier = await loadInteractions(ctx().db, { until: new Date(Date.now() + 1000) });
    expect(
      earlier.interactions.filter((item) => item.actor.startsWith('anonymous-voter:')),
    ).toHaveLength(1);
    const none = await loadInteractions(ctx().db, { until: new Date(0) });
    expect(none.interactions).toEqual([]);
  });

  it('feeds the scoring: the helper ranks first', async () => {
    const { interactions, people } = await loadInteractions(ctx().db);
    const result = computeInfluence(interactions, people);
    expect(result.people[0]!.personId).toBe(String(helper.id));
  });
});
