// Schemas for the users endpoints: my own profile (read and edit) and a colleague's public profile.
import { Type } from 'typebox';
import { Locale, Role } from './auth.ts';
import { Handle, Id, TagSlug, Timestamp, UserSummary } from './common.ts';

/** Which notifications I receive; every key is present in answers (an unset key means true). */
export const NotificationPreferences = Type.Object({
  answer: Type.Boolean(),
  mention: Type.Boolean(),
  accepted: Type.Boolean(),
  reply: Type.Boolean(),
  thanks: Type.Boolean(),
  moderation: Type.Boolean(),
});
export type NotificationPreferences = Type.Static<typeof NotificationPreferences>;

export const HierarchyLevel = Type.Union([Type.Integer({ minimum: 1, maximum: 10 }), Type.Null()]);

/** A skill or interest as typed by a person; normalised to a tag slug by the API. */
export const TagInput = Type.String({ minLength: 1, maxLength: 60 });
const TagInputs = Type.Array(TagInput, { maxItems: 30 });

/** The signed-in person's own profile, with everything they may edit. */
export const Me = Type.Object({
  ...UserSummary.properties,
  email: Type.String(),
  hierarchyLevel: HierarchyLevel,
  hierarchyVisible: Type.Boolean(),
  locale: Locale,
  bio: Type.String(),
  role: Role,
  trustLevel: Type.Integer(),
  suspendedUntil: Type.Union([Timestamp, Type.Null()]),
  openToQuestions: Type.Boolean(),
  weeklyHelpMinutes: Type.Integer(),
  notificationPreferences: NotificationPreferences,
  skills: Type.Array(TagSlug),
  interests: Type.Array(TagSlug),
  createdAt: Timestamp,
});
export type Me = Type.Static<typeof Me>;

/**
 * Any subset of the editable fields; unknown fields (handle, email, role...) are dropped, not
 * refused. Skills and interests replace the current lists; notification preferences are merged.
 */
export const UpdateMeBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    jobTitle: Type.Optional(Type.String({ maxLength: 120 })),
    department: Type.Optional(Type.String({ maxLength: 120 })),
    site: Type.Optional(Type.String({ maxLength: 120 })),
    hierarchyLevel: Type.Optional(HierarchyLevel),
    hierarchyVisible: Type.Optional(Type.Boolean()),
    locale: Type.Optional(Locale),
    bio: Type.Optional(Type.String({ maxLength: 2000 })),
    openToQuestions: Type.Optional(Type.Boolean()),
    weeklyHelpMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 2400 })),
    notificationPreferences: Type.Optional(
      Type.Partial(NotificationPreferences, { additionalProperties: false }),
    ),
    skills: Type.Optional(TagInputs),
    interests: Type.Optional(TagInputs),
  },
  { additionalProperties: false },
);
export type UpdateMeBody = Type.Static<typeof UpdateMeBody>;

export const HandleParams = Type.Object({ handle: Handle });

/** A "this helped me" rating received; `from` is null for a deleted or anonymous asker. */
export const ReceivedRating = Type.Object({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  message: Type.String(),
  threadId: Id,
  threadTitle: Type.String(),
  from: Type.Union([UserSummary, Type.Null()]),
  createdAt: Timestamp,
});
export type ReceivedRating = Type.Static<typeof ReceivedRating>;

export const ProfileAnswer = Type.Object({
  postId: Id,
  threadId: Id,
  threadTitle: Type.String(),
  excerpt: Type.String(),
  score: Type.Integer(),
  isAccepted: Type.Boolean(),
  createdAt: Timestamp,
});
export type ProfileAnswer = Type.Static<typeof ProfileAnswer>;

/**
 * A colleague's profile. Ratings, answers and their counts only cover groups the viewer can
 * read; hierarchyLevel is null unless its owner made it visible.
 */
export const PublicProfile = Type.Object({
  ...UserSummary.properties,
  hierarchyLevel: HierarchyLevel,
  bio: Type.String(),
  openToQuestions: Type.Boolean(),
  weeklyHelpMinutes: Type.Integer(),
  skills: Type.Array(TagSlug),
  interests: Type.Array(TagSlug),
  ratings: Type.Object({
    count: Type.Integer(),
    average: Type.Union([Type.Number(), Type.Null()]),
    recent: Type.Array(ReceivedRating),
  }),
  recentAnswers: Type.Array(ProfileAnswer),
  answerCount: Type.Integer(),
  acceptedCount: Type.Integer(),
  memberSince: Timestamp,
});
export type PublicProfile = Type.Static<typeof PublicProfile>;

const ExportRows = Type.Array(Type.Record(Type.String(), Type.Unknown()));

/** GET /api/users/me/export: everything the forum holds about the signed-in person. */
export const MyDataExport = Type.Object({
  exportedAt: Timestamp,
  profile: Type.Record(Type.String(), Type.Unknown()),
  skillsAndInterests: ExportRows,
  memberships: ExportRows,
  threads: ExportRows,
  posts: ExportRows,
  votes: ExportRows,
  follows: ExportRows,
  thanksGiven: ExportRows,
  thanksReceived: ExportRows,
  notifications: ExportRows,
  sanctions: ExportRows,
  sessions: ExportRows,
});
export type MyDataExport = Type.Static<typeof MyDataExport>;
