// Schemas for the expert directory (/api/people) and the community insights (/api/insights).
import { Type } from 'typebox';
import { Slug, UserSummary } from './common.ts';

const Topic = Type.String({ minLength: 1, maxLength: 60 });

export const PeopleQuery = Type.Object({
  /** People who declared this skill (tag slug), ranked by their demonstrated expertise on it. */
  skill: Type.Optional(Topic),
  /** Anyone with demonstrated expertise on this tag or who declared it as a skill. */
  tag: Type.Optional(Topic),
  /** Words matched against name, handle, job title and department. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
});
export type PeopleQuery = Type.Static<typeof PeopleQuery>;

const ScoreMap = Type.Record(Type.String(), Type.Number());

/** Why a person is ranked where they are: each part of the directory score, and its inputs. */
export const PersonRelevance = Type.Object({
  /** The directory score, in [0, 1]: the weighted parts below times the load factor. */
  score: Type.Number(),
  /** Influence on the topic (or company-wide without a topic) from the latest snapshot, [0, 1]. */
  expertise: Type.Number(),
  /** The person's rank in that snapshot, or null when they are not in it. */
  expertiseRank: Type.Union([Type.Integer(), Type.Null()]),
  /** The snapshot's parts of the influence score (expertiseRank, helped, …), to explain it. */
  contributions: ScoreMap,
  declaredSkill: Type.Boolean(),
  openToQuestions: Type.Boolean(),
  weeklyHelpMinutes: Type.Integer(),
  ratingCount: Type.Integer(),
  ratingAverage: Type.Union([Type.Number(), Type.Null()]),
  /** Questions addressed to them that they have not answered yet. */
  pendingAddressed: Type.Integer(),
  /** Multiplier in (0, 1]: lower for people already holding several addressed questions. */
  loadFactor: Type.Number(),
});
export type PersonRelevance = Type.Static<typeof PersonRelevance>;

export const PersonCard = Type.Object({
  user: UserSummary,
  skills: Type.Array(Type.String()),
  /** The group to ask them in (where they answer most, among those the viewer can read). */
  askIn: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  relevance: PersonRelevance,
});
export type PersonCard = Type.Static<typeof PersonCard>;

export const PeopleList = Type.Object({
  /** The normalised topic searched, or null. */
  topic: Type.Union([Type.String(), Type.Null()]),
  /** When the scores used were computed, or null when no snapshot exists yet. */
  computedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  people: Type.Array(PersonCard),
});
export type PeopleList = Type.Static<typeof PeopleList>;

export const InsightsQuery = Type.Object({
  /** A group's slug; company-wide without it. */
  group: Type.Optional(Slug),
  /** How many weeks back the figures cover (default 12). */
  weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104, default: 12 })),
});
export type InsightsQuery = Type.Static<typeof InsightsQuery>;

export const WeeklyActivity = Type.Object({
  /** Monday of the week, YYYY-MM-DD (UTC). */
  week: Type.String(),
  questions: Type.Integer(),
  answers: Type.Integer(),
});
export type WeeklyActivity = Type.Static<typeof WeeklyActivity>;

export const Influencer = Type.Object({
  user: UserSummary,
  rank: Type.Integer(),
  combined: Type.Number(),
  components: ScoreMap,
  contributions: ScoreMap,
});
export type Influencer = Type.Static<typeof Influencer>;

export const Insights = Type.Object({
  group: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  weeks: Type.Integer(),
  since: Type.String({ format: 'date-time' }),
  activity: Type.Array(WeeklyActivity),
  questions: Type.Integer(),
  answered: Type.Integer(),
  /** answered / questions, or null without questions. */
  answerRate: Type.Union([Type.Number(), Type.Null()]),
  medianHoursToFirstAnswer: Type.Union([Type.Number(), Type.Null()]),
  unanswered: Type.Integer(),
  topTags: Type.Array(Type.Object({ slug: Type.String(), threads: Type.Integer() })),
  computedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  influencers: Type.Object({
    experts: Type.Array(Influencer),
    helpers: Type.Array(Influencer),
    connectors: Type.Array(Influencer),
    rising: Type.Array(Influencer),
  }),
});
export type Insights = Type.Static<typeof Insights>;
