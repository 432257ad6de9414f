// Schemas for voting on posts, accepting an answer and thanking its author.
import { Type } from 'typebox';
import { Id, Timestamp } from './common.ts';

/** 1 up, -1 down, 0 withdraws the viewer's vote. */
export const VoteValue = Type.Enum([1, -1, 0], {
  description: '1 (up), -1 (down) or 0 (withdraw the vote)',
});
export type VoteValue = Type.Static<typeof VoteValue>;

export const VoteBody = Type.Object({ value: VoteValue });
export type VoteBody = Type.Static<typeof VoteBody>;

export const VoteResponse = Type.Object({
  postId: Id,
  score: Type.Integer(),
  myVote: VoteValue,
});
export type VoteResponse = Type.Static<typeof VoteResponse>;

export const AcceptBody = Type.Object({ postId: Id });
export type AcceptBody = Type.Static<typeof AcceptBody>;

export const AcceptedResponse = Type.Object({
  threadId: Id,
  acceptedPostId: Type.Union([Id, Type.Null()]),
});
export type AcceptedResponse = Type.Static<typeof AcceptedResponse>;

export const ThanksRating = Type.Integer({ minimum: 1, maximum: 5 });

export const ThanksBody = Type.Object({
  rating: ThanksRating,
  message: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ThanksBody = Type.Static<typeof ThanksBody>;

/** The asker's thanks to the author of the accepted answer; message is '' when none was written. */
export const ThanksResponse = Type.Object({
  threadId: Id,
  postId: Id,
  toUserId: Id,
  rating: ThanksRating,
  message: Type.String(),
  createdAt: Timestamp,
});
export type ThanksResponse = Type.Static<typeof ThanksResponse>;
