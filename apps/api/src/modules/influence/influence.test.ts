// Influence recomputation: dated snapshots company-wide, per group and per tag, on demand (only
// community leads and admins) and on a schedule.
import { and, eq } from 'drizzle-orm';
import { influenceSnapshots } from '@serendip/db';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';
import { influenceRecompute } from '../../jobs/influence-recompute.ts';
import { scheduleInfluenceRecompute } from '../../jobs/influence-schedule.ts';
import { recomputeInfluence } from './influence.service.ts';

describe('influence snapshots', () => {
  const ctx = useTestContext();
  let asker: TestUser;
  let helper: TestUser;
  let groupId: number;

  beforeAll(async () => {
    asker = await ctx().newUser();
    helper = await ctx().newUser();
    const group = await ctx().newGroup(asker, { slug: 'cellar' });
    groupId = group.id;
    await ctx().join(helper, 'cellar');
    for (const title of ['Which cork for a ten-year Bordeaux?', 'How cold should a cellar be?']) {
      const thread = await ctx().newThread(asker, 'cellar', { title, tags: ['wine'] });
      const answer = await ctx().newPost(helper, thread.thread.id, 'Natural cork, kept moist.');
      expectStatus(
        await asker.client.put(`/api/threads/${thread.thread.id}/accepted`, { postId: answer.id }),
        200,
      );
    }
  });

  const snapshot = (scopeType: string, scopeKey: string, computedAt: Date) =>
    ctx()
      .db.select()
      .from(influenceSnapshots)
      .where(
        and(
          eq(influenceSnapshots.scopeType, scopeType),
          eq(influenceSnapshots.scopeKey, scopeKey),
          eq(influenceSnapshots.computedAt, computedAt),
        ),
      )
      .orderBy(influenceSnapshots.rank);

  it('refuses members, and lets a community lead recompute now', async () => {
    const member = await ctx().newUser();
    const refused = await member.client.post('/api/influence/recompute');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const lead = await ctx().newUser({ role: 'community_lead' });
    const summary = expectStatus(await lead.client.post('/api/influence/recompute'), 200);
    expect(summary).toMatchObject({ groups: 1, tags: 1 });
    expect(summary.people).toBeGreaterThanOrEqual(2);
    const company = await snapshot('company', '', new Date(summary.computedAt));
    expect(company[0]!.userId).toBe(helper.id);
    expect(company[0]!.rank).toBe(1);
    expect(company[0]!.components.expertiseRank).toBeGreaterThan(0);
  });

  it('keeps one dated snapshot per run, per group and per tag', async () => {
    const first = await recomputeInfluence(ctx().db, { now: new Date(Date.now() + 1000) });
    const second = await recomputeInfluence(ctx().db, { now: new Date(Date.now() + 2000) });
    expect(first.computedAt).not.toBe(second.computedAt);
    for (const summary of [first, second]) {
      const at = new Date(summary.computedAt);
      const inGroup = await snapshot('group', String(groupId), at);
      const inTag = await snapshot('tag', 'wine', at);
      expect(inGroup.map((row) => row.userId)[0]).toBe(helper.id);
      expect(inTag.map((row) => row.userId)[0]).toBe(helper.id);
    }
    const past = await recomputeInfluence(ctx().db, { now: new Date(0) });
    expect(past).toMatchObject({ interactions: 0, people: 0, rows: 0 });
  });

  it('runs on a schedule', async () => {
    const ran = new Promise<Error | null>((resolve) => {
      const schedule = scheduleInfluenceRecompute(
        influenceRecompute(ctx().database),
        Fastify().log,
        10,
        (outcome) => {
          schedule.stop();
          resolve(outcome);
        },
      );
    });
    expect(await ran).toBeNull();
  });

  // On a server the run is on a worker thread with its own connection; embedded, inline.
  it('joins a run already going instead of starting another, then runs afresh', async () => {
    const recompute = influenceRecompute(ctx().database);
    const [first, joined] = await Promise.all([recompute(), recompute()]);
    expect(joined).toEqual(first);
    expect(first.people).toBeGreaterThan(0);
    const next = await recompute();
    expect(next.computedAt > first.computedAt).toBe(true);
  });
});

describe('influence snapshots and private groups', () => {
  const ctx = useTestContext();

  it('scores private-group activity in that group only, never company-wide or per tag', async () => {
    const owner = await ctx().newUser();
    const insider = await ctx().newUser();
    const vault = await ctx().newGroup(owner, { slug: 'vault', visibility: 'private' });
    expectStatus(
      await owner.client.put(`/api/groups/vault/members/${insider.handle}`, { role: 'member' }),
      200,
    );
    const { thread } = await ctx().newThread(owner, 'vault', { tags: ['restructuring'] });
    const answer = await ctx().newPost(insider, thread.id, 'The plan is ready for March.');
    expectStatus(await owner.client.put(`/api/posts/${answer.id}/vote`, { value: 1 }), 200);

    const summary = await recomputeInfluence(ctx().db, { now: new Date(Date.now() + 1000) });
    const rows = await ctx()
      .db.select()
      .from(influenceSnapshots)
      .where(eq(influenceSnapshots.computedAt, new Date(summary.computedAt)));
    const scopesOf = (userId: number) =>
      rows.filter((row) => row.userId === userId).map((row) => `${row.scopeType}:${row.scopeKey}`);
    expect(scopesOf(insider.id)).toEqual([`group:${vault.id}`]);
    expect(rows.some((row) => row.scopeType === 'tag')).toBe(false);
  });
});
