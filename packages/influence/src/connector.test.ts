// Connector scores: shares of the links between groups, departments and sites, worked out by hand.
import { describe, expect, it } from 'vitest';
import { connectorScores } from './connector.ts';
import { indexInteractions } from './interaction-index.ts';
import { answer, ask, peopleOf, reply, valueFor, vote } from './test-fixtures.ts';

const weights = { groups: 1, departments: 1, sites: 1 };

describe('connectorScores', () => {
  it('shares each link between two groups by min(activity on each side)', () => {
    // p: g1 ×2, g2 ×1. q: g1, g2, g3 ×4. r: g1 only.
    // Links: g1–g2 = min(2,1) + min(1,1) = 2; g1–g3 = 1 and g2–g3 = 1 (q alone).
    // p: 1/2. q: 1/2 + 1 + 1 = 2.5. r: 0.
    const index = indexInteractions(
      [
        ask('p', { groupId: 'g1' }),
        ask('p', { groupId: 'g1' }),
        ask('p', { groupId: 'g2' }),
        ask('q', { groupId: 'g1' }),
        ask('q', { groupId: 'g2' }),
        ...[1, 2, 3, 4].map(() => ask('q', { groupId: 'g3' })),
        ask('r', { groupId: 'g1' }),
      ],
      peopleOf({}),
    );
    const result = connectorScores(index, weights);
    const of = (values: ArrayLike<number>, id: string) => valueFor(index.personIds, values, id);
    expect(of(result.groupBridging, 'p')).toBeCloseTo(0.5, 12);
    expect(of(result.groupBridging, 'q')).toBeCloseTo(2.5, 12);
    expect(of(result.groupBridging, 'r')).toBe(0);
    expect([of(result.groups, 'p'), of(result.groups, 'q'), of(result.groups, 'r')]).toEqual([
      2, 3, 1,
    ]);
  });

  it('values each cross-department and cross-site tie at 1 / ties between the same two', () => {
    // Departments d1 {a, b}, d2 {c, d}, d3 {e}; sites s1 {a, b, c}, s2 {d, e}.
    // Ties a–b, a–c, b–c, c–d, d–e, a–e (a tie counts once however many interactions).
    // Cross-department: d1–d2 {a–c, b–c}, d2–d3 {d–e}, d1–d3 {a–e}.
    //   a = 1/2 + 1 = 1.5, b = 1/2, c = 1/2 + 1/2 = 1, d = 1, e = 1 + 1 = 2.
    // Cross-site: s1–s2 {c–d, a–e}: a = c = d = e = 1/2, b = 0.
    const people = peopleOf({ a: 'd1/s1', b: 'd1/s1', c: 'd2/s1', d: 'd2/s2', e: 'd3/s2' });
    const index = indexInteractions(
      [
        answer('a', 'b'),
        answer('c', 'a'),
        vote('a', 'c'),
        reply('b', 'c'),
        answer('d', 'c'),
        answer('e', 'd'),
        vote('a', 'e'),
        ask('a'),
      ],
      people,
    );
    const result = connectorScores(index, weights);
    const each = (values: ArrayLike<number>) =>
      ['a', 'b', 'c', 'd', 'e'].map((id) => valueFor(index.personIds, values, id));
    expect(each(result.departmentBridging)).toEqual([1.5, 0.5, 1, 1, 2]);
    expect(each(result.siteBridging)).toEqual([0.5, 0, 0.5, 0.5, 0.5]);
    expect(each(result.crossDepartmentTies)).toEqual([2, 1, 2, 1, 2]);
    expect(each(result.crossSiteTies)).toEqual([1, 0, 1, 1, 1]);
    expect(each(result.groupBridging)).toEqual([0, 0, 0, 0, 0]);
    expect(each(result.connector)).toEqual([2, 0.5, 1.5, 1.5, 2.5]);
  });

  it('weights the three kinds of bridge as configured and ignores people of unknown department', () => {
    const people = peopleOf({ a: 'd1/s1', b: 'd2/s2' });
    const index = indexInteractions([answer('a', 'b'), answer('a', 'stranger')], people);
    const result = connectorScores(index, { groups: 1, departments: 2, sites: 0.5 });
    expect(valueFor(index.personIds, result.connector, 'a')).toBeCloseTo(2 * 1 + 0.5 * 1, 12);
    expect(valueFor(index.personIds, result.connector, 'stranger')).toBe(0);
  });
});
