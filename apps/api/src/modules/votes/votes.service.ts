// Voting on posts: one vote per person and post, the score moved by the change in the same
// transaction, and the thread's score kept equal to its opening post's.
import type { VoteResponse, VoteValue } from '@serendip/contracts';
import type { Database } from '@serendip/db';
import { assertNotSuspended, type Viewer } from '../../plugins/session.ts';
import { queueSearchUpdate, recordEvent } from '../../write-path.ts';
import { loadVotablePost } from './votes.access.ts';
import { addToPostScore, addToThreadScore, replaceVote } from './votes.queries.ts';

export async function castVote(
  db: Database,
  viewer: Viewer,
  postId: number,
  value: VoteValue,
): Promise<VoteResponse> {
  assertNotSuspended(viewer);
  return db.transaction(async (tx) => {
    const { post, thread } = await loadVotablePost(tx, viewer, postId);
    const delta = value - (await replaceVote(tx, post.id, viewer.id, value));
    // Voting the same way twice changes nothing: no event, no reindex.
    if (delta === 0) return { postId: post.id, score: post.score, myVote: value };
    const score = await addToPostScore(tx, post.id, delta);
    if (post.kind === 'opening') await addToThreadScore(tx, thread.id, delta);
    // Never the voter's identity: votes are private.
    await recordEvent(tx, {
      type: 'vote.changed',
      topics: [`thread:${thread.id}`],
      payload: { threadId: thread.id, postId: post.id, score },
    });
    await queueSearchUpdate(tx, 'thread', [thread.id]);
    return { postId: post.id, score, myVote: value };
  });
}
