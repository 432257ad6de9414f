// The posts of recently read threads, kept by each API process as the database sent them, with
// the thread's posts_version they were read at. Triggers bump that version on every change to a
// thread's posts or to their authors' names (migration 0009), and the thread head, read on every
// request anyway, says the current one: a page re-reads its posts only when they changed, in this
// process or any other. The rows are the same for every reader (votes and visibility are applied
// per request) and are never modified once kept.
import type { Database } from '@serendip/db';
import type { ThreadPosts } from '../posts/posts.queries.ts';

/** About 64 MB of post text (bodies are most of it), least recently read threads dropped first. */
const MAX_KEPT_CHARACTERS = 32 * 1024 * 1024;

interface Kept extends ThreadPosts {
  characters: number;
}

const characterCount = (posts: ThreadPosts) =>
  posts.rows.reduce((sum, row) => sum + row.bodyHtml.length + row.bodySource.length + 200, 0);

export class ThreadPostsCache {
  private readonly kept = new Map<number, Kept>();
  private characters = 0;

  constructor(private readonly maxCharacters = MAX_KEPT_CHARACTERS) {}

  /** The kept posts of a thread, whatever their version (the caller compares). */
  peek(threadId: number): ThreadPosts | undefined {
    const entry = this.kept.get(threadId);
    if (!entry) return undefined;
    // Map order is insertion order: re-inserting marks the thread as recently read.
    this.kept.delete(threadId);
    this.kept.set(threadId, entry);
    return entry;
  }

  keep(threadId: number, posts: ThreadPosts): void {
    const current = this.kept.get(threadId);
    if (current && current.version >= posts.version) return;
    if (posts.version < 0) return;
    this.drop(threadId);
    const entry = { ...posts, characters: characterCount(posts) };
    if (entry.characters > this.maxCharacters) return;
    this.kept.set(threadId, entry);
    this.characters += entry.characters;
    for (const [oldest] of this.kept) {
      if (this.characters <= this.maxCharacters) break;
      this.drop(oldest);
    }
  }

  private drop(threadId: number): void {
    const entry = this.kept.get(threadId);
    if (!entry) return;
    this.kept.delete(threadId);
    this.characters -= entry.characters;
  }
}

const caches = new WeakMap<Database, ThreadPostsCache>();

/** The cache of this database client (one per API process and database). */
export function threadPostsCache(db: Database): ThreadPostsCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ThreadPostsCache()));
  return cache;
}
