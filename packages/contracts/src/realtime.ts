// Websocket messages of the realtime hub (/api/ws): what a client may send, what the server sends.
// Events are hints ("post 12 of thread 3 changed"): clients read the content through the HTTP API,
// which applies every read rule, so a payload never carries more than ids and small public facts.
import { Type } from 'typebox';

/**
 * A topic a socket may subscribe to: 'thread:12', 'group:3', 'user:7' (only one's own),
 * 'moderation' (staff: the whole queue) or 'moderation:3' (group 3's queue, for its moderators).
 */
export const RealtimeTopic = Type.String({
  pattern: '^(thread|group|user|moderation):[1-9][0-9]{0,9}$|^moderation$',
  maxLength: 40,
});
export type RealtimeTopic = Type.Static<typeof RealtimeTopic>;

/** Most topics one socket holds at once (a tab shows a thread, its group and the badge). */
export const MAX_TOPICS_PER_SOCKET = 50;

const Topics = Type.Array(RealtimeTopic, { minItems: 1, maxItems: MAX_TOPICS_PER_SOCKET });

export const SubscribeMessage = Type.Object(
  {
    type: Type.Literal('subscribe'),
    topics: Topics,
    /** The last event id the client saw (resume after a reconnect): what it missed is replayed. */
    since: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type SubscribeMessage = Type.Static<typeof SubscribeMessage>;

export const UnsubscribeMessage = Type.Object(
  { type: Type.Literal('unsubscribe'), topics: Topics },
  { additionalProperties: false },
);
export type UnsubscribeMessage = Type.Static<typeof UnsubscribeMessage>;

export const RealtimeClientMessage = Type.Union([SubscribeMessage, UnsubscribeMessage]);
export type RealtimeClientMessage = Type.Static<typeof RealtimeClientMessage>;

/** Sent once the socket is open: the newest event id at that moment (a starting point to resume). */
export const HelloMessage = Type.Object({
  type: Type.Literal('hello'),
  lastEventId: Type.Integer({ minimum: 0 }),
});
export type HelloMessage = Type.Static<typeof HelloMessage>;

export const SubscribedMessage = Type.Object({
  type: Type.Literal('subscribed'),
  topics: Type.Array(RealtimeTopic),
});
export type SubscribedMessage = Type.Static<typeof SubscribedMessage>;

export const UnsubscribedMessage = Type.Object({
  type: Type.Literal('unsubscribed'),
  topics: Type.Array(RealtimeTopic),
});
export type UnsubscribedMessage = Type.Static<typeof UnsubscribedMessage>;

/** A topic the viewer may not read: an unknown or private one looks the same ('not_found'). */
export const DeniedMessage = Type.Object({
  type: Type.Literal('denied'),
  topic: Type.String(),
  code: Type.Union([Type.Literal('not_found'), Type.Literal('forbidden')]),
});
export type DeniedMessage = Type.Static<typeof DeniedMessage>;

export const RealtimeEventType = Type.String({ maxLength: 60 });

/** One domain event, at most once per socket, in id order. */
export const EventMessage = Type.Object({
  type: Type.Literal('event'),
  id: Type.Integer({ minimum: 1 }),
  event: RealtimeEventType,
  /** Which of the socket's subscribed topics the event came through. */
  topics: Type.Array(RealtimeTopic),
  payload: Type.Record(Type.String(), Type.Unknown()),
  at: Type.String(),
});
export type EventMessage = Type.Static<typeof EventMessage>;

/** The client missed more than the server replays: reload the page (or its data) and resubscribe. */
export const ReloadMessage = Type.Object({
  type: Type.Literal('reload'),
  reason: Type.Literal('too_far_behind'),
  lastEventId: Type.Integer({ minimum: 0 }),
});
export type ReloadMessage = Type.Static<typeof ReloadMessage>;

export const RealtimeErrorMessage = Type.Object({
  type: Type.Literal('error'),
  code: Type.Union([Type.Literal('invalid_message'), Type.Literal('rate_limited')]),
  message: Type.String(),
});
export type RealtimeErrorMessage = Type.Static<typeof RealtimeErrorMessage>;

export const RealtimeServerMessage = Type.Union([
  HelloMessage,
  SubscribedMessage,
  UnsubscribedMessage,
  DeniedMessage,
  EventMessage,
  ReloadMessage,
  RealtimeErrorMessage,
]);
export type RealtimeServerMessage = Type.Static<typeof RealtimeServerMessage>;

/**
 * GET /api/realtime/cursor: the newest event this API process has delivered. A page reads it
 * before its data, then subscribes with it as `since`, so nothing between the two is missed.
 */
export const RealtimeCursor = Type.Object({ lastEventId: Type.Integer({ minimum: 0 }) });
export type RealtimeCursor = Type.Static<typeof RealtimeCursor>;

/** Close codes the hub uses besides the standard ones. */
export const RealtimeCloseCode = {
  /** The client did not read fast enough; reconnect and resume. */
  tooSlow: 4008,
  /** Too many messages from the client. */
  rateLimited: 4029,
  /** The server is shutting down or restarting; reconnect elsewhere and resume. */
  goingAway: 1001,
  /** The session this socket was opened with has ended (signed out): do not reconnect with it. */
  sessionEnded: 4401,
} as const;
