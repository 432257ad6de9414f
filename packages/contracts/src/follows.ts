// Schemas for the follows endpoints: following threads, tags, groups and people.
import { Type } from 'typebox';
import { Id, PageQuery, Timestamp } from './common.ts';

export const FollowTargetType = Type.Union([
  Type.Literal('thread'),
  Type.Literal('tag'),
  Type.Literal('group'),
  Type.Literal('user'),
]);
export type FollowTargetType = Type.Static<typeof FollowTargetType>;

export const FollowParams = Type.Object({ targetType: FollowTargetType, targetId: Id });
export type FollowParams = Type.Static<typeof FollowParams>;

/** The answer to PUT and DELETE: whether the viewer now follows the target. */
export const FollowState = Type.Object({
  targetType: FollowTargetType,
  targetId: Id,
  following: Type.Boolean(),
});
export type FollowState = Type.Static<typeof FollowState>;

export const FollowListQuery = Type.Object({
  targetType: Type.Optional(FollowTargetType),
  cursor: PageQuery.properties.cursor,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
});
export type FollowListQuery = Type.Static<typeof FollowListQuery>;

/** One followed thing, with what the web app shows and links to. */
export const FollowItem = Type.Object({
  targetType: FollowTargetType,
  targetId: Id,
  /** Thread title, '#tag', group name or person's display name. */
  label: Type.String(),
  /** '/threads/<id>', '/tags/<slug>', '/groups/<slug>' or '/u/<handle>'. */
  href: Type.String(),
  createdAt: Timestamp,
});
export type FollowItem = Type.Static<typeof FollowItem>;

export const FollowList = Type.Object({
  items: Type.Array(FollowItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type FollowList = Type.Static<typeof FollowList>;
