// The expert directory: ranked by demonstrated expertise on a tag, declared skills and load;
// "ask this expert" addresses a question to one person, who is notified.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';
import { recomputeInfluence } from '../influence/influence.service.ts';
import { decide, itemOfPost } from '../moderation/moderation-fixtures.ts';
import { directoryScore, loadFactorOf } from './people.ranking.ts';

describe('directoryScore', () => {
  const base = {
    expertise: 0.5,
    declaredSkill: false,
    openToQuestions: false,
    weeklyHelpMinutes: 0,
    ratingCount: 0,
    ratingAverage: null,
    pendingAddressed: 0,
  };

  it('weights expertise, declared skill, availability and ratings as documented', () => {
    expect(directoryScore(base).score).toBeCloseTo(0.3, 12);
    expect(directoryScore({ ...base, declaredSkill: true }).score).toBeCloseTo(0.45, 12);
    expect(
      directoryScore({ ...base, openToQuestions: true, weeklyHelpMinutes: 30 }).score,
    ).toBeCloseTo(0.3 + 0.1 * 0.75, 12);
    // Average 5 from 2 people: (5 − 1) / 4 × 2 / (2 + 2) = 0.5, weighted 0.15.
    expect(directoryScore({ ...base, ratingCount: 2, ratingAverage: 5 }).score).toBeCloseTo(
      0.3 + 0.075,
      12,
    );
  });

  it('ranks an expert holding addressed questions below an equal one who holds none', () => {
    const free = directoryScore(base);
    const busy = directoryScore({ ...base, pendingAddressed: 4 });
    expect(busy.loadFactor).toBe(0.5);
    expect(busy.score).toBeLessThan(free.score);
    expect(loadFactorOf(0)).toBe(1);
  });
});

