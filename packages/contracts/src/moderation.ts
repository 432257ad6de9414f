// Schemas for moderation: the charter, rules and settings, flags, the review queue and its
// decisions, sanctions, the audit log, appeals and queue health.
import { Type } from 'typebox';
import { Id, Timestamp, UserSummary } from './common.ts';

const Clause = Type.Integer({ minimum: 1, maximum: 999 });
const Message = Type.String({ maxLength: 2000 });

// ---- Charter -------------------------------------------------------------------------------

export const CharterClause = Type.Object({ number: Clause, title: Type.String() });

export const Charter = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  bodySource: Type.String(),
  bodyHtml: Type.String(),
  clauses: Type.Array(CharterClause),
  publishedAt: Timestamp,
  /** Whether the signed-in viewer accepted this version (false when signed out). */
  acceptedByMe: Type.Boolean(),
});
export type Charter = Type.Static<typeof Charter>;

export const PublishCharterBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 100_000 }),
});
export type PublishCharterBody = Type.Static<typeof PublishCharterBody>;

export const AcceptCharterBody = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export type AcceptCharterBody = Type.Static<typeof AcceptCharterBody>;

// ---- Rules and settings --------------------------------------------------------------------

export const RuleAction = Type.Union([
  Type.Literal('hold'),
  Type.Literal('queue'),
  Type.Literal('reject'),
]);

const Terms = Type.Object({
  terms: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 5000 }),
});
const Minutes = Type.Integer({ minimum: 1, maximum: 10_080 });

/** Each kind with its own parameters: one schema, so a bad parameter is a 400 naming it. */
export const RuleInput = Type.Union([
  Type.Object({ kind: Type.Literal('blocked_terms'), params: Terms }),
  Type.Object({ kind: Type.Literal('watched_terms'), params: Terms }),
  Type.Object({
    kind: Type.Literal('personal_data'),
    params: Type.Object({
      detect: Type.Array(
        Type.Union([Type.Literal('email'), Type.Literal('phone'), Type.Literal('iban')]),
        { minItems: 1, maxItems: 3 },
      ),
    }),
  }),
  Type.Object({
    kind: Type.Literal('new_member_links'),
    params: Type.Object({
      belowTrustLevel: Type.Integer({ minimum: 1, maximum: 5 }),
      maxLinks: Type.Integer({ minimum: 0, maximum: 100 }),
      maxMentions: Type.Integer({ minimum: 0, maximum: 100 }),
    }),
  }),
  Type.Object({
    kind: Type.Literal('shouting'),
    params: Type.Object({
      minLetters: Type.Integer({ minimum: 1, maximum: 10_000 }),
      maxUppercaseRatio: Type.Number({ minimum: 0, maximum: 1 }),
    }),
  }),
  Type.Object({
    kind: Type.Literal('repeated_text'),
    params: Type.Object({ windowMinutes: Minutes, minLength: Type.Integer({ minimum: 1 }) }),
  }),
  Type.Object({
    kind: Type.Literal('posting_rate'),
    params: Type.Object({ windowMinutes: Minutes, maxPosts: Type.Integer({ minimum: 1 }) }),
  }),
]);

const RuleCommon = Type.Object({
  clause: Clause,
  action: RuleAction,
  message: Type.Optional(Message),
  enabled: Type.Optional(Type.Boolean()),
});

export const RuleBody = Type.Intersect([RuleInput, RuleCommon]);
export type RuleBody = Type.Static<typeof RuleBody>;

export const Rule = Type.Intersect([
  RuleInput,
  Type.Object({
    id: Id,
    clause: Clause,
    action: RuleAction,
    message: Type.String(),
    enabled: Type.Boolean(),
  }),
]);
export type Rule = Type.Static<typeof Rule>;

export const RuleList = Type.Object({ items: Type.Array(Rule) });

export const DryRunBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 50_000 }),
  /** Judge the text as if written by a member of this trust level (default 0, a newcomer). */
  trustLevel: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
});
export type DryRunBody = Type.Static<typeof DryRunBody>;

