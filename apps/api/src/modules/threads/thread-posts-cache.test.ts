import { describe, expect, it } from 'vitest';
import type { ThreadPostRow } from '../posts/posts.queries.ts';
import { ThreadPostsCache } from './thread-posts-cache.ts';

function postsOf(threadId: number, version: number, bodyLength: number) {
  const row = { id: threadId * 10, threadId, bodyHtml: 'x'.repeat(bodyLength), bodySource: '' };
  return { version, rows: [row as unknown as ThreadPostRow] };
}

describe('thread posts cache', () => {
  it('keeps the newest version of each thread and never goes back to an older one', () => {
    const cache = new ThreadPostsCache(10_000);
    cache.keep(1, postsOf(1, 3, 10));
    cache.keep(1, postsOf(1, 2, 10));
    expect(cache.peek(1)?.version).toBe(3);
    cache.keep(1, postsOf(1, 4, 10));
    expect(cache.peek(1)?.version).toBe(4);
    cache.keep(2, { version: -1, rows: [] });
    expect(cache.peek(2)).toBeUndefined();
  });

  it('drops the least recently read threads beyond its size, and never keeps an oversized one', () => {
    // Each entry counts its text plus 200 characters per post.
    const cache = new ThreadPostsCache(3 * 300);
    cache.keep(1, postsOf(1, 1, 100));
    cache.keep(2, postsOf(2, 1, 100));
    cache.keep(3, postsOf(3, 1, 100));
    expect(cache.peek(1)).toBeDefined();
    cache.keep(4, postsOf(4, 1, 100));
    expect(cache.peek(2)).toBeUndefined();
    expect([1, 3, 4].map((id) => cache.peek(id)?.version)).toEqual([1, 1, 1]);
    cache.keep(5, postsOf(5, 1, 5_000));
    expect(cache.peek(5)).toBeUndefined();
    expect(cache.peek(4)).toBeDefined();
  });
});