describe('GET /api/people and ask this expert', () => {
  const ctx = useTestContext();
  let asker: TestUser;
  let topExpert: TestUser;
  let secondExpert: TestUser;
  let declared: TestUser;
  let stranger: TestUser;

  async function answeredQuestion(expert: TestUser, tag: string) {
    const thread = await ctx().newThread(asker, 'cellar', { tags: [tag] });
    const answer = await ctx().newPost(expert, thread.thread.id, 'Keep it at 12 degrees.');
    expectStatus(
      await asker.client.put(`/api/threads/${thread.thread.id}/accepted`, { postId: answer.id }),
      200,
    );
  }

  beforeAll(async () => {
    asker = await ctx().newUser({ displayName: 'Alice Asker' });
    topExpert = await ctx().newUser({ displayName: 'Olivia Oenologist' });
    secondExpert = await ctx().newUser({ displayName: 'Bruno Brewer' });
    declared = await ctx().newUser({ displayName: 'Dana Declared' });
    stranger = await ctx().newUser({ displayName: 'Sam Stranger' });
    await ctx().newGroup(asker, { slug: 'cellar' });
    for (const person of [topExpert, secondExpert, declared, stranger]) {
      await ctx().join(person, 'cellar');
    }
    for (let i = 0; i < 3; i++) await answeredQuestion(topExpert, 'wine');
    await answeredQuestion(secondExpert, 'wine');
    await answeredQuestion(stranger, 'beer');
    expectStatus(
      await declared.client.patch('/api/users/me', {
        skills: ['wine'],
        openToQuestions: true,
        weeklyHelpMinutes: 60,
      }),
      200,
    );
    await recomputeInfluence(ctx().db);
  });

  const rankOf = (body: { people: { user: { id: number } }[] }, user: TestUser) =>
    body.people.findIndex((person) => person.user.id === user.id);

  it('finds the demonstrated experts of a tag first, with their score explained', async () => {
    const body = expectStatus(await asker.client.get('/api/people?tag=Wine'), 200);
    expect(body.topic).toBe('wine');
    expect(body.computedAt).not.toBeNull();
    expect(rankOf(body, topExpert)).toBe(0);
    expect(rankOf(body, secondExpert)).toBeGreaterThan(0);
    expect(rankOf(body, stranger)).toBe(-1);
    const top = body.people[0].relevance;
    expect(top.expertise).toBeGreaterThan(0);
    expect(top.expertiseRank).toBe(1);
    expect(top.contributions.expertiseRank).toBeGreaterThan(0);
    const skilled = body.people[rankOf(body, declared)];
    expect(skilled.relevance).toMatchObject({
      declaredSkill: true,
      openToQuestions: true,
      expertise: 0,
      expertiseRank: null,
    });
    expect(skilled.skills).toEqual(['wine']);
    expect(body.people[0].askIn).toEqual({ slug: 'cellar', name: 'Group cellar' });
    expect(skilled.askIn).toEqual({ slug: 'cellar', name: 'Group cellar' });
    const scores = body.people.map((person: any) => person.relevance.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('lists only declared skill holders for skill=, and filters by name with q=', async () => {
    const bySkill = expectStatus(await asker.client.get('/api/people?skill=wine'), 200);
    expect(bySkill.people.map((person: any) => person.user.id)).toEqual([declared.id]);
    const byName = expectStatus(await asker.client.get('/api/people?q=bruno'), 200);
    expect(byName.people.map((person: any) => person.user.id)).toEqual([secondExpert.id]);
    const byBoth = expectStatus(await asker.client.get('/api/people?tag=wine&q=olivia'), 200);
    expect(byBoth.people.map((person: any) => person.user.id)).toEqual([topExpert.id]);
  });

  it('refuses anonymous visitors and unusable tags', async () => {
    expect((await ctx().anonymous.get('/api/people?tag=wine')).status).toBe(401);
    const bad = await asker.client.get('/api/people?tag=%21%21%21');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('tag');
  });

  it('addresses a question to an expert, who is notified', async () => {
    const created = expectStatus(
      await asker.client.post('/api/groups/cellar/threads', {
        kind: 'question',
        title: 'Which grape for a cold cellar in Lyon?',
        body: 'Our cellar stays at 10 degrees all year. What would you plant?',
        tags: ['wine'],
        addressedTo: topExpert.handle.toUpperCase(),
      }),
      201,
    );
    const inbox = expectStatus(await topExpert.client.get('/api/notifications'), 200);
    expect(
      inbox.items.some(
        (item: any) => item.threadId === created.thread.id && item.type === 'mention',
      ),
    ).toBe(true);
  });

  it('tells the expert of a question held for review only once a moderator publishes it', async () => {
    const newcomer = await ctx().newUser({ trustLevel: 0 });
    await ctx().join(newcomer, 'cellar');
    const created = expectStatus(
      await newcomer.client.post('/api/groups/cellar/threads', {
        kind: 'question',
        title: 'Can a newcomer ask the expert about corks?',
        body: 'Natural or synthetic corks for a ten-year cellar?',
        tags: ['wine'],
        addressedTo: topExpert.handle,
      }),
      201,
    );
    const toldExpert = async () => {
      const inbox = expectStatus(await topExpert.client.get('/api/notifications'), 200);
      return inbox.items.some((item: any) => item.threadId === created.thread.id);
    };
    expect(await toldExpert()).toBe(false);
    const moderator = await ctx().newUser({ role: 'moderator' });
    const item = await itemOfPost(moderator, created.posts[0].id);
    expectStatus(await decide(moderator, item.id, { decision: 'approve' }), 200);
    expect(await toldExpert()).toBe(true);
  });

  it('refuses to address unknown people, oneself, discussions and outsiders of a private group', async () => {
    const ask = (who: TestUser, slug: string, extra: Record<string, unknown>) =>
      who.client.post(`/api/groups/${slug}/threads`, {
        kind: 'question',
        title: 'Who knows about decanting old vintages?',
        body: 'We have a 1990 bottle and no idea how long to decant it.',
        tags: ['wine'],
        ...extra,
      });
    for (const extra of [
      { addressedTo: 'nobody-here' },
      { addressedTo: asker.handle },
      { addressedTo: topExpert.handle, kind: 'discussion' },
    ]) {
      const reply = await ask(asker, 'cellar', extra);
      expect(reply.status).toBe(400);
      expect(reply.body.error.fields).toHaveProperty('addressedTo');
    }
    await ctx().newGroup(asker, { slug: 'board', visibility: 'private' });
    const outsider = await ask(asker, 'board', { addressedTo: stranger.handle });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.fields).toHaveProperty('addressedTo');
  });

  it('shows an expert holding several unanswered addressed questions lower', async () => {
    const before = expectStatus(await asker.client.get('/api/people?tag=wine'), 200);
    const scoreBefore = before.people[rankOf(before, secondExpert)].relevance.score;
    for (let i = 0; i < 4; i++) {
      const reply = await asker.client.post('/api/groups/cellar/threads', {
        kind: 'question',
        title: `Addressed question number ${i} about wine`,
        body: 'A question for the one person who knows this best, please.',
        tags: ['wine'],
        addressedTo: secondExpert.handle,
      });
      expect(reply.status).toBe(201);
    }
    const after = expectStatus(await asker.client.get('/api/people?tag=wine'), 200);
    const busy = after.people[rankOf(after, secondExpert)].relevance;
    expect(busy.pendingAddressed).toBe(4);
    expect(busy.loadFactor).toBe(0.5);
    expect(busy.score).toBeCloseTo(scoreBefore * 0.5, 12);
    expect(rankOf(after, secondExpert)).toBeGreaterThan(rankOf(after, declared));
  });
});