export const RuleHit = Type.Object({
  ruleId: Id,
  kind: Type.String(),
  clause: Clause,
  action: RuleAction,
  message: Type.String(),
  detail: Type.String(),
});

export const DryRunResult = Type.Object({
  outcome: Type.Union([Type.Literal('publish'), RuleAction]),
  hits: Type.Array(RuleHit),
});

export const ModerationSettings = Type.Object({
  premoderatedPosts: Type.Integer({ minimum: 0, maximum: 100 }),
  flagHideThreshold: Type.Integer({ minimum: 1, maximum: 100 }),
});
export type ModerationSettings = Type.Static<typeof ModerationSettings>;

// ---- Flags ---------------------------------------------------------------------------------

export const FlagBody = Type.Object({
  clause: Clause,
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type FlagBody = Type.Static<typeof FlagBody>;

export const FlagResult = Type.Object({
  /** False when this member had already flagged the post (the repeat is ignored). */
  recorded: Type.Boolean(),
  hidden: Type.Boolean(),
});

// ---- Queue ---------------------------------------------------------------------------------

export const QueueReason = Type.Object({
  source: Type.Union([Type.Literal('rule'), Type.Literal('flag'), Type.Literal('trust')]),
  clause: Type.Union([Clause, Type.Null()]),
  rule: Type.String(),
  detail: Type.String(),
});

export const QueueQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
  reason: Type.Optional(
    Type.Union([Type.Literal('rule'), Type.Literal('flag'), Type.Literal('trust')]),
  ),
  rule: Type.Optional(Type.String({ maxLength: 40 })),
  group: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type QueueQuery = Type.Static<typeof QueueQuery>;

const QueuePost = Type.Object({
  id: Id,
  threadId: Id,
  threadTitle: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  bodySource: Type.String(),
  bodyHtml: Type.String(),
  createdAt: Timestamp,
});

export const QueueItem = Type.Object({
  id: Id,
  kind: Type.String(),
  status: Type.String(),
  reasons: Type.Array(QueueReason),
  group: Type.Union([
    Type.Object({ id: Id, slug: Type.String(), name: Type.String() }),
    Type.Null(),
  ]),
  post: Type.Union([QueuePost, Type.Null()]),
  author: UserSummary,
  claimedBy: Type.Union([Id, Type.Null()]),
  decision: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
export type QueueItem = Type.Static<typeof QueueItem>;

export const QueueList = Type.Object({
  items: Type.Array(QueueItem),
  /** The realtime topics on which this viewer's queue changes: subscribe to keep it live. */
  topics: Type.Array(Type.String()),
});

const SanctionView = Type.Object({
  id: Id,
  kind: Type.String(),
  clause: Type.Union([Clause, Type.Null()]),
  message: Type.String(),
  endsAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});

/** One item with what a moderator needs to decide: the thread around it, the author's record. */
export const QueueItemDetail = Type.Intersect([
  QueueItem,
  Type.Object({
    context: Type.Array(
      Type.Object({ id: Id, kind: Type.String(), state: Type.String(), bodyHtml: Type.String() }),
    ),
    authorHistory: Type.Object({
      posts: Type.Integer(),
      rejected: Type.Integer(),
      hidden: Type.Integer(),
      trustLevel: Type.Integer(),
      memberSince: Timestamp,
    }),
    sanctions: Type.Array(SanctionView),
  }),
]);

export const Decision = Type.Union([
  Type.Literal('approve'),
  Type.Literal('reject'),
  Type.Literal('edit'),
  Type.Literal('hide'),
  Type.Literal('lock_thread'),
  Type.Literal('warn'),
  Type.Literal('suspend'),
]);
export type Decision = Type.Static<typeof Decision>;

export const DecisionBody = Type.Object({
  decision: Decision,
  clause: Type.Optional(Clause),
  message: Type.Optional(Message),
  /** New markdown body (edit). */
  body: Type.Optional(Type.String({ minLength: 1, maxLength: 50_000 })),
  /** Suspension length (suspend). */
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
});
export type DecisionBody = Type.Static<typeof DecisionBody>;

export const BulkDecisionBody = Type.Object({
  itemIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  clause: Type.Optional(Clause),
  message: Type.Optional(Message),
});
export type BulkDecisionBody = Type.Static<typeof BulkDecisionBody>;

export const BulkDecisionResult = Type.Object({
  decided: Type.Array(Id),
  /** Items someone else holds or that were already decided, with the reason's code. */
  skipped: Type.Array(Type.Object({ id: Id, code: Type.String() })),
});

export const SuspendBody = Type.Object({
  days: Type.Integer({ minimum: 1, maximum: 365 }),
  clause: Clause,
  message: Message,
});
export type SuspendBody = Type.Static<typeof SuspendBody>;

export const MySanctions = Type.Object({
  suspendedUntil: Type.Union([Timestamp, Type.Null()]),
  items: Type.Array(SanctionView),
});

// ---- Audit log -----------------------------------------------------------------------------

export const AuditQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 40 })),
  actor: Type.Optional(Id),
  targetType: Type.Optional(Type.String({ maxLength: 20 })),
  targetId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditQuery = Type.Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  /** Who acted, by name (null: the system, or an account since deleted). */
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Integer(),
  /** What was acted on, in words: a person's name, a thread's title (null when it has none). */
  targetLabel: Type.Union([Type.String(), Type.Null()]),
  /** Where to see it (an API href such as /threads/12#post-34 or /u/handle), when it exists. */
  targetHref: Type.Union([Type.String(), Type.Null()]),
  groupId: Type.Union([Type.Integer(), Type.Null()]),
  clause: Type.Union([Type.Integer(), Type.Null()]),
  before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  note: Type.String(),
  createdAt: Timestamp,
});
export type AuditEntry = Type.Static<typeof AuditEntry>;

