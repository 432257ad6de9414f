// Threads: starting, editing, locking and deleting one. Each write runs in one transaction with
// its counters, domain event, search update and notifications (ARCHITECTURE "write path").
import type {
  CreateThreadBody,
  LockThreadBody,
  ThreadDetail,
  UpdateThreadBody,
} from '@serendip/contracts';
import type { Database, Executor } from '@serendip/db';
import { DomainError, found, invalid } from '../../errors.ts';
import { assertNotSuspended, type Viewer } from '../../plugins/session.ts';
import { queueSearchUpdate, queueSearchUpdates, recordEvent } from '../../write-path.ts';
import { addFollow } from '../follows/follows.queries.ts';
import { assertCanPost, loadGroupAccess } from '../groups/groups.access.ts';
import { recordAudit } from '../moderation/audit.ts';
import { applyScreening, screenPost } from '../moderation/screening.ts';
import { insertAddressee, resolveAddressee } from '../people/addressing.ts';
import { notifyOnce, rewritePost, writePost } from '../posts/post-write.ts';
import { selectOpeningPost, selectPostIdsOfThread } from '../posts/posts.queries.ts';
import { adjustTagThreadCounts, normalizeTags, upsertTags } from '../tags/tags.queries.ts';
import { assertCanEditThread, loadThreadAccess, type ThreadAccess } from './thread-access.ts';
import { loadThreadDetail } from './thread-read.ts';
import { actorOf, cleanBody, cleanTitle, threadTopics } from './thread-rules.ts';
import {
  adjustGroupThreadCount,
  deleteThreadTags,
  insertThread,
  insertThreadTags,
  markThreadDeleted,
  selectThreadTagIds,
  updateThread,
} from './threads.queries.ts';

export async function createThread(
  db: Database,
  viewer: Viewer,
  slug: string,
  input: CreateThreadBody,
): Promise<ThreadDetail> {
  assertNotSuspended(viewer);
  const title = cleanTitle(input.title);
  const body = cleanBody(input.body);
  const anonymous = input.anonymous ?? false;
  if (anonymous && input.kind !== 'question') {
    throw invalid('anonymous', 'Only questions can be asked anonymously.');
  }
  if (input.addressedTo !== undefined && input.kind !== 'question') {
    throw invalid('addressedTo', 'Only questions can be addressed to an expert.');
  }
  const tagSlugs = normalizeTags(input.tags);
  const access = await loadGroupAccess(db, viewer, { slug });
  assertCanPost(viewer, access);
  const addresseeId =
    input.addressedTo === undefined
      ? null
      : await resolveAddressee(db, viewer, input.addressedTo, access);
  const screening = await screenPost(db, viewer, `${title}\n\n${body}`);
  const threadId = await db.transaction(async (tx) => {
    const thread = await insertThread(tx, {
      groupId: access.group.id,
      authorId: viewer.id,
      kind: input.kind,
      title,
      isAnonymous: anonymous,
    });
    const { post, mentionedIds } = await writePost(tx, {
      threadId: thread.id,
      authorId: viewer.id,
      kind: 'opening',
      source: body,
      title,
    });
    await applyScreening(tx, screening, {
      postId: post.id,
      threadId: thread.id,
      groupId: thread.groupId,
      authorId: viewer.id,
    });
    const tagIds = (await upsertTags(tx, tagSlugs)).map((tag) => tag.id);
    await insertThreadTags(tx, thread.id, tagIds);
    // A held question is counted when a moderator publishes it (see postVisibilityChanged).
    if (!screening.held) {
      await adjustTagThreadCounts(tx, tagIds, 1);
      await adjustGroupThreadCount(tx, thread.groupId, 1);
    }
    await addFollow(tx, viewer.id, 'thread', thread.id);
    if (addresseeId !== null) await insertAddressee(tx, thread.id, addresseeId);
    const actorId = actorOf(thread, viewer.id);
    // The addressee is told like a mention ("ask this expert" names them).
    const named =
      addresseeId === null ? mentionedIds : [...new Set([...mentionedIds, addresseeId])];
    // A held question mentions nobody yet: the mention notices would show what is not published.
    await notifyOnce(tx, [['mention', screening.held ? [] : named]], {
      threadId: thread.id,
      postId: post.id,
      threadTitle: title,
      bodyHtml: post.bodyHtml,
      actorId,
      writerId: viewer.id,
    });
    await recordEvent(tx, {
      type: 'thread.created',
      // A held question reaches only its author until a moderator approves it.
      topics: screening.held ? [`user:${viewer.id}`] : threadTopics(thread),
      actorId,
      payload: {
        threadId: thread.id,
        groupId: thread.groupId,
        kind: thread.kind,
        title,
        tags: tagSlugs,
        ...(addresseeId === null ? {} : { addressedTo: addresseeId }),
        ...(actorId === null ? {} : { authorId: actorId }),
      },
    });
    await queueSearchUpdates(tx, [
      { documentType: 'thread', documentIds: [thread.id] },
      { documentType: 'post', documentIds: [post.id] },
    ]);
    return thread.id;
  });
  return loadThreadDetail(db, viewer, threadId);
}

