// Community insights: only community leads and admins; figures per group and company-wide;
// private groups count only for those who may read them; CSV export.
import { eq } from 'drizzle-orm';
import { posts, threads } from '@serendip/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';
import { recomputeInfluence } from '../influence/influence.service.ts';
import { csvCell } from './insights.csv.ts';
import { mondayOf } from './insights.service.ts';

describe('insights helpers', () => {
  it('defuses spreadsheet formulas and quotes cells that need it', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });

  it('finds the Monday of a week in UTC', () => {
    expect(mondayOf(new Date('2026-11-22T23:00:00Z')).toISOString()).toBe(
      '2026-11-16T00:00:00.000Z',
    );
    expect(mondayOf(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
  });
});

describe('GET /api/insights', () => {
  const ctx = useTestContext();
  let asker: TestUser;
  let expert: TestUser;
  let lead: TestUser;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    asker = await ctx().newUser();
    expert = await ctx().newUser();
    lead = await ctx().newUser({ role: 'community_lead' });
    admin = await ctx().newUser({ role: 'admin' });
    member = await ctx().newUser();
    await ctx().newGroup(asker, { slug: 'cellar' });
    await ctx().join(expert, 'cellar');
    const answered = await ctx().newThread(asker, 'cellar', { tags: ['wine', 'cork'] });
    const answer = await ctx().newPost(expert, answered.thread.id, 'Natural cork, kept moist.');
    expectStatus(
      await asker.client.put(`/api/threads/${answered.thread.id}/accepted`, {
        postId: answer.id,
      }),
      200,
    );
    // The first answer came two hours after the question.
    const askedAt = new Date(Date.now() - 3 * 3_600_000);
    await ctx()
      .db.update(threads)
      .set({ createdAt: askedAt })
      .where(eq(threads.id, answered.thread.id));
    await ctx()
      .db.update(posts)
      .set({ createdAt: new Date(askedAt.getTime() + 2 * 3_600_000) })
      .where(eq(posts.id, answer.id));
    await ctx().newThread(asker, 'cellar', { tags: ['wine'] });
    await ctx().newThread(asker, 'cellar', { kind: 'discussion', tags: ['wine'] });
    // A private group the lead does not belong to.
    await ctx().newGroup(asker, { slug: 'board', visibility: 'private' });
    await ctx().newThread(asker, 'board', { tags: ['classified'] });
    await recomputeInfluence(ctx().db);
  });

  it('refuses anonymous visitors, members and moderators', async () => {
    expect((await ctx().anonymous.get('/api/insights')).status).toBe(401);
    const moderator = await ctx().newUser({ role: 'moderator' });
    for (const person of [member, moderator]) {
      const reply = await person.client.get('/api/insights');
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
      expect((await person.client.get('/api/insights/export')).status).toBe(403);
    }
  });

  it('gives a community lead the figures of a group', async () => {
    const body = expectStatus(await lead.client.get('/api/insights?group=cellar&weeks=4'), 200);
    expect(body.group).toEqual({ slug: 'cellar', name: 'Group cellar' });
    expect(body.activity).toHaveLength(4);
    const thisWeek = body.activity.at(-1);
    expect(thisWeek.questions + body.activity.at(-2).questions).toBe(2);
    expect(body.activity.reduce((sum: number, week: any) => sum + week.answers, 0)).toBe(1);
    expect(body).toMatchObject({ questions: 2, answered: 1, answerRate: 0.5, unanswered: 1 });
    expect(body.medianHoursToFirstAnswer).toBeCloseTo(2, 3);
    expect(body.topTags[0]).toEqual({ slug: 'wine', threads: 3 });
    expect(body.computedAt).not.toBeNull();
    const [topExpert] = body.influencers.experts;
    expect(topExpert.user.id).toBe(expert.id);
    expect(topExpert.components.expertiseRank).toBeGreaterThan(0);
    expect(Object.keys(topExpert.contributions)).toContain('helped');
    expect(body.influencers.helpers[0].user.id).toBe(expert.id);
  });

  it('hides private groups from a lead who is not a member, and shows them to an admin', async () => {
    const hidden = await lead.client.get('/api/insights?group=board');
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('group_not_found');
    expect((await lead.client.get('/api/insights/export?group=board')).status).toBe(404);
    const company = expectStatus(await lead.client.get('/api/insights'), 200);
    expect(company.group).toBeNull();
    expect(company.questions).toBe(2);
    expect(company.topTags.map((tag: any) => tag.slug)).not.toContain('classified');
    const adminView = expectStatus(await admin.client.get('/api/insights'), 200);
    expect(adminView.questions).toBe(3);
    expect(adminView.topTags.map((tag: any) => tag.slug)).toContain('classified');
    const board = expectStatus(await admin.client.get('/api/insights?group=board'), 200);
    expect(board.questions).toBe(1);
  });

  it('exports the same figures as CSV', async () => {
    const reply = await lead.client.get('/api/insights/export?group=cellar');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/csv');
    expect(reply.headers['content-disposition']).toContain('insights-cellar.csv');
    const lines = String(reply.body).trim().split('\r\n');
    expect(lines[0]).toBe('section,key,value,value2,detail');
    expect(lines).toContain('answer_rate,,0.5,,');
    expect(lines).toContain('top_tag,wine,3,,');
    expect(lines.some((line) => line.startsWith(`influencer_experts,${expert.handle},`))).toBe(
      true,
    );
  });
});