export const AuditList = Type.Object({ items: Type.Array(AuditEntry) });

// ---- Appeals -------------------------------------------------------------------------------

export const AppealBody = Type.Union([
  Type.Object({ postId: Id, message: Type.String({ minLength: 1, maxLength: 2000 }) }),
  Type.Object({ sanctionId: Id, message: Type.String({ minLength: 1, maxLength: 2000 }) }),
]);
export type AppealBody = Type.Static<typeof AppealBody>;

export const Appeal = Type.Object({
  id: Id,
  appellantId: Id,
  postId: Type.Union([Id, Type.Null()]),
  sanctionId: Type.Union([Id, Type.Null()]),
  message: Type.String(),
  status: Type.String(),
  decisionMessage: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  decidedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Appeal = Type.Static<typeof Appeal>;

export const AppealList = Type.Object({ items: Type.Array(Appeal) });

export const AppealDecisionBody = Type.Object({
  outcome: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')]),
  message: Message,
});
export type AppealDecisionBody = Type.Static<typeof AppealDecisionBody>;

// ---- Queue health --------------------------------------------------------------------------

export const QueueHealth = Type.Object({
  waiting: Type.Integer(),
  oldestAgeSeconds: Type.Union([Type.Integer(), Type.Null()]),
  openAppeals: Type.Integer(),
  decisionsPerDay: Type.Array(
    Type.Object({
      day: Type.String(),
      moderatorId: Id,
      moderatorName: Type.String(),
      decisions: Type.Integer(),
    }),
  ),
});

// ---- Static types the web pages read (added with the moderation pages) ----------------------

export type QueueList = Type.Static<typeof QueueList>;
export type QueueItemDetail = Type.Static<typeof QueueItemDetail>;
export type RuleList = Type.Static<typeof RuleList>;
export type DryRunResult = Type.Static<typeof DryRunResult>;
export type FlagResult = Type.Static<typeof FlagResult>;
export type MySanctions = Type.Static<typeof MySanctions>;
export type AppealList = Type.Static<typeof AppealList>;
export type AuditList = Type.Static<typeof AuditList>;
export type QueueHealth = Type.Static<typeof QueueHealth>;
export type BulkDecisionResult = Type.Static<typeof BulkDecisionResult>;