/** Makes the thread's tags exactly `slugs`, moving tag counters for what was added or removed. */
async function replaceThreadTags(tx: Executor, threadId: number, slugs: string[]) {
  const before = await selectThreadTagIds(tx, threadId);
  const after = (await upsertTags(tx, slugs)).map((tag) => tag.id);
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  await deleteThreadTags(tx, threadId, removed);
  await insertThreadTags(tx, threadId, added);
  await adjustTagThreadCounts(tx, removed, -1);
  await adjustTagThreadCounts(tx, added, 1);
  return removed.length + added.length > 0;
}

/** Title and body are one revision of the opening post; tags change without a revision. */
export async function updateThreadContent(
  db: Database,
  viewer: Viewer,
  threadId: number,
  input: UpdateThreadBody,
): Promise<ThreadDetail> {
  assertNotSuspended(viewer);
  const title = input.title === undefined ? undefined : cleanTitle(input.title);
  const body = input.body === undefined ? undefined : cleanBody(input.body);
  const tagSlugs = input.tags === undefined ? undefined : normalizeTags(input.tags);
  const access = await loadThreadAccess(db, viewer, threadId);
  assertCanEditThread(viewer, access);
  const { thread } = access;
  await db.transaction(async (tx) => {
    const changes: string[] = [];
    const opening = found(
      await selectOpeningPost(tx, threadId),
      'thread_not_found',
      'No such thread.',
    );
    if (title !== undefined && title !== thread.title) changes.push('title');
    if (body !== undefined && body !== opening.bodySource) changes.push('body');
    if (changes.length > 0) {
      if (changes.includes('title')) await updateThread(tx, threadId, { title });
      const { newlyMentioned, bodyHtml } = await rewritePost(tx, {
        postId: opening.id,
        editorId: viewer.id,
        source: body ?? opening.bodySource,
        title: title ?? thread.title,
      });
      await notifyOnce(tx, [['mention', newlyMentioned]], {
        threadId,
        postId: opening.id,
        threadTitle: title ?? thread.title,
        bodyHtml,
        actorId: actorOf(thread, viewer.id),
        writerId: viewer.id,
      });
      await queueSearchUpdate(tx, 'post', [opening.id]);
    }
    if (tagSlugs && (await replaceThreadTags(tx, threadId, tagSlugs))) changes.push('tags');
    if (changes.length === 0) return;
    await recordEvent(tx, {
      type: 'thread.updated',
      topics: threadTopics(thread),
      actorId: actorOf(thread, viewer.id),
      payload: { threadId, changes, ...(title === undefined ? {} : { title }) },
    });
    await queueSearchUpdate(tx, 'thread', [threadId]);
  });
  return loadThreadDetail(db, viewer, threadId);
}

export async function lockThread(
  db: Database,
  viewer: Viewer,
  threadId: number,
  input: LockThreadBody,
): Promise<ThreadDetail> {
  const access = await loadThreadAccess(db, viewer, threadId);
  if (!access.canModerate) {
    throw new DomainError('forbidden', 'Only moderators can lock or unlock a thread.');
  }
  const status = input.locked ? 'locked' : 'open';
  if (access.thread.status !== status) {
    await db.transaction(async (tx) => {
      await updateThread(tx, threadId, { status });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: input.locked ? 'thread.lock' : 'thread.unlock',
        targetType: 'thread',
        targetId: threadId,
        groupId: access.thread.groupId,
        before: { status: access.thread.status },
        after: { status },
      });
      await recordEvent(tx, {
        type: 'thread.updated',
        topics: threadTopics(access.thread),
        actorId: viewer.id,
        payload: { threadId, changes: ['status'], status },
      });
      await queueSearchUpdate(tx, 'thread', [threadId]);
    });
  }
  return loadThreadDetail(db, viewer, threadId);
}

/** Soft-deletes the thread inside `tx`: counters, event, and its documents leave the index. */
export async function removeThread(tx: Executor, access: ThreadAccess, viewer: Viewer) {
  const { thread } = access;
  if (!(await markThreadDeleted(tx, thread.id)))
    throw new DomainError('thread_not_found', 'No such thread.');
  // Only a published question was counted (held, rejected or hidden ones are not).
  if ((await selectOpeningPost(tx, thread.id))?.state === 'published') {
    await adjustGroupThreadCount(tx, thread.groupId, -1);
    await adjustTagThreadCounts(tx, await selectThreadTagIds(tx, thread.id), -1);
  }
  await recordEvent(tx, {
    type: 'thread.deleted',
    topics: threadTopics(thread),
    actorId: actorOf(thread, viewer.id),
    payload: { threadId: thread.id, groupId: thread.groupId },
  });
  await queueSearchUpdate(tx, 'thread', [thread.id], 'delete');
  await queueSearchUpdate(tx, 'post', await selectPostIdsOfThread(tx, thread.id), 'delete');
}

export async function deleteThread(
  db: Database,
  viewer: Viewer,
  threadId: number,
): Promise<{ ok: true }> {
  const access = await loadThreadAccess(db, viewer, threadId);
  assertCanEditThread(viewer, access);
  await db.transaction(async (tx) => {
    await removeThread(tx, access, viewer);
    if (access.thread.authorId !== viewer.id) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'thread.delete',
        targetType: 'thread',
        targetId: threadId,
        groupId: access.thread.groupId,
        before: { title: access.thread.title },
        note: 'deleted by a moderator',
      });
    }
  });
  return { ok: true };
}
