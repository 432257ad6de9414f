// @mentions: which existing people a post names, rendering the links, and remembering who was
// already mentioned so an edit notifies only the newly mentioned.
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { postMentions, users, type Executor } from '@serendip/db';
import { extractMentions, renderMarkdown } from '@serendip/markdown';

/** Beyond this many handles a post is more likely spam than conversation; the rest stay text. */
const MAX_MENTIONS = 50;

export interface MentionedUser {
  id: number;
  handle: string;
}

export async function findMentionedUsers(db: Executor, source: string): Promise<MentionedUser[]> {
  const handles = extractMentions(source).slice(0, MAX_MENTIONS);
  if (handles.length === 0) return [];
  return db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(inArray(sql`lower(${users.handle})`, handles), isNull(users.deletedAt)));
}

/** Markdown to safe HTML, turning only the mentions of existing people into links. */
export function renderPostBody(source: string, mentioned: MentionedUser[]): string {
  return renderMarkdown(source, {
    mentions: new Set(mentioned.map((user) => user.handle.toLowerCase())),
  });
}

/** Makes the post's mention rows match `userIds`; returns the ids that were not mentioned before. */
export async function replaceMentions(
  db: Executor,
  postId: number,
  userIds: number[],
): Promise<number[]> {
  const before = await db
    .select({ userId: postMentions.userId })
    .from(postMentions)
    .where(eq(postMentions.postId, postId));
  const known = new Set(before.map((row) => row.userId));
  await db
    .delete(postMentions)
    .where(
      userIds.length > 0
        ? and(eq(postMentions.postId, postId), notInArray(postMentions.userId, userIds))
        : eq(postMentions.postId, postId),
    );
  return insertMentions(
    db,
    postId,
    userIds.filter((id) => !known.has(id)),
  );
}

/** Adds mention rows (a new post's, or an edit's new ones); returns the ids it was given. */
export async function insertMentions(
  db: Executor,
  postId: number,
  userIds: number[],
): Promise<number[]> {
  if (userIds.length > 0) {
    await db
      .insert(postMentions)
      .values(userIds.map((userId) => ({ postId, userId })))
      .onConflictDoNothing();
  }
  return userIds;
}
