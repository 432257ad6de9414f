// The demo seed: valid API input throughout, the expected company on an empty database, and
// nothing at all when the database already has users.
import { and, count, eq, isNotNull, ne, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  CreateGroupBody,
  CreatePostBody,
  CreateThreadBody,
  RegisterBody,
  ThanksBody,
  UpdateMeBody,
} from '@serendip/contracts';
import {
  charterAcceptances,
  charterVersions,
  groups,
  memberships,
  moderationRules,
  posts,
  threads,
  users,
} from '@serendip/db';
import { createTestDatabase, type TestDatabase } from '@serendip/db/testing';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RULES } from '../src/jobs/demo/charter.ts';
import { DEMO_GROUPS } from '../src/jobs/demo/groups.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/jobs/demo/people.ts';
import {
  DEMO_THREADS,
  demoEmail,
  seedDemoIfEmpty,
  type DemoSeedSummary,
} from '../src/jobs/demo-seed.ts';
import { login } from '../src/modules/auth/auth.service.ts';

// Fastify without a logger gives a no-op logger of the right type.
const silent = Fastify({ logger: false }).log;

const questions = DEMO_THREADS.filter((thread) => thread.kind === 'question');
const expectedAnswers = questions.reduce((sum, thread) => sum + thread.answers.length, 0);
const expectedAccepted = DEMO_THREADS.filter((thread) => thread.accepted !== undefined).length;

describe('demo content', () => {
  const ajv = new Ajv({ strict: false });
  addFormats.default(ajv);

  it('is valid input for the API schemas', () => {
    const check = (schema: object, value: unknown) => {
      const validate = ajv.compile(schema);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };
    for (const person of DEMO_PEOPLE) {
      check(RegisterBody, {
        email: demoEmail(person.handle),
        password: DEMO_PASSWORD,
        handle: person.handle,
        displayName: person.displayName,
      });
      const { handle: _h, displayName: _d, role: _r, ...profile } = person;
      check(UpdateMeBody, { ...profile, openToQuestions: profile.weeklyHelpMinutes > 0 });
    }
    for (const { owner: _o, members: _m, moderators: _mod, ...group } of DEMO_GROUPS) {
      check(CreateGroupBody, group);
    }
    for (const {
      group: _g,
      author: _a,
      answers,
      accepted: _ac,
      thanks,
      ...thread
    } of DEMO_THREADS) {
      check(CreateThreadBody, thread);
      for (const answer of answers) check(CreatePostBody, { body: answer.body });
      if (thanks) check(ThanksBody, thanks);
    }
  });

  it('has people at every hierarchy level and one of each staff role', () => {
    const levels = new Set(DEMO_PEOPLE.map((person) => person.hierarchyLevel));
    expect([...levels].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const roles = DEMO_PEOPLE.map((person) => person.role).filter(Boolean);
    expect(roles.sort()).toEqual(['admin', 'community_lead', 'moderator', 'moderator']);
  });
});

describe('seedDemoIfEmpty', () => {
  let database: TestDatabase;
  let summary: DemoSeedSummary | null;

  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await seedDemoIfEmpty(database.db, silent);
  }, 120_000);
  afterAll(() => database.close());

  const countOf = async (table: PgTable, where?: SQL) => {
    const [row] = await database.db.select({ n: count() }).from(table).where(where);
    return row!.n;
  };

  it('creates the people, groups and threads of the demo company', async () => {
    expect(summary).toMatchObject({
      people: DEMO_PEOPLE.length,
      groups: DEMO_GROUPS.length,
      threads: DEMO_THREADS.length,
      acceptedAnswers: expectedAccepted,
    });
    expect(await countOf(users)).toBe(DEMO_PEOPLE.length);
    expect(await countOf(groups)).toBe(DEMO_GROUPS.length);
    expect(await countOf(threads)).toBe(DEMO_THREADS.length);
    expect(await countOf(posts, eq(posts.kind, 'answer'))).toBe(expectedAnswers);
    expect(await countOf(threads, isNotNull(threads.acceptedPostId))).toBe(expectedAccepted);
    expect(await countOf(threads, eq(threads.isAnonymous, true))).toBeGreaterThanOrEqual(2);
  });

  it('has private groups whose members match the content', async () => {
    const [atlas] = await database.db.select().from(groups).where(eq(groups.slug, 'projet-atlas'));
    expect(atlas?.visibility).toBe('private');
    const demo = DEMO_GROUPS.find((group) => group.slug === 'projet-atlas')!;
    expect(atlas?.memberCount).toBe(1 + demo.members.length);
    expect(await countOf(memberships, eq(memberships.groupId, atlas!.id))).toBe(
      1 + demo.members.length,
    );
  });

  it('gives staff roles and keeps answer counters in step', async () => {
    expect(await countOf(users, ne(users.role, 'member'))).toBe(4);
    const [thread] = await database.db
      .select()
      .from(threads)
      .where(and(eq(threads.kind, 'question'), isNotNull(threads.acceptedPostId)))
      .limit(1);
    expect(
      await countOf(posts, and(eq(posts.threadId, thread!.id), eq(posts.kind, 'answer'))),
    ).toBe(thread!.answerCount);
  });

  it('publishes a charter everyone accepted, trust levels past pre-moderation, starter rules', async () => {
    expect(await countOf(charterVersions)).toBe(1);
    expect(await countOf(charterAcceptances, eq(charterAcceptances.version, 1))).toBe(
      DEMO_PEOPLE.length,
    );
    expect(await countOf(users, eq(users.trustLevel, 0))).toBe(0);
    expect(await countOf(users, eq(users.trustLevel, 2))).toBe(3); // moderators and the admin
    expect(await countOf(posts, ne(posts.state, 'published'))).toBe(0);
    expect(await countOf(moderationRules)).toBe(DEMO_RULES.length);
  });

  it('lets the printed demo logins sign in with the shared password', async () => {
    const session = await login(
      database.db,
      { email: demoEmail('romain.gauthier'), password: DEMO_PASSWORD },
      1,
    );
    expect(session.user.role).toBe('admin');
  });

  it('does nothing the second time', async () => {
    expect(await seedDemoIfEmpty(database.db, silent)).toBeNull();
    expect(await countOf(users)).toBe(DEMO_PEOPLE.length);
    expect(await countOf(threads)).toBe(DEMO_THREADS.length);
  });
});
