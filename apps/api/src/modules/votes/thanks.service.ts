// "This helped me": the asker rates the accepted answer's author (1-5, optional message), once
// per thread; thanking again updates the rating. Shown on the helper's profile.
import type { ThanksBody, ThanksResponse } from '@serendip/contracts';
import type { Database, Executor } from '@serendip/db';
import { DomainError, found } from '../../errors.ts';
import { assertNotSuspended, type Viewer } from '../../plugins/session.ts';
import { queueSearchUpdate, recordEvent } from '../../write-path.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectPostById, type PostRow } from '../posts/posts.queries.ts';
import type { ThreadRow } from '../threads/thread-access.ts';
import { loadAskersQuestion } from './votes.access.ts';
import { findThanks, upsertThanks, type ThanksRow } from './votes.queries.ts';

function toThanksResponse(row: ThanksRow): ThanksResponse {
  return {
    threadId: row.threadId,
    postId: row.postId,
    toUserId: row.toUserId,
    rating: row.rating,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
  };
}

async function loadAcceptedAnswer(tx: Executor, thread: ThreadRow): Promise<PostRow> {
  const noAnswer = 'Accept an answer before thanking its author.';
  const postId = found(thread.acceptedPostId, 'answer_not_accepted', noAnswer);
  return found(await selectPostById(tx, postId), 'answer_not_accepted', noAnswer);
}

function sameThanks(previous: ThanksRow | undefined, next: ThanksRow): boolean {
  return (
    previous !== undefined &&
    previous.postId === next.postId &&
    previous.rating === next.rating &&
    previous.message === next.message
  );
}

async function announceThanks(
  tx: Executor,
  thread: ThreadRow,
  viewer: Viewer,
  thanks: ThanksRow,
): Promise<void> {
  const askerId = thread.isAnonymous ? null : viewer.id;
  await notify(tx, {
    type: 'thanks',
    recipientIds: [thanks.toUserId],
    actorId: askerId,
    threadId: thread.id,
    postId: thanks.postId,
    data: { title: thread.title, rating: thanks.rating },
  });
  await recordEvent(tx, {
    type: 'thanks.given',
    topics: [`thread:${thread.id}`, `user:${thanks.toUserId}`],
    actorId: askerId,
    payload: {
      threadId: thread.id,
      postId: thanks.postId,
      toUserId: thanks.toUserId,
      rating: thanks.rating,
    },
  });
  // The helper's rating is part of their profile document.
  await queueSearchUpdate(tx, 'user', [thanks.toUserId]);
}

export async function thankHelper(
  db: Database,
  viewer: Viewer,
  threadId: number,
  input: ThanksBody,
): Promise<ThanksResponse> {
  assertNotSuspended(viewer);
  return db.transaction(async (tx) => {
    const { thread } = await loadAskersQuestion(tx, viewer, threadId);
    const answer = await loadAcceptedAnswer(tx, thread);
    if (answer.authorId === viewer.id) {
      throw new DomainError(
        'cannot_thank_self',
        'The accepted answer is yours: there is no one to thank.',
      );
    }
    const previous = await findThanks(tx, thread.id);
    const thanks = await upsertThanks(tx, {
      threadId: thread.id,
      postId: answer.id,
      fromUserId: viewer.id,
      toUserId: answer.authorId,
      rating: input.rating,
      message: (input.message ?? '').trim(),
    });
    if (!sameThanks(previous, thanks)) await announceThanks(tx, thread, viewer, thanks);
    return toThanksResponse(thanks);
  });
}
