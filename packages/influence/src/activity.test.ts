// Counts, z-score, helped, active weeks and rising, each checked against numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { activeWeeks, countActivity, helpedCounts, risingScores, zScores } from './activity.ts';
import { DEFAULT_CONFIG } from './config.ts';
import { indexInteractions } from './interaction-index.ts';
import {
  EPOCH,
  accept,
  answer,
  ask,
  peopleOf,
  rate,
  reply,
  valueFor,
  vote,
  weeksBefore,
} from './test-fixtures.ts';
import type { Interaction } from './types.ts';

const NOW = EPOCH + 100 * 7 * 24 * 3600 * 1000;
const indexOf = (interactions: Interaction[]) =>
  indexInteractions(interactions, peopleOf({}), { asOf: NOW });

describe('countActivity and zScores', () => {
  it('computes (answers − questions) / √(answers + questions)', () => {
    const index = indexOf([
      answer('a', 'b'),
      answer('a', 'b'),
      answer('a', 'c'),
      ask('a'),
      ...['b', 'b', 'b', 'b'].map((id) => ask(id)),
      answer('c', 'c'), // answering one's own question is not an answer here
    ]);
    const z = zScores(countActivity(index));
    expect(valueFor(index.personIds, z, 'a')).toBeCloseTo((3 - 1) / Math.sqrt(4), 12); // 1
    expect(valueFor(index.personIds, z, 'b')).toBeCloseTo(-4 / Math.sqrt(4), 12); // -2
    expect(valueFor(index.personIds, z, 'c')).toBe(0);
  });

  it('counts what each person received: acceptances, up- and downvotes, ratings', () => {
    const index = indexOf([
      accept('a', 'b'),
      vote('a', 'b', 1),
      vote('c', 'b', 1),
      vote('d', 'b', -1),
      vote('b', 'b', 1),
      rate('a', 'b', 4),
      rate('c', 'b', 2),
    ]);
    const counts = countActivity(index);
    const of = (values: ArrayLike<number>) => valueFor(index.personIds, values, 'b');
    expect([of(counts.accepted), of(counts.upvotes), of(counts.downvotes)]).toEqual([1, 2, 1]);
    expect([of(counts.ratings), of(counts.ratingStars)]).toEqual([2, 6]);
  });
});

describe('helpedCounts', () => {
  it('counts distinct other people answered or replied to', () => {
    const index = indexOf([
      answer('h', 'b'),
      answer('h', 'b'),
      answer('h', 'c'),
      reply('h', 'd'),
      answer('h', 'h'),
      vote('h', 'e'),
    ]);
    expect(valueFor(index.personIds, helpedCounts(index), 'h')).toBe(3);
    expect(valueFor(index.personIds, helpedCounts(index), 'b')).toBe(0);
  });
});

describe('activeWeeks', () => {
  it('counts the weeks with a post among the last N before asOf', () => {
    const index = indexOf([
      ask('p', { at: weeksBefore(NOW, 0.1) }),
      answer('p', 'x', { at: weeksBefore(NOW, 0.9) }), // same week 0
      reply('p', 'x', { at: weeksBefore(NOW, 1.5) }), // week 1
      answer('p', 'x', { at: weeksBefore(NOW, 5.2) }), // week 5
      answer('p', 'x', { at: weeksBefore(NOW, 30) }), // outside 26 weeks
      vote('p', 'x', 1, { at: weeksBefore(NOW, 3.5) }), // votes are not posts
    ]);
    expect(valueFor(index.personIds, activeWeeks(index, 26), 'p')).toBe(3);
    expect(valueFor(index.personIds, activeWeeks(index, 52), 'p')).toBe(4);
    expect(valueFor(index.personIds, activeWeeks(index, 26), 'x')).toBe(0);
  });

  it('counts helping (answers, replies), not asking', () => {
    const index = indexOf([
      ask('q', { at: weeksBefore(NOW, 0.5) }),
      ask('q', { at: weeksBefore(NOW, 2.5) }),
      answer('h', 'q', { at: weeksBefore(NOW, 2.5) }),
    ]);
    expect(valueFor(index.personIds, activeWeeks(index, 26), 'q')).toBe(0);
    expect(valueFor(index.personIds, activeWeeks(index, 26), 'h')).toBe(1);
  });
});

describe('risingScores', () => {
  const config = DEFAULT_CONFIG;

  it('for one answer two weeks ago: ln2/2 · 2^(−2/2) − ln2/13 · 2^(−2/13)', () => {
    const index = indexOf([answer('p', 'x', { at: weeksBefore(NOW, 2) })]);
    const { shortRate, longRate, rising } = risingScores(index, config);
    const short = (Math.LN2 / 2) * 0.5;
    const long = (Math.LN2 / 13) * 2 ** (-2 / 13);
    expect(valueFor(index.personIds, shortRate, 'p')).toBeCloseTo(short, 12);
    expect(valueFor(index.personIds, longRate, 'p')).toBeCloseTo(long, 12);
    expect(valueFor(index.personIds, rising, 'p')).toBeCloseTo(short - long, 12);
    expect(valueFor(index.personIds, rising, 'x')).toBe(0);
  });

  it('credits received votes, acceptances and ratings to the author', () => {
    const at = NOW - 1;
    const index = indexOf([
      vote('x', 'p', 1, { at }),
      accept('x', 'p', { at }),
      rate('x', 'p', 5, { at }),
    ]);
    const { shortRate } = risingScores(index, config);
    // 1 + 2 + 1 points, (almost) no decay, × ln2 / 2.
    expect(valueFor(index.personIds, shortRate, 'p')).toBeCloseTo((4 * Math.LN2) / 2, 8);
  });

  it('is about zero for a steady pace, positive when speeding up, negative when slowing down', () => {
    const weekly = (id: string, weeks: number[]) =>
      weeks.map((w) => answer(id, 'x', { at: weeksBefore(NOW, w + 0.5) }));
    const range = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => from + i);
    const index = indexOf([
      ...weekly('steady', range(0, 300)),
      ...weekly('faster', [...range(0, 4), ...range(0, 4), ...range(4, 300)]),
      ...weekly('slower', range(4, 300)),
    ]);
    const { rising } = risingScores(index, config);
    expect(Math.abs(valueFor(index.personIds, rising, 'steady'))).toBeLessThan(0.01);
    expect(valueFor(index.personIds, rising, 'faster')).toBeGreaterThan(0.3);
    expect(valueFor(index.personIds, rising, 'slower')).toBeLessThan(-0.3);
  });
});
