// Profiles: reading and editing my own, and reading a colleague's without leaking what the
// viewer may not see (private groups' answers and ratings, a hidden hierarchy level).
import type {
  Me,
  NotificationPreferences,
  ProfileAnswer,
  PublicProfile,
  ReceivedRating,
  UpdateMeBody,
  UserSummary,
} from '@serendip/contracts';
import type { Database, Executor } from '@serendip/db';
import { excerpt } from '@serendip/markdown';
import { found, invalid } from '../../errors.ts';
import { isStaff, type Viewer } from '../../plugins/session.ts';
import { queueSearchUpdate, recordEvent } from '../../write-path.ts';
import { normalizeTags, upsertTags } from '../tags/tags.queries.ts';
import {
  answerTotals,
  findUserByHandle,
  findUserById,
  ratingTotals,
  recentAnswers,
  recentRatings,
  replaceUserTags,
  updateUser,
  userTagSlugs,
  type UserChanges,
  type UserRow,
  type UserTagKind,
} from './users.queries.ts';

const RECENT_RATINGS = 5;
const RECENT_ANSWERS = 10;

/** An unset preference means "yes": people opt out of notifications, not in. */
function preferencesOf(stored: Partial<NotificationPreferences>): NotificationPreferences {
  const on = (value: boolean | undefined) => value ?? true;
  return {
    answer: on(stored.answer),
    mention: on(stored.mention),
    accepted: on(stored.accepted),
    reply: on(stored.reply),
    thanks: on(stored.thanks),
    moderation: on(stored.moderation),
  };
}

async function loadMe(db: Executor, userId: number): Promise<Me> {
  const user = found(await findUserById(db, userId), 'user_not_found', 'No such user.');
  const slugs = await userTagSlugs(db, user.id);
  return {
    id: user.id,
    email: user.email,
    handle: user.handle,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    department: user.department,
    site: user.site,
    hierarchyLevel: user.hierarchyLevel,
    hierarchyVisible: user.hierarchyVisible,
    locale: user.locale,
    bio: user.bio,
    role: user.role,
    trustLevel: user.trustLevel,
    suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
    openToQuestions: user.openToQuestions,
    weeklyHelpMinutes: user.weeklyHelpMinutes,
    notificationPreferences: preferencesOf(user.notificationPreferences),
    skills: slugs.skill,
    interests: slugs.interest,
    createdAt: user.createdAt.toISOString(),
  };
}

export function getMe(db: Database, viewer: Viewer): Promise<Me> {
  return loadMe(db, viewer.id);
}

/** Text fields are trimmed; a display name of only spaces is refused like an empty one. */
function columnChanges(input: UpdateMeBody): UserChanges {
  const { notificationPreferences: _p, skills: _s, interests: _i, ...fields } = input;
  const changes: UserChanges = { ...fields };
  for (const key of ['displayName', 'jobTitle', 'department', 'site', 'bio'] as const) {
    const value = changes[key];
    if (value !== undefined) changes[key] = value.trim();
  }
  if (changes.displayName === '') throw invalid('displayName', 'must not be blank');
  return changes;
}

/** Normalised before the transaction so a bad tag is a 400 before anything is written. */
function tagChanges(input: UpdateMeBody): [UserTagKind, string[]][] {
  const lists: [UserTagKind, string[]][] = [];
  if (input.skills) lists.push(['skill', normalizeTags(input.skills, 'skills')]);
  if (input.interests) lists.push(['interest', normalizeTags(input.interests, 'interests')]);
  return lists;
}

/**
 * Edits my profile. Handle and email are deliberately not editable here: the handle is how
 * mentions and links find a person, and the email is the sign-in identity (SSO in production).
 */
export async function updateMe(db: Database, viewer: Viewer, input: UpdateMeBody): Promise<Me> {
  const changes = columnChanges(input);
  const tagLists = tagChanges(input);
  const changedFields = Object.keys(input);
  if (changedFields.length === 0) return loadMe(db, viewer.id);

  await db.transaction(async (tx) => {
    await updateUser(tx, viewer.id, changes, input.notificationPreferences);
    for (const [kind, slugs] of tagLists) {
      const rows = await upsertTags(tx, slugs);
      await replaceUserTags(
        tx,
        viewer.id,
        kind,
        rows.map((row) => row.id),
      );
    }
    await queueSearchUpdate(tx, 'user', [viewer.id]);
    await recordEvent(tx, {
      type: 'user.updated',
      topics: [`user:${viewer.id}`],
      actorId: viewer.id,
      payload: { userId: viewer.id, fields: changedFields },
    });
  });
  return loadMe(db, viewer.id);
}

type RatingRow = Awaited<ReturnType<typeof recentRatings>>[number];

/** The asker of an anonymous thread stays "a colleague" on the helper's profile too. */
function raterOf(row: RatingRow, viewer: Viewer): UserSummary | null {
  const { deletedAt, ...summary } = row.from;
  if (deletedAt) return null;
  if (row.threadAnonymous && row.fromUserId !== viewer.id && !isStaff(viewer)) return null;
  return summary;
}

async function profileRatings(
  db: Database,
  user: UserRow,
  viewer: Viewer,
): Promise<PublicProfile['ratings']> {
  const [totals, rows] = await Promise.all([
    ratingTotals(db, user.id, viewer),
    recentRatings(db, user.id, viewer, RECENT_RATINGS),
  ]);
  const recent: ReceivedRating[] = rows.map((row) => ({
    rating: row.rating,
    message: row.message,
    threadId: row.threadId,
    threadTitle: row.threadTitle,
    from: raterOf(row, viewer),
    createdAt: row.createdAt.toISOString(),
  }));
  return { ...totals, recent };
}

async function profileAnswers(
  db: Database,
  user: UserRow,
  viewer: Viewer,
): Promise<ProfileAnswer[]> {
  const rows = await recentAnswers(db, user.id, viewer, RECENT_ANSWERS);
  return rows.map(({ bodyHtml, createdAt, ...answer }) => ({
    ...answer,
    excerpt: excerpt(bodyHtml),
    createdAt: createdAt.toISOString(),
  }));
}

export async function getPublicProfile(
  db: Database,
  viewer: Viewer,
  handle: string,
): Promise<PublicProfile> {
  const user = found(await findUserByHandle(db, handle), 'user_not_found', 'No such user.');
  const [slugs, ratings, answers, totals] = await Promise.all([
    userTagSlugs(db, user.id),
    profileRatings(db, user, viewer),
    profileAnswers(db, user, viewer),
    answerTotals(db, user.id, viewer),
  ]);
  return {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    department: user.department,
    site: user.site,
    hierarchyLevel: user.hierarchyVisible ? user.hierarchyLevel : null,
    bio: user.bio,
    openToQuestions: user.openToQuestions,
    weeklyHelpMinutes: user.weeklyHelpMinutes,
    skills: slugs.skill,
    interests: slugs.interest,
    ratings,
    recentAnswers: answers,
    answerCount: totals.answerCount,
    acceptedCount: totals.acceptedCount,
    memberSince: user.createdAt.toISOString(),
  };
}
