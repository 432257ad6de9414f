import { and, eq } from 'drizzle-orm';
import { events, groups, memberships, searchOutbox, users } from '@serendip/db';
import { describe, expect, it } from 'vitest';
import { expectStatus, useTestContext, type TestUser } from '../../../test/helper.ts';

let counter = 0;
const freshSlug = (prefix = 'g') => `${prefix}-${process.pid}-${counter++}`;

describe('groups', () => {
  const ctx = useTestContext();

  async function groupRow(id: number) {
    const [row] = await ctx().db.select().from(groups).where(eq(groups.id, id));
    return row!;
  }

  async function eventTypes(groupId: number) {
    const rows = await ctx().db.select().from(events).orderBy(events.id);
    return rows.filter((row) => row.topics.includes(`group:${groupId}`)).map((row) => row.type);
  }

  async function searchUpdates(groupId: number) {
    const rows = await ctx()
      .db.select()
      .from(searchOutbox)
      .where(and(eq(searchOutbox.documentType, 'group'), eq(searchOutbox.documentId, groupId)));
    return rows.length;
  }

  async function allPages(user: TestUser, url: string, limit: number) {
    type Item = { id?: number; user?: { id: number } };
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const page: string = `${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const body = expectStatus(
        await user.client.get<{ items: Item[]; nextCursor: string | null }>(page),
        200,
      );
      expect(body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return { items: seen, pages };
  }

  describe('create and read', () => {
    it('creates a group whose creator is its owner, with an event and a search update', async () => {
      const owner = await ctx().newUser();
      const slug = freshSlug('java');
      const reply = await owner.client.post('/api/groups', {
        slug,
        name: '  Java Guild  ',
        kind: 'professional',
      });
      const group = expectStatus(reply, 201);
      expect(group).toEqual({
        id: expect.any(Number),
        slug,
        name: 'Java Guild',
        description: '',
        kind: 'professional',
        visibility: 'public',
        memberCount: 1,
        threadCount: 0,
        membership: 'owner',
        createdAt: expect.any(String),
      });
      expect(new Date(group.createdAt).getTime()).not.toBeNaN();
      expect(await eventTypes(group.id)).toEqual(['group.created']);
      expect(await searchUpdates(group.id)).toBe(1);

      const reader = await ctx().newUser();
      const read = expectStatus(await reader.client.get(`/api/groups/${slug}`), 200);
      expect(read).toEqual({ ...group, membership: null });
    });

    it('refuses a slug that is taken with a 409 naming the field', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const reply = await owner.client.post('/api/groups', {
        slug: group.slug,
        name: 'Another',
        kind: 'hobby',
      });
      expect(reply.status).toBe(409);
      expect(reply.body.error).toMatchObject({
        code: 'slug_taken',
        fields: { slug: expect.any(String) },
      });
    });

    it('rejects bad input with field errors', async () => {
      const user = await ctx().newUser();
      const cases: [Record<string, unknown>, string][] = [
        [{ slug: 'Bad Slug!', name: 'Fine name', kind: 'hobby' }, 'slug'],
        [{ slug: 'x', name: 'Fine name', kind: 'hobby' }, 'slug'],
        [{ slug: freshSlug(), name: 'n'.repeat(81), kind: 'hobby' }, 'name'],
        [{ slug: freshSlug(), name: 'A', kind: 'hobby' }, 'name'],
        [{ slug: freshSlug(), name: '   ', kind: 'hobby' }, 'name'],
        [{ slug: freshSlug(), name: 'Fine name', kind: 'sports' }, 'kind'],
        [
          { slug: freshSlug(), name: 'Fine name', kind: 'hobby', visibility: 'secret' },
          'visibility',
        ],
        [{ slug: freshSlug(), name: 42, kind: 'hobby' }, 'name'],
        [
          { slug: freshSlug(), name: 'Fine name', kind: 'hobby', description: ['x'] },
          'description',
        ],
        [
          { slug: freshSlug(), name: 'Fine name', kind: 'hobby', description: 'd'.repeat(2001) },
          'description',
        ],
        [{ slug: freshSlug(), name: 'Nul\u0000name', kind: 'hobby' }, 'name'],
        [{ slug: freshSlug(), name: 'Fine name' }, 'kind'],
      ];
      for (const [body, field] of cases) {
        const reply = await user.client.post('/api/groups', body);
        expect(reply.status, JSON.stringify(body)).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
        expect(reply.body.error.fields).toHaveProperty(field);
      }
    });

    it('answers 404 for an unknown slug and 401 without a session', async () => {
      const user = await ctx().newUser();
      const unknown = await user.client.get('/api/groups/no-such-group');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('group_not_found');
      expect((await ctx().anonymous.get('/api/groups')).status).toBe(401);
      expect((await ctx().anonymous.get(`/api/groups/no-such-group`)).status).toBe(401);
    });

    it('refuses group creation to a suspended member', async () => {
      const user = await ctx().newUser();
      await ctx()
        .db.update(users)
        .set({ suspendedUntil: new Date(Date.now() + 86_400_000) })
        .where(eq(users.id, user.id));
      const reply = await user.client.post('/api/groups', {
        slug: freshSlug(),
        name: 'Nope',
        kind: 'hobby',
      });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('account_suspended');
    });
  });

  describe('private groups', () => {
    it('are invisible to non-members: read, join, members and list answer as if absent', async () => {
      const owner = await ctx().newUser();
      const name = `Secret Circle ${counter++}`;
      const secret = await ctx().newGroup(owner, { visibility: 'private', name });
      const outsider = await ctx().newUser();
      const unknown = await outsider.client.get('/api/groups/no-such-group-here');
      for (const reply of [
        await outsider.client.get(`/api/groups/${secret.slug}`),
        await outsider.client.post(`/api/groups/${secret.slug}/join`),
        await outsider.client.get(`/api/groups/${secret.slug}/members`),
        await outsider.client.patch(`/api/groups/${secret.slug}`, { name: 'Mine now' }),
        await outsider.client.put(`/api/groups/${secret.slug}/members/${outsider.handle}`, {
          role: 'member',
        }),
      ]) {
        expect(reply.status).toBe(404);
        expect(reply.body).toEqual(unknown.body);
      }
      const listed = expectStatus(
        await outsider.client.get(`/api/groups?q=${encodeURIComponent(name)}`),
        200,
      );
      expect(listed.items).toEqual([]);
      const all = await allPages(outsider, '/api/groups', 100);
      expect(all.items.map((item) => item.id)).not.toContain(secret.id);
    });

    it('are read by their members and by staff, who see them in lists', async () => {
      const owner = await ctx().newUser();
      const name = `Hidden Club ${counter++}`;
      const secret = await ctx().newGroup(owner, { visibility: 'private', name });
      const staff = await ctx().newUser({ role: 'moderator' });
      const q = `?q=${encodeURIComponent(name)}`;
      expect(expectStatus(await owner.client.get(`/api/groups${q}`), 200).items).toHaveLength(1);
      expect(expectStatus(await staff.client.get(`/api/groups${q}`), 200).items).toEqual([
        expect.objectContaining({ id: secret.id, membership: null, visibility: 'private' }),
      ]);
      expectStatus(await staff.client.get(`/api/groups/${secret.slug}`), 200);
    });

    it('are entered when an owner adds a person, not by joining', async () => {
      const owner = await ctx().newUser();
      const secret = await ctx().newGroup(owner, { visibility: 'private' });
      const staff = await ctx().newUser({ role: 'admin' });
      const staffJoin = await staff.client.post(`/api/groups/${secret.slug}/join`);
      expect(staffJoin.status).toBe(403);
      expect(staffJoin.body.error.code).toBe('forbidden');

      const guest = await ctx().newUser();
      const added = expectStatus(
        await owner.client.put(`/api/groups/${secret.slug}/members/${guest.handle}`, {
          role: 'member',
        }),
        200,
      );
      expect(added).toMatchObject({ role: 'member', user: { id: guest.id, handle: guest.handle } });
      const seen = expectStatus(await guest.client.get(`/api/groups/${secret.slug}`), 200);
      expect(seen).toMatchObject({ membership: 'member', memberCount: 2 });
      // Joining again once inside is harmless.
      expect(await ctx().join(guest, secret.slug)).toMatchObject({
        membership: 'member',
        memberCount: 2,
      });
    });
  });

  describe('list', () => {
    it('pages through more groups than the limit without duplicates or gaps, by name', async () => {
      const owner = await ctx().newUser();
      const prefix = `Paging ${counter++}`;
      // Same names in different case share a sort key: the id breaks the tie.
      const names = ['b', 'A', 'a', 'C', 'c', 'd', 'E', 'f', 'G', 'h', 'i'].map(
        (suffix) => `${prefix} ${suffix}`,
      );
      const created = [];
      for (const name of names) created.push(await ctx().newGroup(owner, { name }));
      const url = `/api/groups?q=${encodeURIComponent(prefix)}`;
      const { items, pages } = await allPages(owner, url, 3);
      expect(pages).toBe(4);
      expect(items.map((item) => item.id)).toHaveLength(names.length);
      expect(new Set(items.map((item) => item.id)).size).toBe(names.length);
      const expected = [...created]
        .sort((x, y) =>
          x.name.toLowerCase() === y.name.toLowerCase()
            ? x.id - y.id
            : x.name.toLowerCase() < y.name.toLowerCase()
              ? -1
              : 1,
        )
        .map((group) => group.id);
      expect(items.map((item) => item.id)).toEqual(expected);
    });

    it('returns summaries with the viewer membership, filtered by kind and joined', async () => {
      const owner = await ctx().newUser();
      const viewer = await ctx().newUser();
      const tag = `Filter ${counter++}`;
      const chess = await ctx().newGroup(owner, { name: `${tag} chess`, kind: 'hobby' });
      const devops = await ctx().newGroup(owner, { name: `${tag} devops`, kind: 'professional' });
      await ctx().join(viewer, chess.slug);
      const q = `q=${encodeURIComponent(tag)}`;
      const all = expectStatus(await viewer.client.get(`/api/groups?${q}`), 200);
      expect(all).toEqual({
        items: [
          {
            id: chess.id,
            slug: chess.slug,
            name: chess.name,
            description: chess.description,
            kind: 'hobby',
            visibility: 'public',
            memberCount: 2,
            threadCount: 0,
            membership: 'member',
          },
          expect.objectContaining({ id: devops.id, membership: null, memberCount: 1 }),
        ],
        nextCursor: null,
      });
      const ids = async (query: string) =>
        expectStatus(await viewer.client.get(`/api/groups?${q}&${query}`), 200).items.map(
          (item: { id: number }) => item.id,
        );
      expect(await ids('kind=hobby')).toEqual([chess.id]);
      expect(await ids('kind=professional')).toEqual([devops.id]);
      expect(await ids('joined=true')).toEqual([chess.id]);
      expect(await ids('joined=false')).toEqual([devops.id]);
      expect(await ids('joined=true&kind=professional')).toEqual([]);
    });

    it('matches q anywhere in the name, ignoring case and accents, and wildcards literally', async () => {
      const owner = await ctx().newUser();
      const tag = `zq${counter++}`;
      const cafe = await ctx().newGroup(owner, { name: `Équipe Café ${tag}` });
      const percent = await ctx().newGroup(owner, { name: `Growth 100% ${tag}` });
      const ids = async (q: string) =>
        expectStatus(
          await owner.client.get(`/api/groups?q=${encodeURIComponent(q)}`),
          200,
        ).items.map((item: { id: number }) => item.id);
      expect(await ids(`equipe cafe ${tag}`)).toEqual([cafe.id]);
      expect(await ids(`ÉQUIPE CAFÉ ${tag}`)).toEqual([cafe.id]);
      expect(await ids(`pe caf`)).toContain(cafe.id);
      expect(await ids(`100% ${tag}`)).toEqual([percent.id]);
      expect(await ids(`1_0`)).toEqual([]);
    });

    it('rejects a malformed cursor and bad filters with a 400', async () => {
      const user = await ctx().newUser();
      const bad = [
        'not-base64-json',
        Buffer.from('{"a":1}').toString('base64url'),
        Buffer.from('["x"]').toString('base64url'),
        Buffer.from('["x",-1]').toString('base64url'),
      ];
      for (const cursor of bad) {
        const reply = await user.client.get(`/api/groups?cursor=${cursor}`);
        expect(reply.status).toBe(400);
        expect(reply.body.error.code).toBe('invalid_cursor');
      }
      for (const query of ['kind=sports', 'joined=maybe', 'limit=0', 'limit=101', 'limit=x']) {
        const reply = await user.client.get(`/api/groups?${query}`);
        expect(reply.status, query).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
      }
    });
  });

  describe('update', () => {
    it('lets an owner change fields and records what changed', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner, { name: 'Before', kind: 'hobby' });
      const updated = expectStatus(
        await owner.client.patch(`/api/groups/${group.slug}`, {
          name: 'After',
          description: 'New words',
          kind: 'professional',
          visibility: 'private',
        }),
        200,
      );
      expect(updated).toEqual({
        ...group,
        name: 'After',
        description: 'New words',
        kind: 'professional',
        visibility: 'private',
      });
      const [event] = await ctx()
        .db.select()
        .from(events)
        .where(eq(events.type, 'group.updated'))
        .orderBy(events.id);
      expect(event).toMatchObject({
        actorId: owner.id,
        topics: [`group:${group.id}`],
        payload: {
          groupId: group.id,
          changes: {
            name: { from: 'Before', to: 'After' },
            visibility: { from: 'public', to: 'private' },
          },
        },
      });
      expect(await searchUpdates(group.id)).toBe(2);
    });

    it('lets global staff edit any group', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner, { visibility: 'private' });
      const admin = await ctx().newUser({ role: 'admin' });
      const updated = expectStatus(
        await admin.client.patch(`/api/groups/${group.slug}`, { description: 'Tidied' }),
        200,
      );
      expect(updated).toMatchObject({ description: 'Tidied', membership: null });
    });

    it('forbids group moderators and members, and rejects bad input', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const moderator = await ctx().newUser();
      const member = await ctx().newUser();
      await ctx().join(member, group.slug);
      expectStatus(
        await owner.client.put(`/api/groups/${group.slug}/members/${moderator.handle}`, {
          role: 'moderator',
        }),
        200,
      );
      for (const user of [moderator, member]) {
        const reply = await user.client.patch(`/api/groups/${group.slug}`, { name: 'Taken over' });
        expect(reply.status).toBe(403);
        expect(reply.body.error.code).toBe('forbidden');
      }
      for (const body of [{}, { name: 'x' }, { kind: 'sports' }, { visibility: true }]) {
        const reply = await owner.client.patch(`/api/groups/${group.slug}`, body);
        expect(reply.status, JSON.stringify(body)).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
      }
      expect((await owner.client.patch('/api/groups/no-such-group', { name: 'Xy' })).status).toBe(
        404,
      );
      expect((await owner.client.patch('/api/groups/BAD_SLUG', { name: 'Xy' })).status).toBe(400);
    });
  });

  describe('join and leave', () => {
    it('keeps member counts in step and is idempotent both ways', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const person = await ctx().newUser();

      const joined = await ctx().join(person, group.slug);
      expect(joined).toMatchObject({ membership: 'member', memberCount: 2 });
      expect(await ctx().join(person, group.slug)).toEqual(joined);
      expect((await groupRow(group.id)).memberCount).toBe(2);

      const left = expectStatus(await person.client.post(`/api/groups/${group.slug}/leave`), 200);
      expect(left).toEqual({ ...joined, membership: null, memberCount: 1 });
      const again = expectStatus(await person.client.post(`/api/groups/${group.slug}/leave`), 200);
      expect(again).toEqual(left);
      expect((await groupRow(group.id)).memberCount).toBe(1);
      expect(await eventTypes(group.id)).toEqual([
        'group.created',
        'group.member_added',
        'group.member_removed',
      ]);
      expect(await searchUpdates(group.id)).toBe(3);
    });

    it('refuses to let the last owner leave, until another owner exists', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const refused = await owner.client.post(`/api/groups/${group.slug}/leave`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('last_owner');

      const heir = await ctx().newUser();
      expectStatus(
        await owner.client.put(`/api/groups/${group.slug}/members/${heir.handle}`, {
          role: 'owner',
        }),
        200,
      );
      const left = expectStatus(await owner.client.post(`/api/groups/${group.slug}/leave`), 200);
      expect(left).toMatchObject({ membership: null, memberCount: 1 });
      const last = await heir.client.post(`/api/groups/${group.slug}/leave`);
      expect(last.status).toBe(409);
    });

    it('counts concurrent joins once each and never lets two last owners both leave', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const people = await Promise.all([1, 2, 3, 4].map(() => ctx().newUser()));
      await Promise.all(
        people.flatMap((person) => [
          person.client.post(`/api/groups/${group.slug}/join`),
          person.client.post(`/api/groups/${group.slug}/join`),
        ]),
      );
      expect((await groupRow(group.id)).memberCount).toBe(5);

      const coOwner = people[0]!;
      await owner.client.put(`/api/groups/${group.slug}/members/${coOwner.handle}`, {
        role: 'owner',
      });
      const replies = await Promise.all(
        [owner, coOwner].map((user) => user.client.post(`/api/groups/${group.slug}/leave`)),
      );
      expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
      expect((await groupRow(group.id)).memberCount).toBe(4);
    });

    it('answers 404 for an unknown group', async () => {
      const user = await ctx().newUser();
      expect((await user.client.post('/api/groups/no-such-group/join')).status).toBe(404);
      expect((await user.client.post('/api/groups/no-such-group/leave')).status).toBe(404);
    });
  });

  describe('members', () => {
    it('lists owners, then moderators, then members by join date, across pages', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const joiners: TestUser[] = [];
      for (let i = 0; i < 5; i++) {
        const user = await ctx().newUser();
        await ctx().join(user, group.slug);
        joiners.push(user);
      }
      const moderator = joiners[3]!;
      const coOwner = joiners[4]!;
      await owner.client.put(`/api/groups/${group.slug}/members/${moderator.handle}`, {
        role: 'moderator',
      });
      await owner.client.put(`/api/groups/${group.slug}/members/${coOwner.handle}`, {
        role: 'owner',
      });
      const reader = await ctx().newUser();
      const first = expectStatus(
        await reader.client.get(`/api/groups/${group.slug}/members?limit=2`),
        200,
      );
      expect(first.items[0]).toEqual({
        user: {
          id: owner.id,
          handle: owner.handle,
          displayName: owner.displayName,
          jobTitle: '',
          department: '',
          site: '',
        },
        role: 'owner',
        joinedAt: expect.any(String),
      });
      const { items, pages } = await allPages(reader, `/api/groups/${group.slug}/members`, 2);
      expect(pages).toBe(3);
      expect(items.map((item) => item.user!.id)).toEqual([
        owner.id,
        coOwner.id,
        moderator.id,
        joiners[0]!.id,
        joiners[1]!.id,
        joiners[2]!.id,
      ]);
      const moderators = expectStatus(
        await reader.client.get(`/api/groups/${group.slug}/members?role=moderator`),
        200,
      );
      expect(moderators).toEqual({
        items: [expect.objectContaining({ role: 'moderator' })],
        nextCursor: null,
      });
    });

    it('pages members who joined at the same instant without skipping anyone', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const joiners: TestUser[] = [];
      for (let i = 0; i < 5; i++) {
        const user = await ctx().newUser();
        await ctx().join(user, group.slug);
        joiners.push(user);
      }
      await ctx()
        .db.update(memberships)
        .set({ joinedAt: new Date('2024-05-01T10:00:00.123Z') })
        .where(and(eq(memberships.groupId, group.id), eq(memberships.role, 'member')));
      const { items } = await allPages(owner, `/api/groups/${group.slug}/members`, 2);
      expect(items.map((item) => item.user!.id)).toEqual([
        owner.id,
        ...joiners.map((user) => user.id).sort((x, y) => x - y),
      ]);
    });

    it('rejects a malformed member cursor and unknown roles', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      for (const cursor of [
        '%%%',
        Buffer.from('[5,"1",1]').toString('base64url'),
        Buffer.from('[0,"x",1]').toString('base64url'),
      ]) {
        const reply = await owner.client.get(
          `/api/groups/${group.slug}/members?cursor=${encodeURIComponent(cursor)}`,
        );
        expect(reply.status).toBe(400);
        expect(reply.body.error.code).toBe('invalid_cursor');
      }
      const badRole = await owner.client.get(`/api/groups/${group.slug}/members?role=boss`);
      expect(badRole.status).toBe(400);
      expect((await owner.client.get('/api/groups/no-such-group/members')).status).toBe(404);
    });

    it('lets an owner add people and change roles, keeping the count', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const person = await ctx().newUser();
      const url = `/api/groups/${group.slug}/members/${person.handle.toUpperCase()}`;
      const added = expectStatus(await owner.client.put(url, { role: 'moderator' }), 200);
      expect(added).toMatchObject({ role: 'moderator', user: { id: person.id } });
      const same = expectStatus(await owner.client.put(url, { role: 'moderator' }), 200);
      expect(same).toEqual(added);
      const demoted = expectStatus(await owner.client.put(url, { role: 'member' }), 200);
      expect(demoted).toEqual({ ...added, role: 'member' });
      expect((await groupRow(group.id)).memberCount).toBe(2);
      expect(await eventTypes(group.id)).toEqual([
        'group.created',
        'group.member_added',
        'group.member_role_changed',
      ]);
    });

    it('forbids members and group moderators to change roles or remove others', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const moderator = await ctx().newUser();
      const member = await ctx().newUser();
      await ctx().join(member, group.slug);
      await owner.client.put(`/api/groups/${group.slug}/members/${moderator.handle}`, {
        role: 'moderator',
      });
      for (const actor of [member, moderator]) {
        const promote = await actor.client.put(
          `/api/groups/${group.slug}/members/${actor.handle}`,
          {
            role: 'owner',
          },
        );
        expect(promote.status).toBe(403);
        expect(promote.body.error.code).toBe('forbidden');
        const remove = await actor.client.delete(
          `/api/groups/${group.slug}/members/${owner.handle}`,
        );
        expect(remove.status).toBe(403);
      }
      const outsider = await ctx().newUser();
      const add = await outsider.client.put(
        `/api/groups/${group.slug}/members/${outsider.handle}`,
        {
          role: 'member',
        },
      );
      expect(add.status).toBe(403);
    });

    it('refuses to demote or remove the last owner', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const url = `/api/groups/${group.slug}/members/${owner.handle}`;
      const demote = await owner.client.put(url, { role: 'member' });
      expect(demote.status).toBe(409);
      expect(demote.body.error.code).toBe('last_owner');
      const staff = await ctx().newUser({ role: 'moderator' });
      const removed = await staff.client.delete(url);
      expect(removed.status).toBe(409);
      expect(removed.body.error.code).toBe('last_owner');
      expect((await groupRow(group.id)).memberCount).toBe(1);
    });

    it('lets owners and staff remove members, and members remove themselves', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const [a, b, c] = [await ctx().newUser(), await ctx().newUser(), await ctx().newUser()];
      for (const user of [a, b, c]) await ctx().join(user, group.slug);
      const staff = await ctx().newUser({ role: 'admin' });
      const base = `/api/groups/${group.slug}/members`;
      expect(expectStatus(await owner.client.delete(`${base}/${a.handle}`), 200)).toEqual({
        ok: true,
      });
      expect(expectStatus(await staff.client.delete(`${base}/${b.handle}`), 200)).toEqual({
        ok: true,
      });
      expect(expectStatus(await c.client.delete(`${base}/${c.handle}`), 200)).toEqual({ ok: true });
      // Removing someone who is not a member changes nothing.
      expect(expectStatus(await owner.client.delete(`${base}/${a.handle}`), 200)).toEqual({
        ok: true,
      });
      expect((await groupRow(group.id)).memberCount).toBe(1);
      const list = expectStatus(await owner.client.get(base), 200);
      expect(list.items.map((item: { user: { id: number } }) => item.user.id)).toEqual([owner.id]);
    });

    it('answers 404 user_not_found for an unknown handle and 400 for a bad role', async () => {
      const owner = await ctx().newUser();
      const group = await ctx().newGroup(owner);
      const base = `/api/groups/${group.slug}/members`;
      const put = await owner.client.put(`${base}/nobody-here`, { role: 'member' });
      expect(put.status).toBe(404);
      expect(put.body.error.code).toBe('user_not_found');
      const del = await owner.client.delete(`${base}/nobody-here`);
      expect(del.status).toBe(404);
      expect(del.body.error.code).toBe('user_not_found');
      const badRole = await owner.client.put(`${base}/${owner.handle}`, { role: 'king' });
      expect(badRole.status).toBe(400);
      const wrongType = await owner.client.put(`${base}/${owner.handle}`, { role: 1 });
      expect(wrongType.status).toBe(400);
    });
  });
});
