// Posts: answering or replying in a thread, editing, revisions and deletion. Each write runs in
// one transaction with the thread counters, domain event, search update and notifications.
import type { CreatePostBody, Post, PostRevisionList, UpdatePostBody } from '@serendip/contracts';
import { threads, type Database } from '@serendip/db';
import { sql } from 'drizzle-orm';
import { DomainError, found } from '../../errors.ts';
import { assertNotSuspended, type Viewer } from '../../plugins/session.ts';
import { queueSearchUpdates, recordEvent } from '../../write-path.ts';
import { addFollow, followerIdsOf } from '../follows/follows.queries.ts';
import { assertCanPost } from '../groups/groups.access.ts';
import { recordAudit } from '../moderation/audit.ts';
import { applyScreening, screenPost } from '../moderation/screening.ts';
import {
  assertOpenOrModerator,
  loadPostAccess,
  loadThreadAccess,
  postNotFound,
  type ThreadAccess,
} from '../threads/thread-access.ts';
import { updateThread } from '../threads/threads.queries.ts';
import { actorOf, cleanBody } from '../threads/thread-rules.ts';
import { removeThread } from '../threads/threads.service.ts';
import { dropThanks } from '../votes/accept.service.ts';
import { hidesAuthor, toPost, type PostViewContext } from './post-view.ts';
import { notifyOnce, rewritePost, writePost } from './post-write.ts';
import {
  markPostDeleted,
  selectReadablePost,
  selectRevisions,
  type PostRow,
} from './posts.queries.ts';

function viewOf(viewer: Viewer, access: ThreadAccess): PostViewContext {
  return {
    viewerId: viewer.id,
    canModerate: access.canModerate,
    thread: {
      authorId: access.thread.authorId,
      isAnonymous: access.thread.isAnonymous,
      acceptedPostId: access.thread.acceptedPostId,
    },
  };
}

async function loadPost(db: Database, viewer: Viewer, access: ThreadAccess, postId: number) {
  const row = found(
    await selectReadablePost(db, viewer.id, postId),
    'post_not_found',
    'No such post.',
  );
  return toPost(row, viewOf(viewer, access));
}

export async function createPost(
  db: Database,
  viewer: Viewer,
  threadId: number,
  input: CreatePostBody,
): Promise<Post> {
  assertNotSuspended(viewer);
  const body = cleanBody(input.body);
  const access = await loadThreadAccess(db, viewer, threadId);
  assertCanPost(viewer, access);
  assertOpenOrModerator(access);
  const { thread } = access;
  const kind = thread.kind === 'question' ? 'answer' : 'reply';
  const actorId = actorOf(thread, viewer.id);
  const screening = await screenPost(db, viewer, body);
  const postId = await db.transaction(async (tx) => {
    const { post, mentionedIds } = await writePost(tx, {
      threadId,
      authorId: viewer.id,
      kind,
      source: body,
      title: null,
    });
    await applyScreening(tx, screening, {
      postId: post.id,
      threadId,
      groupId: thread.groupId,
      authorId: viewer.id,
    });
    // A held answer is counted when a moderator publishes it.
    await updateThread(tx, threadId, {
      lastActivityAt: sql`now()`,
      ...(kind === 'answer' && !screening.held
        ? { answerCount: sql`${threads.answerCount} + 1` }
        : {}),
    });
    const context = {
      threadId,
      postId: post.id,
      threadTitle: thread.title,
      bodyHtml: post.bodyHtml,
      actorId,
      writerId: viewer.id,
    };
    // A held post notifies nobody and reaches only its author until a moderator approves it.
    const followerIds = screening.held ? [] : await followerIdsOf(tx, 'thread', threadId);
    if (!screening.held) {
      await notifyOnce(
        tx,
        [
          ['answer', kind === 'answer' ? [thread.authorId] : []],
          ['mention', mentionedIds],
          ['reply', followerIds],
        ],
        context,
      );
    }
    await addFollow(tx, viewer.id, 'thread', threadId);
    await recordEvent(tx, {
      type: 'post.created',
      topics: screening.held
        ? [`user:${viewer.id}`]
        : [`thread:${threadId}`, `group:${thread.groupId}`],
      actorId,
      payload: {
        postId: post.id,
        threadId,
        kind,
        ...(actorId === null ? {} : { authorId: actorId }),
      },
    });
    await queueSearchUpdates(tx, [
      { documentType: 'post', documentIds: [post.id] },
      { documentType: 'thread', documentIds: [threadId] },
    ]);
    return post.id;
  });
  return loadPost(db, viewer, access, postId);
}

