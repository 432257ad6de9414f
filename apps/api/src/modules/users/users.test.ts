import { and, eq } from 'drizzle-orm';
import { events, searchOutbox, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

describe('users', () => {
  const ctx = useTestContext();

  const patchMe = (user: TestUser, body: unknown) => user.client.patch('/api/users/me', body);

  describe('GET /users/me', () => {
    it('answers the full profile with defaults for a new account', async () => {
      // Just registered: the factory's default trust level 1 is for people with a history.
      const user = await ctx().newUser({
        displayName: 'Amélie Durand',
        locale: 'en',
        trustLevel: 0,
      });
      const me = expectStatus(await user.client.get('/api/users/me'), 200);
      expect(me).toEqual({
        id: user.id,
        email: user.email,
        handle: user.handle,
        displayName: 'Amélie Durand',
        jobTitle: '',
        department: '',
        site: '',
        hierarchyLevel: null,
        hierarchyVisible: false,
        locale: 'en',
        bio: '',
        role: 'member',
        trustLevel: 0,
        suspendedUntil: null,
        openToQuestions: false,
        weeklyHelpMinutes: 0,
        notificationPreferences: {
          answer: true,
          mention: true,
          accepted: true,
          reply: true,
          thanks: true,
          moderation: true,
        },
        skills: [],
        interests: [],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });

    it('refuses signed-out requests with a 401', async () => {
      expect((await ctx().anonymous.get('/api/users/me')).status).toBe(401);
      expect((await ctx().anonymous.patch('/api/users/me', { bio: 'x' })).status).toBe(401);
      const someone = await ctx().newUser();
      const profile = await ctx().anonymous.get(`/api/users/${someone.handle}`);
      expect(profile.status).toBe(401);
      expect(profile.body.error.code).toBe('unauthenticated');
    });
  });

  describe('PATCH /users/me', () => {
    it('updates the given fields, trims text, and leaves the others alone', async () => {
      const user = await ctx().newUser();
      const me = expectStatus(
        await patchMe(user, {
          displayName: '  Bernard Martin ',
          jobTitle: 'Project manager',
          department: 'IT',
          site: 'Lyon',
          hierarchyLevel: 3,
          hierarchyVisible: true,
          locale: 'en',
          bio: 'Agile coach.',
          openToQuestions: true,
          weeklyHelpMinutes: 90,
        }),
        200,
      );
      expect(me).toMatchObject({
        displayName: 'Bernard Martin',
        jobTitle: 'Project manager',
        department: 'IT',
        site: 'Lyon',
        hierarchyLevel: 3,
        hierarchyVisible: true,
        locale: 'en',
        bio: 'Agile coach.',
        openToQuestions: true,
        weeklyHelpMinutes: 90,
      });
      const after = expectStatus(await patchMe(user, { site: 'Paris', hierarchyLevel: null }), 200);
      expect(after).toMatchObject({ site: 'Paris', hierarchyLevel: null, department: 'IT' });
      expect(expectStatus(await user.client.get('/api/users/me'), 200)).toEqual(after);
    });

    it('normalises skills and interests and replaces each list wholesale', async () => {
      const user = await ctx().newUser();
      const first = expectStatus(
        await patchMe(user, {
          skills: ['Gestion de Projet', 'TypeScript', 'typescript', 'Ça marche'],
          interests: ['Élagage'],
        }),
        200,
      );
      expect(first.skills).toEqual(['ca-marche', 'gestion-de-projet', 'typescript']);
      expect(first.interests).toEqual(['elagage']);

      const second = expectStatus(await patchMe(user, { skills: ['Kubernetes'] }), 200);
      expect(second.skills).toEqual(['kubernetes']);
      expect(second.interests).toEqual(['elagage']);

      const cleared = expectStatus(await patchMe(user, { interests: [] }), 200);
      expect(cleared.interests).toEqual([]);
      expect(cleared.skills).toEqual(['kubernetes']);
    });

    it('merges notification preferences into the stored ones', async () => {
      const user = await ctx().newUser();
      await patchMe(user, { notificationPreferences: { reply: false } });
      const me = expectStatus(
        await patchMe(user, { notificationPreferences: { thanks: false, answer: true } }),
        200,
      );
      expect(me.notificationPreferences).toEqual({
        answer: true,
        mention: true,
        accepted: true,
        reply: false,
        thanks: false,
        moderation: true,
      });
    });

    it('accepts an empty body as "no change"', async () => {
      const user = await ctx().newUser();
      const before = expectStatus(await user.client.get('/api/users/me'), 200);
      expect(expectStatus(await patchMe(user, {}), 200)).toEqual(before);
    });

    it('ignores fields that are not editable here (handle, email, role) and unknown ones', async () => {
      const user = await ctx().newUser();
      const me = expectStatus(
        await patchMe(user, {
          handle: 'someone-else',
          email: 'other@example.test',
          role: 'admin',
          favouriteColour: 'blue',
          bio: 'Still me.',
        }),
        200,
      );
      expect(me).toMatchObject({
        handle: user.handle,
        email: user.email,
        role: 'member',
        bio: 'Still me.',
      });
      expect(me).not.toHaveProperty('favouriteColour');
    });

    it('records a user.updated event and queues a search update', async () => {
      const user = await ctx().newUser();
      expectStatus(await patchMe(user, { jobTitle: 'Data engineer', skills: ['SQL'] }), 200);
      const recorded = await ctx()
        .db.select()
        .from(events)
        .where(and(eq(events.type, 'user.updated'), eq(events.actorId, user.id)));
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.topics).toEqual([`user:${user.id}`]);
      expect(recorded[0]!.payload).toEqual({ userId: user.id, fields: ['jobTitle', 'skills'] });
      const queued = await ctx()
        .db.select()
        .from(searchOutbox)
        .where(and(eq(searchOutbox.documentType, 'user'), eq(searchOutbox.documentId, user.id)));
      // One from registration, one from this update.
      expect(queued).toHaveLength(2);
    });

    it.each([
      ['a bio over 2000 characters', { bio: 'x'.repeat(2001) }, 'bio'],
      ['a hierarchy level of 99', { hierarchyLevel: 99 }, 'hierarchyLevel'],
      ['a fractional hierarchy level', { hierarchyLevel: 2.5 }, 'hierarchyLevel'],
      ['an empty display name', { displayName: '' }, 'displayName'],
      ['a blank display name', { displayName: '   ' }, 'displayName'],
      ['a display name over 80 characters', { displayName: 'x'.repeat(81) }, 'displayName'],
      ['a job title over 120 characters', { jobTitle: 'x'.repeat(121) }, 'jobTitle'],
      ['an unknown locale', { locale: 'de' }, 'locale'],
      ['a string for a boolean', { openToQuestions: 'yes' }, 'openToQuestions'],
      ['a string for a number', { weeklyHelpMinutes: '60' }, 'weeklyHelpMinutes'],
      ['too many weekly minutes', { weeklyHelpMinutes: 2401 }, 'weeklyHelpMinutes'],
      ['negative weekly minutes', { weeklyHelpMinutes: -1 }, 'weeklyHelpMinutes'],
      ['skills that are not a list', { skills: 'sql' }, 'skills'],
      ['more than 30 skills', { skills: Array.from({ length: 31 }, (_, i) => `s${i}`) }, 'skills'],
      ['a skill that is no usable tag', { skills: ['sql', '!!!'] }, 'skills'],
      ['an interest that is no usable tag', { interests: ['   '] }, 'interests'],
      [
        'a non-boolean notification preference',
        { notificationPreferences: { answer: 'no' } },
        'notificationPreferences.answer',
      ],
    ])('refuses %s with a 400 naming the field', async (_label, body, field) => {
      const user = await ctx().newUser();
      const reply = await patchMe(user, body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
      expect(Object.keys(reply.body.error.fields)).toContain(field);
    });

    it('changes nothing when one field of the body is invalid', async () => {
      const user = await ctx().newUser();
      const reply = await patchMe(user, { bio: 'Should not be saved', skills: ['ok', '%%%'] });
      expect(reply.status).toBe(400);
      const me = expectStatus(await user.client.get('/api/users/me'), 200);
      expect(me).toMatchObject({ bio: '', skills: [] });
    });
  });

  describe('GET /users/:handle', () => {
    it('shows the public profile, whatever the case of the handle', async () => {
      const person = await ctx().newUser({ displayName: 'Chloé Petit' });
      const viewer = await ctx().newUser();
      await patchMe(person, {
        jobTitle: 'Buyer',
        bio: 'Purchasing since 2010.',
        openToQuestions: true,
        weeklyHelpMinutes: 60,
        skills: ['Achats'],
        interests: ['Négociation'],
      });
      const profile = expectStatus(
        await viewer.client.get(`/api/users/${person.handle.toUpperCase()}`),
        200,
      );
      expect(profile).toEqual({
        id: person.id,
        handle: person.handle,
        displayName: 'Chloé Petit',
        jobTitle: 'Buyer',
        department: '',
        site: '',
        hierarchyLevel: null,
        bio: 'Purchasing since 2010.',
        openToQuestions: true,
        weeklyHelpMinutes: 60,
        skills: ['achats'],
        interests: ['negociation'],
        ratings: { count: 0, average: null, recent: [] },
        recentAnswers: [],
        answerCount: 0,
        acceptedCount: 0,
        memberSince: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(profile).not.toHaveProperty('email');
      expect(profile).not.toHaveProperty('notificationPreferences');
    });

    it('shows the hierarchy level only when its owner made it visible', async () => {
      const person = await ctx().newUser();
      const viewer = await ctx().newUser();
      await patchMe(person, { hierarchyLevel: 4 });
      const hidden = expectStatus(await viewer.client.get(`/api/users/${person.handle}`), 200);
      expect(hidden.hierarchyLevel).toBeNull();
      await patchMe(person, { hierarchyVisible: true });
      const shown = expectStatus(await viewer.client.get(`/api/users/${person.handle}`), 200);
      expect(shown.hierarchyLevel).toBe(4);
    });

    it('answers 404 for an unknown handle and for a deleted account', async () => {
      const viewer = await ctx().newUser();
      const unknown = await viewer.client.get('/api/users/nobody-here');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('user_not_found');

      const gone = await ctx().newUser();
      // No account deletion endpoint yet: mark it as an admin tool would.
      await ctx().db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone.id));
      const deleted = await viewer.client.get(`/api/users/${gone.handle}`);
      expect(deleted.status).toBe(404);
      expect(deleted.body.error.code).toBe('user_not_found');
    });

    it('refuses a malformed handle with a 400', async () => {
      const viewer = await ctx().newUser();
      expect((await viewer.client.get('/api/users/%20bad%20handle')).status).toBe(400);
    });

    it("lists answers and ratings, but never a private group's to a non-member", async () => {
      const owner = await ctx().newUser();
      const helper = await ctx().newUser();
      const member = await ctx().newUser();
      const outsider = await ctx().newUser();
      const open = await ctx().newGroup(owner, { visibility: 'public' });
      const secret = await ctx().newGroup(owner, { visibility: 'private' });
      for (const person of [helper, member]) {
        expectStatus(
          await owner.client.put(`/api/groups/${secret.slug}/members/${person.handle}`, {
            role: 'member',
          }),
          200,
        );
      }

      const publicQuestion = (
        await ctx().newThread(owner, open.slug, { title: 'How do we run a good retrospective?' })
      ).thread;
      const secretQuestion = (
        await ctx().newThread(owner, secret.slug, {
          title: 'Confidential: the reorganisation plan',
        })
      ).thread;
      const publicAnswer = await ctx().newPost(
        helper,
        publicQuestion.id,
        'Timebox it and end with one action.',
      );
      const secretAnswer = await ctx().newPost(
        helper,
        secretQuestion.id,
        'The secret plan is in the shared drive.',
      );
      for (const [thread, answer, rating] of [
        [publicQuestion, publicAnswer, 5],
        [secretQuestion, secretAnswer, 2],
      ] as const) {
        expectStatus(
          await owner.client.put(`/api/threads/${thread.id}/accepted`, { postId: answer.id }),
          200,
        );
        expectStatus(
          await owner.client.put(`/api/threads/${thread.id}/thanks`, {
            rating,
            message: 'Thank you!',
          }),
          200,
        );
      }

      const seenByOutsider = expectStatus(
        await outsider.client.get(`/api/users/${helper.handle}`),
        200,
      );
      expect(JSON.stringify(seenByOutsider)).not.toMatch(/secret|confidential/i);
      expect(seenByOutsider).toMatchObject({
        answerCount: 1,
        acceptedCount: 1,
        recentAnswers: [
          {
            postId: publicAnswer.id,
            threadId: publicQuestion.id,
            threadTitle: 'How do we run a good retrospective?',
            excerpt: 'Timebox it and end with one action.',
            score: 0,
            isAccepted: true,
            createdAt: expect.any(String),
          },
        ],
        ratings: {
          count: 1,
          average: 5,
          recent: [
            {
              rating: 5,
              message: 'Thank you!',
              threadId: publicQuestion.id,
              threadTitle: 'How do we run a good retrospective?',
              from: expect.objectContaining({ id: owner.id, handle: owner.handle }),
              createdAt: expect.any(String),
            },
          ],
        },
      });

      const seenByMember = expectStatus(
        await member.client.get(`/api/users/${helper.handle}`),
        200,
      );
      expect(seenByMember).toMatchObject({ answerCount: 2, acceptedCount: 2 });
      expect(seenByMember.recentAnswers.map((answer: { postId: number }) => answer.postId)).toEqual(
        [secretAnswer.id, publicAnswer.id],
      );
      expect(seenByMember.ratings).toMatchObject({ count: 2, average: 3.5 });
    });

    it('leaves out deleted answers and keeps an anonymous asker anonymous', async () => {
      const asker = await ctx().newUser();
      const helper = await ctx().newUser();
      const viewer = await ctx().newUser();
      const group = await ctx().newGroup(asker);
      const { thread: question } = await ctx().newThread(asker, group.slug, { anonymous: true });
      const kept = await ctx().newPost(helper, question.id, 'This one stays.');
      const removed = await ctx().newPost(helper, question.id, 'This one goes.');
      expectStatus(await helper.client.delete(`/api/posts/${removed.id}`), 200);
      expectStatus(
        await asker.client.put(`/api/threads/${question.id}/accepted`, { postId: kept.id }),
        200,
      );
      expectStatus(
        await asker.client.put(`/api/threads/${question.id}/thanks`, { rating: 4 }),
        200,
      );

      const profile = expectStatus(await viewer.client.get(`/api/users/${helper.handle}`), 200);
      expect(profile.recentAnswers.map((answer: { postId: number }) => answer.postId)).toEqual([
        kept.id,
      ]);
      expect(profile.ratings.recent[0]).toMatchObject({ rating: 4, from: null });
      const seenByAsker = expectStatus(await asker.client.get(`/api/users/${helper.handle}`), 200);
      expect(seenByAsker.ratings.recent[0].from).toMatchObject({ id: asker.id });
    });
  });
});
