// Schemas for the groups endpoints: groups, their listing, and their members.
import { Type } from 'typebox';
import { Handle, Id, PageQuery, Slug, Timestamp, UserSummary } from './common.ts';

export const GroupKind = Type.Union([Type.Literal('professional'), Type.Literal('hobby')]);
export type GroupKind = Type.Static<typeof GroupKind>;
export const GroupVisibility = Type.Union([Type.Literal('public'), Type.Literal('private')]);
export type GroupVisibility = Type.Static<typeof GroupVisibility>;
export const MembershipRole = Type.Union([
  Type.Literal('member'),
  Type.Literal('moderator'),
  Type.Literal('owner'),
]);
export type MembershipRole = Type.Static<typeof MembershipRole>;

// Control characters have no place in a name, and PostgreSQL text cannot hold NUL at all.
const GroupName = Type.String({
  minLength: 2,
  maxLength: 80,
  pattern: '^[^\\u0000-\\u001F\\u007F]*$',
});
const GroupDescription = Type.String({ maxLength: 2000, pattern: '^[^\\u0000]*$' });

/** A group as it appears in lists, with the viewer's own role in it (null: not a member). */
export const GroupSummary = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  kind: GroupKind,
  visibility: GroupVisibility,
  memberCount: Type.Integer(),
  threadCount: Type.Integer(),
  membership: Type.Union([MembershipRole, Type.Null()]),
});
export type GroupSummary = Type.Static<typeof GroupSummary>;

export const Group = Type.Object({ ...GroupSummary.properties, createdAt: Timestamp });
export type Group = Type.Static<typeof Group>;

export const GroupSlugParams = Type.Object({ slug: Slug });
export const GroupMemberParams = Type.Object({ slug: Slug, handle: Handle });

export const GroupListQuery = Type.Object({
  ...PageQuery.properties,
  // The cursor carries the (lower-cased) name it stopped at, so it is longer than most.
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  kind: Type.Optional(GroupKind),
  joined: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 80 })),
});
export type GroupListQuery = Type.Static<typeof GroupListQuery>;

export const GroupList = Type.Object({
  items: Type.Array(GroupSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type GroupList = Type.Static<typeof GroupList>;

export const CreateGroupBody = Type.Object({
  slug: Slug,
  name: GroupName,
  description: Type.Optional(GroupDescription),
  kind: GroupKind,
  visibility: Type.Optional(GroupVisibility),
});
export type CreateGroupBody = Type.Static<typeof CreateGroupBody>;

export const UpdateGroupBody = Type.Object(
  {
    name: Type.Optional(GroupName),
    description: Type.Optional(GroupDescription),
    kind: Type.Optional(GroupKind),
    visibility: Type.Optional(GroupVisibility),
  },
  { minProperties: 1 },
);
export type UpdateGroupBody = Type.Static<typeof UpdateGroupBody>;

export const GroupMember = Type.Object({
  user: UserSummary,
  role: MembershipRole,
  joinedAt: Timestamp,
});
export type GroupMember = Type.Static<typeof GroupMember>;

export const GroupMemberListQuery = Type.Object({
  ...PageQuery.properties,
  role: Type.Optional(MembershipRole),
});
export type GroupMemberListQuery = Type.Static<typeof GroupMemberListQuery>;

export const GroupMemberList = Type.Object({
  items: Type.Array(GroupMember),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type GroupMemberList = Type.Static<typeof GroupMemberList>;

export const SetGroupMemberBody = Type.Object({ role: MembershipRole });
export type SetGroupMemberBody = Type.Static<typeof SetGroupMemberBody>;
