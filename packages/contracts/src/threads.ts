// Schemas for the threads endpoints: threads in lists, a thread with its posts, writing one.
import { Type } from 'typebox';
import { Handle, Id, PageQuery, Timestamp, UserSummary } from './common.ts';
import { Post, PostBody } from './posts.ts';

export const ThreadKind = Type.Union([Type.Literal('question'), Type.Literal('discussion')]);
export type ThreadKind = Type.Static<typeof ThreadKind>;

export const ThreadStatus = Type.Union([Type.Literal('open'), Type.Literal('locked')]);

export const ThreadTitle = Type.String({ minLength: 8, maxLength: 200 });
/** Raw tags as typed; the server normalises them ("Gestion de Projet" -> "gestion-de-projet"). */
export const ThreadTags = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
  minItems: 1,
  maxItems: 5,
});

/** A thread without its posts (lists). `author` null = anonymous to this viewer. */
export const Thread = Type.Object({
  id: Id,
  groupId: Id,
  group: Type.Object({
    slug: Type.String(),
    name: Type.String(),
    visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
  }),
  kind: ThreadKind,
  title: Type.String(),
  author: Type.Union([UserSummary, Type.Null()]),
  isAnonymous: Type.Boolean(),
  status: ThreadStatus,
  acceptedPostId: Type.Union([Id, Type.Null()]),
  answerCount: Type.Integer(),
  score: Type.Integer(),
  tags: Type.Array(Type.String()),
  createdAt: Timestamp,
  lastActivityAt: Timestamp,
  /** Plain text from the opening post. */
  excerpt: Type.String(),
});
export type Thread = Type.Static<typeof Thread>;
export const ThreadSummary = Thread;
export type ThreadSummary = Thread;

export const ThreadThanks = Type.Object({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  message: Type.String(),
  toUserId: Id,
  createdAt: Timestamp,
});
export type ThreadThanks = Type.Static<typeof ThreadThanks>;

/** A thread as read on its page: posts ordered (opening post, then answers or replies). */
export const ThreadDetail = Type.Object({
  thread: Thread,
  posts: Type.Array(Post),
  thanks: Type.Union([ThreadThanks, Type.Null()]),
  viewer: Type.Object({
    isAuthor: Type.Boolean(),
    canModerate: Type.Boolean(),
    canAccept: Type.Boolean(),
    following: Type.Boolean(),
  }),
});
export type ThreadDetail = Type.Static<typeof ThreadDetail>;

export const CreateThreadBody = Type.Object({
  kind: ThreadKind,
  title: ThreadTitle,
  body: PostBody,
  tags: ThreadTags,
  /** Questions only: peers see "a colleague" instead of the author. */
  anonymous: Type.Optional(Type.Boolean({ default: false })),
  /** Questions only: "ask this expert", the handle of the one person the question is for. */
  addressedTo: Type.Optional(Handle),
});
export type CreateThreadBody = Type.Static<typeof CreateThreadBody>;

export const UpdateThreadBody = Type.Object({
  title: Type.Optional(ThreadTitle),
  body: Type.Optional(PostBody),
  tags: Type.Optional(ThreadTags),
});
export type UpdateThreadBody = Type.Static<typeof UpdateThreadBody>;

export const LockThreadBody = Type.Object({ locked: Type.Boolean() });
export type LockThreadBody = Type.Static<typeof LockThreadBody>;

export const ThreadSort = Type.Union([
  Type.Literal('activity'),
  Type.Literal('newest'),
  Type.Literal('unanswered'),
  Type.Literal('top'),
]);
export type ThreadSort = Type.Static<typeof ThreadSort>;

export const ThreadListQuery = Type.Object({
  sort: Type.Optional(ThreadSort),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  ...PageQuery.properties,
});
export type ThreadListQuery = Type.Static<typeof ThreadListQuery>;

export const ThreadList = Type.Object({
  items: Type.Array(Thread),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type ThreadList = Type.Static<typeof ThreadList>;
