// Schemas for the posts endpoints: a post as readers see it, writing and editing one, revisions.
import { Type } from 'typebox';
import { Id, Timestamp, UserSummary } from './common.ts';

export const PostKind = Type.Union([
  Type.Literal('opening'),
  Type.Literal('answer'),
  Type.Literal('reply'),
]);
export type PostKind = Type.Static<typeof PostKind>;

export const PostState = Type.Union([
  Type.Literal('published'),
  Type.Literal('pending'),
  Type.Literal('rejected'),
  Type.Literal('hidden'),
]);
export type PostState = Type.Static<typeof PostState>;

/** Markdown source of a post; the server renders it once, on write. */
export const PostBody = Type.String({ minLength: 1, maxLength: 50000 });

/** `author` is null when the post belongs to an anonymous asker and the viewer may not know who. */
export const Post = Type.Object({
  id: Id,
  threadId: Id,
  kind: PostKind,
  author: Type.Union([UserSummary, Type.Null()]),
  bodyHtml: Type.String(),
  bodySource: Type.String(),
  state: PostState,
  score: Type.Integer(),
  myVote: Type.Union([Type.Literal(-1), Type.Literal(0), Type.Literal(1)]),
  isAccepted: Type.Boolean(),
  revisionCount: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
  editedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Post = Type.Static<typeof Post>;

export const CreatePostBody = Type.Object({ body: PostBody });
export type CreatePostBody = Type.Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object({ body: PostBody });
export type UpdatePostBody = Type.Static<typeof UpdatePostBody>;

export const PostRevision = Type.Object({
  revision: Type.Integer({ minimum: 1 }),
  editor: Type.Union([UserSummary, Type.Null()]),
  /** The thread title at that revision (opening posts only). */
  title: Type.Union([Type.String(), Type.Null()]),
  bodySource: Type.String(),
  createdAt: Timestamp,
});
export type PostRevision = Type.Static<typeof PostRevision>;

export const PostRevisionList = Type.Object({ items: Type.Array(PostRevision) });
export type PostRevisionList = Type.Static<typeof PostRevisionList>;
