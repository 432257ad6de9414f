// Accepting an answer: the asker marks one answer of their question as the one that solved it
// (and may change their mind); the answer's author is notified.
import type { AcceptedResponse } from '@serendip/contracts';
import type { Database, Executor } from '@serendip/db';
import { found } from '../../errors.ts';
import { assertNotSuspended, type Viewer } from '../../plugins/session.ts';
import { queueSearchUpdate, recordEvent } from '../../write-path.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { PostRow } from '../posts/posts.queries.ts';
import type { ThreadRow } from '../threads/thread-access.ts';
import { assertThreadOpen, loadAskersQuestion } from './votes.access.ts';
import { deleteThanks, findPublishedAnswer, setAcceptedPost } from './votes.queries.ts';

/** An anonymous asker stays anonymous in notifications and events. */
function askerShownAs(thread: ThreadRow, viewer: Viewer): number | null {
  return thread.isAnonymous ? null : viewer.id;
}

/**
 * Thanks belong to the accepted answer: when the acceptance moves or is withdrawn, or the answer
 * is deleted (only then is `postId` given), they go too (the asker may thank the new helper).
 */
export async function dropThanks(tx: Executor, threadId: number, postId?: number): Promise<void> {
  const thankedUserId = await deleteThanks(tx, threadId, postId);
  // The helper's rating is part of their profile document.
  if (thankedUserId !== null) await queueSearchUpdate(tx, 'user', [thankedUserId]);
}

async function recordAcceptanceChange(
  tx: Executor,
  thread: ThreadRow,
  viewer: Viewer,
  acceptedPostId: number | null,
): Promise<void> {
  await dropThanks(tx, thread.id);
  await recordEvent(tx, {
    type: acceptedPostId === null ? 'answer.unaccepted' : 'answer.accepted',
    topics: [`thread:${thread.id}`, `group:${thread.groupId}`],
    actorId: askerShownAs(thread, viewer),
    payload: { threadId: thread.id, acceptedPostId, previousPostId: thread.acceptedPostId },
  });
  // The answered facet and ranking read the accepted answer.
  await queueSearchUpdate(tx, 'thread', [thread.id]);
}

async function notifyAnswerAuthor(
  tx: Executor,
  thread: ThreadRow,
  viewer: Viewer,
  answer: PostRow,
): Promise<void> {
  // notify() skips the actor, but an anonymous asker has no actor id: skip self-acceptance here.
  if (answer.authorId === viewer.id) return;
  await notify(tx, {
    type: 'accepted',
    recipientIds: [answer.authorId],
    actorId: askerShownAs(thread, viewer),
    threadId: thread.id,
    postId: answer.id,
    data: { title: thread.title },
  });
}

export async function acceptAnswer(
  db: Database,
  viewer: Viewer,
  threadId: number,
  postId: number,
): Promise<AcceptedResponse> {
  assertNotSuspended(viewer);
  return db.transaction(async (tx) => {
    const { thread } = await loadAskersQuestion(tx, viewer, threadId);
    assertThreadOpen(thread);
    const answer = found(
      await findPublishedAnswer(tx, thread.id, postId),
      'not_an_answer',
      `Post ${postId} is not a published answer to this question.`,
    );
    if (thread.acceptedPostId === answer.id) return { threadId, acceptedPostId: answer.id };
    await setAcceptedPost(tx, thread.id, answer.id);
    await recordAcceptanceChange(tx, thread, viewer, answer.id);
    await notifyAnswerAuthor(tx, thread, viewer, answer);
    return { threadId, acceptedPostId: answer.id };
  });
}

export async function withdrawAcceptance(
  db: Database,
  viewer: Viewer,
  threadId: number,
): Promise<AcceptedResponse> {
  assertNotSuspended(viewer);
  return db.transaction(async (tx) => {
    const { thread } = await loadAskersQuestion(tx, viewer, threadId);
    assertThreadOpen(thread);
    if (thread.acceptedPostId === null) return { threadId, acceptedPostId: null };
    await setAcceptedPost(tx, thread.id, null);
    await recordAcceptanceChange(tx, thread, viewer, null);
    return { threadId, acceptedPostId: null };
  });
}
