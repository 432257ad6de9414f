// Seeds the demo company, Boréal Industries, on first start in embedded mode. Everything goes
// through the same service functions as the API routes (register, profiles, groups, threads,
// answers, votes, acceptance, thanks), so counters, domain events, the search outbox and
// notifications are exactly what thirty colleagues using the site would have produced.
import { eq } from 'drizzle-orm';
import { users, type Database } from '@serendip/db';
import type { FastifyBaseLogger } from 'fastify';
import { logout, register } from '../modules/auth/auth.service.ts';
import { createGroup, joinGroup, setMember } from '../modules/groups/groups.service.ts';
import { acceptCharter, publishCharter } from '../modules/moderation/charter/charter.service.ts';
import { createRule } from '../modules/moderation/rules-config.service.ts';
import { createPost } from '../modules/posts/posts.service.ts';
import { createThread } from '../modules/threads/threads.service.ts';
import { updateMe } from '../modules/users/users.service.ts';
import { acceptAnswer } from '../modules/votes/accept.service.ts';
import { thankHelper } from '../modules/votes/thanks.service.ts';
import { castVote } from '../modules/votes/votes.service.ts';
import { hashToken, isStaff, type Viewer } from '../plugins/session.ts';
import { DEMO_CHARTER, DEMO_RULES, DEMO_TRUST_LEVEL } from './demo/charter.ts';
import { DEMO_GROUPS } from './demo/groups.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_LOGINS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo/people.ts';
import { CIRCLE_THREADS } from './demo/threads-circles.ts';
import { WORK_THREADS } from './demo/threads-work.ts';
import type { DemoGroup, DemoPerson, DemoThread } from './demo/types.ts';

export const DEMO_THREADS: DemoThread[] = [...WORK_THREADS, ...CIRCLE_THREADS];

export interface DemoSeedSummary {
  people: number;
  groups: number;
  threads: number;
  posts: number;
  votes: number;
  acceptedAnswers: number;
  seconds: number;
}

type People = Map<string, Viewer>;

export const demoEmail = (handle: string) => `${handle}@${DEMO_EMAIL_DOMAIN}`;

function viewerOf(people: People, handle: string): Viewer {
  const viewer = people.get(handle);
  if (!viewer) throw new Error(`demo content names an unknown person: ${handle}`);
  return viewer;
}

/** Votes come from a fixed-seed generator (mulberry32): the same demo site on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function registerPerson(db: Database, person: DemoPerson): Promise<Viewer> {
  const session = await register(
    db,
    {
      email: demoEmail(person.handle),
      password: DEMO_PASSWORD,
      handle: person.handle,
      displayName: person.displayName,
      locale: 'fr',
    },
    // The seed sets roles itself; its sessions only serve to act as each person.
    { sessionDays: 1, adminEmails: [] },
  );
  const viewer: Viewer = {
    ...session.user,
    suspendedUntil: null,
    csrfToken: session.csrfToken,
    sessionTokenHash: hashToken(session.token),
  };
  await updateMe(db, viewer, {
    jobTitle: person.jobTitle,
    department: person.department,
    site: person.site,
    hierarchyLevel: person.hierarchyLevel,
    hierarchyVisible: person.hierarchyVisible,
    bio: person.bio,
    skills: person.skills,
    interests: person.interests,
    openToQuestions: person.weeklyHelpMinutes > 0,
    weeklyHelpMinutes: person.weeklyHelpMinutes,
  });
  // Roles have no service yet (the admin area will); this is the one direct write.
  if (person.role) {
    await db.update(users).set({ role: person.role }).where(eq(users.id, viewer.id));
    viewer.role = person.role;
  }
  return viewer;
}

async function createDemoGroup(db: Database, people: People, group: DemoGroup): Promise<void> {
  const owner = viewerOf(people, group.owner);
  await createGroup(db, owner, {
    slug: group.slug,
    name: group.name,
    description: group.description,
    kind: group.kind,
    visibility: group.visibility,
  });
  for (const handle of group.members) {
    if (group.visibility === 'private') await setMember(db, owner, group.slug, handle, 'member');
    else await joinGroup(db, viewerOf(people, handle), group.slug);
  }
  for (const handle of group.moderators ?? []) {
    await setMember(db, owner, group.slug, handle, 'moderator');
  }
}

/** A few colleagues of the group vote on a post; never its author. */
async function voteOn(
  db: Database,
  people: People,
  random: () => number,
  post: { id: number; author: string; voters: string[]; upvotes: number; downvote: boolean },
): Promise<number> {
  const voters = post.voters
    .filter((handle) => handle !== post.author)
    .map((handle) => ({ handle, order: random() }))
    .sort((a, b) => a.order - b.order)
    .map(({ handle }) => handle);
  const upvoters = voters.slice(0, post.upvotes);
  const downvoter = post.downvote ? voters[post.upvotes] : undefined;
  for (const handle of upvoters) await castVote(db, viewerOf(people, handle), post.id, 1);
  if (downvoter) await castVote(db, viewerOf(people, downvoter), post.id, -1);
  return upvoters.length + (downvoter ? 1 : 0);
}

