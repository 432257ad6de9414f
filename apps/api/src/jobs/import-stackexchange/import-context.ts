// What every step of an import shares: the database, where the content goes, and progress.
import type { Database } from '@serendip/db';

export interface EntityCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportContext {
  db: Database;
  /** 'stackexchange/<group slug>': the namespace of this dump's mappings and votes. */
  source: string;
  groupId: number;
  groupSlug: string;
  /** Records per transaction. */
  batchSize: number;
  progress(phase: string, done: number, total: number): void;
}
