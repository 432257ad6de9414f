import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext } from '../../../../test/helper.ts';
import { publishCharter } from '../moderation-fixtures.ts';

describe('moderation: charter', () => {
  const ctx = useTestContext();

  describe('charter', () => {
    it('is published by staff only, with numbered clauses', async () => {
      const member = await ctx().newUser();
      const refused = await member.client.post('/api/charter', { body: '1. Respect' });
      expect(refused.status).toBe(403);
      const admin = await ctx().newUser({ role: 'admin' });
      const noClauses = await admin.client.post('/api/charter', { body: 'Soyez gentils.' });
      expect(noClauses.status).toBe(400);
      expect(noClauses.body.error.fields.body).toMatch(/numbered clauses/);
    });

    it('refuses posting until the current version is accepted, and again after a new one', async () => {
      const admin = await ctx().newUser({ role: 'admin' });
      const first = await publishCharter(admin);
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const member = await ctx().newUser({ acceptCharter: false });
      const refused = await member.client.post(`/api/groups/${group.slug}/threads`, {
        kind: 'question',
        title: 'Où trouver la charte ?',
        body: 'Je ne la trouve pas.',
        tags: ['aide'],
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('charter_not_accepted');
      expect(refused.body.error.message).toContain('/charte');
      expect(refused.body.error.fields).toEqual({ charter: '/charte' });

      const charter = expectStatus(await member.client.get('/api/charter'), 200);
      expect(charter).toMatchObject({ version: first.version, acceptedByMe: false });
      expect(charter.clauses.map((clause: { number: number }) => clause.number)).toEqual([1, 2, 3]);
      const accepted = await member.client.post('/api/charter/accept', { version: first.version });
      expect(expectStatus(accepted, 200).acceptedByMe).toBe(true);
      const { thread } = await ctx().newThread(member, group.slug);

      const second = await publishCharter(
        admin,
        '1. Respect\n2. Bienveillance\n3. Discrétion\n4. Entraide',
      );
      expect(second.version).toBe(first.version + 1);
      const again = await member.client.post(`/api/threads/${thread.id}/posts`, {
        body: 'Merci !',
      });
      expect(again.body.error.code).toBe('charter_not_accepted');
      const outdated = await member.client.post('/api/charter/accept', { version: first.version });
      expect(outdated.status).toBe(409);
      expect(outdated.body.error.code).toBe('charter_version_outdated');
      expectStatus(
        await member.client.post('/api/charter/accept', { version: second.version }),
        200,
      );
      await ctx().newPost(member, thread.id);
    });
  });
});
