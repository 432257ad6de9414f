import { describe, expect, it } from 'vitest';
import { suggestedThreadsOf } from './suggested-threads.ts';

const good = {
  id: 7,
  title: 'Comment estimer un projet ?',
  group: { slug: 'gestion', name: 'Gestion de projet', visibility: 'public' },
  reason: 'parce que vous suivez #agile',
  score: 3,
};

describe('suggestedThreadsOf', () => {
  it('keeps what the home page shows from each item', () => {
    expect(suggestedThreadsOf({ items: [good] }, 6)).toEqual([
      {
        id: 7,
        title: 'Comment estimer un projet ?',
        group: { slug: 'gestion', name: 'Gestion de projet' },
        reason: 'parce que vous suivez #agile',
      },
    ]);
  });

  it('leaves out malformed items and keeps to the limit', () => {
    const items = [
      good,
      { ...good, id: 'x' },
      { ...good, id: 8, group: null },
      { ...good, id: 9, title: 42 },
      { ...good, id: 10, reason: '  ' },
      { ...good, id: 11 },
    ];
    const kept = suggestedThreadsOf({ items }, 2);
    expect(kept.map((item) => item.id)).toEqual([7, 10]);
    expect(kept[1]!.reason).toBeNull();
  });

  it('gives nothing for an answer without items', () => {
    expect(suggestedThreadsOf(null, 6)).toEqual([]);
    expect(suggestedThreadsOf({ error: { code: 'route_not_found' } }, 6)).toEqual([]);
    expect(suggestedThreadsOf([good], 6)).toEqual([]);
  });
});
