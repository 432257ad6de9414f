// The steps every post write shares, inside the caller's transaction: render with mentions, keep
// revisions, and notify the people mentioned.
import { excerpt } from '@serendip/markdown';
import type { Executor } from '@serendip/db';
import { notify } from '../notifications/notifications.service.ts';
import { findMentionedUsers, renderPostBody, replaceMentions } from './mentions.ts';
import { insertPost, insertRevision, updatePostBody, type PostRow } from './posts.queries.ts';

export interface NewPost {
  threadId: number;
  authorId: number;
  kind: PostRow['kind'];
  source: string;
  /** The thread title, kept with the revision of an opening post. */
  title: string | null;
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
  await insertRevision(tx, {
    postId: post.id,
    revision: 1,
    editorId: input.authorId,
    title: input.title,
    bodySource: input.source,
  });
  const mentionedIds = await replaceMentions(
    tx,
    post.id,
    mentioned.map((user) => user.id),
  );
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
  await insertRevision(tx, {
    postId: input.postId,
    revision,
    editorId: input.editorId,
    title: input.title,
    bodySource: input.source,
  });
  const newlyMentioned = await replaceMentions(
    tx,
    input.postId,
    mentioned.map((user) => user.id),
  );
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

/**
 * Sends one kind of notification to the people not yet considered by this write, and adds them
 * to `notified`, so nobody receives two notifications for one post.
 */
export async function notifyOnce(
  tx: Executor,
  type: 'answer' | 'mention' | 'reply',
  recipientIds: number[],
  context: NotificationContext,
  notified: Set<number>,
): Promise<void> {
  const fresh = recipientIds.filter((id) => id !== context.writerId && !notified.has(id));
  if (fresh.length === 0) return;
  // Someone who turned this type off is not "compensated" with another type for the same post.
  for (const id of fresh) notified.add(id);
  await notify(tx, {
    type,
    recipientIds: fresh,
    actorId: context.actorId,
    threadId: context.threadId,
    postId: context.postId,
    data: { title: context.threadTitle, excerpt: excerpt(context.bodyHtml, 140) },
  });
}
