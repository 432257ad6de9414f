// Normalization of raw components to [0, 1], by each method.
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';

const values = Float64Array.from([0, 1, 3, -2]);

describe('normalize', () => {
  it('max: x / max, non-positive values to 0', () => {
    expect([...normalize(values, 'max')]).toEqual([0, 1 / 3, 1, 0]);
  });

  it('log: ln(1 + x/m) / ln(1 + max/m) with m the mean of the positive values', () => {
    const [zero, one, three, negative] = normalize(values, 'log');
    expect(one).toBeCloseTo(Math.log(1.5) / Math.log(2.5), 12); // m = 2
    expect([zero, three, negative]).toEqual([0, 1, 0]);
  });

  it('log does not depend on the unit', () => {
    const scaled = values.map((value) => value * 1e-6);
    const a = normalize(values, 'log');
    const b = normalize(scaled, 'log');
    a.forEach((value, i) => expect(b[i]).toBeCloseTo(value, 12));
  });

  it('rank: rank among the positive values over their count, ties sharing their mean rank', () => {
    expect([...normalize(Float64Array.from([2, 2, 4, 0]), 'rank')]).toEqual([0.5, 0.5, 1, 0]);
    expect([...normalize(values, 'rank')]).toEqual([0, 0.5, 1, 0]);
  });

  it('leaves an all-zero component at zero', () => {
    for (const method of ['log', 'max', 'rank'] as const) {
      expect([...normalize(Float64Array.from([0, 0, -1]), method)]).toEqual([0, 0, 0]);
    }
  });
});