function assertCanChangePost(viewer: Viewer, post: PostRow, access: ThreadAccess): void {
  if (post.authorId !== viewer.id && !access.canModerate) {
    throw new DomainError(
      'not_post_author',
      'Only the author or a moderator can change this post.',
    );
  }
  assertOpenOrModerator(access);
}

const postTopics = (access: ThreadAccess) => [
  `thread:${access.thread.id}`,
  `group:${access.thread.groupId}`,
];

export async function updatePost(
  db: Database,
  viewer: Viewer,
  postId: number,
  input: UpdatePostBody,
): Promise<Post> {
  assertNotSuspended(viewer);
  const body = cleanBody(input.body);
  const { post, access } = await loadPostAccess(db, viewer, postId);
  assertCanChangePost(viewer, post, access);
  const { thread } = access;
  if (body !== post.bodySource) {
    await db.transaction(async (tx) => {
      const isOpening = post.kind === 'opening';
      const { newlyMentioned, bodyHtml } = await rewritePost(tx, {
        postId,
        editorId: viewer.id,
        source: body,
        title: isOpening ? thread.title : null,
      });
      if (post.authorId !== viewer.id) {
        await recordAudit(tx, {
          actorId: viewer.id,
          action: 'post.edit',
          targetType: 'post',
          targetId: postId,
          groupId: thread.groupId,
          before: { bodySource: post.bodySource },
          after: { bodySource: body },
          note: 'edited by a moderator',
        });
      }
      const actorId = actorOf(thread, viewer.id);
      const context = {
        threadId: thread.id,
        postId,
        threadTitle: thread.title,
        bodyHtml,
        actorId,
        writerId: viewer.id,
      };
      await notifyOnce(tx, [['mention', newlyMentioned]], context);
      await recordEvent(tx, {
        type: 'post.updated',
        topics: postTopics(access),
        actorId,
        payload: { postId, threadId: thread.id },
      });
      await queueSearchUpdates(tx, [
        { documentType: 'post', documentIds: [postId] },
        { documentType: 'thread', documentIds: isOpening ? [thread.id] : [] },
      ]);
    });
  }
  return loadPost(db, viewer, access, postId);
}

/** Deleting the opening post deletes the thread; deleting an answer moves the thread's counters. */
export async function deletePost(
  db: Database,
  viewer: Viewer,
  postId: number,
): Promise<{ ok: true }> {
  const { post, access } = await loadPostAccess(db, viewer, postId);
  assertCanChangePost(viewer, post, access);
  const { thread } = access;
  await db.transaction(async (tx) => {
    // A moderator removing someone else's words is a moderation action: it goes to the audit log.
    if (post.authorId !== viewer.id) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'post.delete',
        targetType: 'post',
        targetId: postId,
        groupId: thread.groupId,
        before: { bodySource: post.bodySource, state: post.state },
        note: 'deleted by a moderator',
      });
    }
    if (post.kind === 'opening') return removeThread(tx, access, viewer);
    if (!(await markPostDeleted(tx, postId))) throw postNotFound();
    if (post.kind === 'answer') {
      await updateThread(tx, thread.id, {
        answerCount: sql`greatest(${threads.answerCount} - 1, 0)`,
        acceptedPostId: sql`nullif(${threads.acceptedPostId}, ${postId})`,
      });
      // Thanks go with the accepted answer. The update holds the thread row, so a concurrent
      // thanks waits for this commit and then finds no accepted answer.
      await dropThanks(tx, thread.id, postId);
    }
    await recordEvent(tx, {
      type: 'post.deleted',
      topics: postTopics(access),
      actorId: actorOf(thread, viewer.id),
      payload: { postId, threadId: thread.id },
    });
    await queueSearchUpdates(tx, [
      { documentType: 'post', documentIds: [postId], operation: 'delete' },
      { documentType: 'thread', documentIds: [thread.id] },
    ]);
  });
  return { ok: true };
}

/** Newest first; an anonymous asker's edits show no editor to those who may not know them. */
export async function listRevisions(
  db: Database,
  viewer: Viewer,
  postId: number,
): Promise<PostRevisionList> {
  const { access } = await loadPostAccess(db, viewer, postId);
  const view = viewOf(viewer, access);
  const rows = await selectRevisions(db, postId);
  return {
    items: rows.map((row) => ({
      revision: row.revision,
      editor: hidesAuthor(row.editorId, view) ? null : row.editor,
      title: row.title,
      bodySource: row.bodySource,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
