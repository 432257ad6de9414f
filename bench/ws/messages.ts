// The messages between bench:ws and its client threads (client-worker.mjs).
export type WorkerCommand =
  | { kind: 'open'; urls: string[]; count: number; cookie: string; topic: string }
  /** Wait for the next post.created event on every socket. */
  | { kind: 'expect'; timeoutMs: number }
  | { kind: 'close' };

export type WorkerReply =
  | { kind: 'opened'; total: number; failed: number }
  | { kind: 'expecting' }
  | { kind: 'received'; postIds: number[]; times: number[]; missing: number }
  | { kind: 'closed' };