/** Votes on the question (or discussion) and its answers; the accepted answer gets the most. */
async function voteOnThread(
  db: Database,
  people: People,
  random: () => number,
  thread: DemoThread,
  [openingId, ...answerIds]: number[],
): Promise<number> {
  const group = DEMO_GROUPS.find((candidate) => candidate.slug === thread.group)!;
  const voters = [group.owner, ...group.members];
  let votes = await voteOn(db, people, random, {
    id: openingId!,
    author: thread.author,
    voters,
    upvotes: Math.floor(random() * 2),
    downvote: false,
  });
  for (const [index, answer] of thread.answers.entries()) {
    const isAccepted = index === thread.accepted;
    votes += await voteOn(db, people, random, {
      id: answerIds[index]!,
      author: answer.author,
      voters,
      upvotes: isAccepted ? 1 + Math.floor(random() * 3) : Math.floor(random() * 2),
      downvote: !isAccepted && random() < 0.06,
    });
  }
  return votes;
}

interface ThreadCounts {
  posts: number;
  votes: number;
  accepted: number;
}

async function createDemoThread(
  db: Database,
  people: People,
  random: () => number,
  thread: DemoThread,
): Promise<ThreadCounts> {
  const asker = viewerOf(people, thread.author);
  const detail = await createThread(db, asker, thread.group, {
    kind: thread.kind,
    title: thread.title,
    body: thread.body,
    tags: thread.tags,
    anonymous: thread.anonymous ?? false,
  });
  const threadId = detail.thread.id;
  const answerIds: number[] = [];
  for (const answer of thread.answers) {
    const post = await createPost(db, viewerOf(people, answer.author), threadId, {
      body: answer.body,
    });
    answerIds.push(post.id);
  }

  const votes = await voteOnThread(db, people, random, thread, [detail.posts[0]!.id, ...answerIds]);
  if (thread.accepted !== undefined) {
    await acceptAnswer(db, asker, threadId, answerIds[thread.accepted]!);
    if (thread.thanks) await thankHelper(db, asker, threadId, thread.thanks);
  }
  return {
    posts: 1 + thread.answers.length,
    votes,
    accepted: thread.accepted === undefined ? 0 : 1,
  };
}

function logDemoLogins(log: FastifyBaseLogger, summary: DemoSeedSummary): void {
  log.info(
    { demo: summary },
    `Demo company Boréal Industries created in ${summary.seconds} s: ${summary.people} people, ` +
      `${summary.groups} groups, ${summary.threads} threads, ${summary.posts} posts.`,
  );
  log.info(`Demo logins — password for everyone: ${DEMO_PASSWORD}`);
  for (const { label, handle } of DEMO_LOGINS) {
    log.info(`  ${demoEmail(handle).padEnd(32)} ${label}`);
  }
}

/**
 * Creates the demo company when the database has no user at all (first start), and does
 * nothing otherwise. Returns what it created, or null when it skipped.
 */
export async function seedDemoIfEmpty(
  db: Database,
  log: FastifyBaseLogger,
): Promise<DemoSeedSummary | null> {
  const [anyone] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyone) {
    log.debug('demo seed skipped: the database already has users');
    return null;
  }
  const startedAt = performance.now();
  log.info('Empty database: creating the demo company…');
  // One transaction: a seed interrupted half-way leaves nothing, and the next start retries.
  const counts = await db.transaction((tx) => seedDemo(tx));
  const summary: DemoSeedSummary = {
    ...counts,
    seconds: Math.round((performance.now() - startedAt) / 100) / 10,
  };
  logDemoLogins(log, summary);
  return summary;
}

/**
 * The admin publishes the charter and everyone accepts it; colleagues get the trust of people
 * with a posting history, so the seeded content is published rather than held for review.
 */
async function adoptCharter(db: Database, people: People): Promise<Viewer> {
  const admin = [...people.values()].find((viewer) => viewer.role === 'admin');
  if (!admin) throw new Error('the demo company needs an admin to publish the charter');
  const charter = await publishCharter(db, admin, DEMO_CHARTER);
  for (const viewer of people.values()) {
    await acceptCharter(db, viewer, charter.version);
    const trustLevel = isStaff(viewer) ? DEMO_TRUST_LEVEL.staff : DEMO_TRUST_LEVEL.member;
    await db.update(users).set({ trustLevel }).where(eq(users.id, viewer.id));
  }
  return admin;
}

async function seedDemo(db: Database): Promise<Omit<DemoSeedSummary, 'seconds'>> {
  const people: People = new Map();
  for (const person of DEMO_PEOPLE) people.set(person.handle, await registerPerson(db, person));
  const admin = await adoptCharter(db, people);
  for (const group of DEMO_GROUPS) await createDemoGroup(db, people, group);

  const random = seededRandom(20_240_917);
  const totals: ThreadCounts = { posts: 0, votes: 0, accepted: 0 };
  for (const thread of DEMO_THREADS) {
    const counts = await createDemoThread(db, people, random, thread);
    totals.posts += counts.posts;
    totals.votes += counts.votes;
    totals.accepted += counts.accepted;
  }
  // Rules come after the content: they judge what people write from now on.
  for (const rule of DEMO_RULES) await createRule(db, admin, rule);
  // The sessions register() opened were only needed to act as each person.
  for (const viewer of people.values()) await logout(db, viewer);

  return {
    people: people.size,
    groups: DEMO_GROUPS.length,
    threads: DEMO_THREADS.length,
    posts: totals.posts,
    votes: totals.votes,
    acceptedAnswers: totals.accepted,
  };
}
