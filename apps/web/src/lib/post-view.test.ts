// The value of a vote button ("<post id>:<vote>"), as the thread page's vote action reads it.
import { describe, expect, it } from 'vitest';
import { parseVote } from './post-view.ts';

describe('parseVote', () => {
  it('reads the post and the vote', () => {
    expect(parseVote('12:1')).toEqual({ postId: 12, value: 1 });
    expect(parseVote('12:-1')).toEqual({ postId: 12, value: -1 });
    expect(parseVote('7:0')).toEqual({ postId: 7, value: 0 });
  });

  it('refuses anything else', () => {
    for (const value of ['', '12', '12:2', '0:1', 'a:1', '12:1:1', ' 12:1', '99999999999:1']) {
      expect(parseVote(value)).toBeNull();
    }
  });
});
