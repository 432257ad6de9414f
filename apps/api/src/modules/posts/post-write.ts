// The steps every post write shares, inside the caller's transaction: render with mentions, keep
// revisions, and notify the people mentioned.
import { excerpt } from '@serendip/markdown';
import type { Executor } from '@serendip/db';
import { notifyEach } from '../notifications/notifications.service.ts';
import { findMentionedUsers, insertMentions, renderPostBody, replaceMentions } from './mentions.ts';
import { insertPost, insertRevision, updatePostBody, type PostRow } from './posts.queries.ts';

export interface NewPost {
  threadId: number;
  authorId: number;
  kind: PostRow['kind'];
  source: string;
  /** The thread title, kept with the revision of an opening post. */
  title: string | null;
}

/** Keeps a revision of the post and its mentions; returns who is mentioned for the first time. */
async function saveRevision(
  tx: Executor,
  postId: number,
  revision: number,
  input: { editorId: number; source: string; title: string | null; mentioned: { id: number }[] },
): Promise<number[]> {
  await insertRevision(tx, {
    postId,
    revision,
    editorId: input.editorId,
    title: input.title,
    bodySource: input.source,
  });
  const mentionedIds = input.mentioned.map((user) => user.id);
  // A brand-new post has no mention rows to compare with or remove.
  if (revision === 1) return insertMentions(tx, postId, mentionedIds);
  return replaceMentions(tx, postId, mentionedIds);
}

/** Inserts the post and its first revision; returns it with the ids of the people it mentions. */
export async function writePost(tx: Executor, input: NewPost) {
  const mentioned = await findMentionedUsers(tx, input.source);
  const post = await insertPost(tx, {
    threadId: input.threadId,
    authorId: input.authorId,
    kind: input.kind,
    bodySource: input.source,
    bodyHtml: renderPostBody(input.source, mentioned),
  });
  const mentionedIds = await saveRevision(tx, post.id, 1, {
    editorId: input.authorId,
    source: input.source,
    title: input.title,
    mentioned,
  });
  return { post, mentionedIds };
}

export interface PostEdit {
  postId: number;
  editorId: number;
  source: string;
  title: string | null;
}

/** Saves a new body as the next revision; also returns the people mentioned for the first time. */
export async function rewritePost(tx: Executor, input: PostEdit) {
  const mentioned = await findMentionedUsers(tx, input.source);
  const bodyHtml = renderPostBody(input.source, mentioned);
  const revision = await updatePostBody(tx, input.postId, input.source, bodyHtml);
  const newlyMentioned = await saveRevision(tx, input.postId, revision, { ...input, mentioned });
  return { revision, newlyMentioned, bodyHtml };
}

export interface NotificationContext {
  threadId: number;
  postId: number;
  threadTitle: string;
  bodyHtml: string;
  /** Null when the writer is an anonymous asker: nobody learns who wrote. */
  actorId: number | null;
  writerId: number;
}

/** Who a write notifies, in order of precedence: someone in two passes gets the first type only. */
export type NotificationPasses = ['answer' | 'mention' | 'reply', number[]][];

/**
 * Sends each person considered by this write one notification, of the first pass they are in,
 * in one batch. Someone who turned that type off is not "compensated" with another type for the
 * same post, and the writer is never notified.
 */
export async function notifyOnce(
  tx: Executor,
  passes: NotificationPasses,
  context: NotificationContext,
): Promise<void> {
  const recipients = passes.flatMap(([type, recipientIds]) =>
    recipientIds
      .filter((userId) => userId !== context.writerId)
      .map((userId) => ({ userId, type })),
  );
  if (recipients.length === 0) return;
  await notifyEach(tx, {
    recipients,
    actorId: context.actorId,
    threadId: context.threadId,
    postId: context.postId,
    data: { title: context.threadTitle, excerpt: excerpt(context.bodyHtml, 140) },
  });
}
