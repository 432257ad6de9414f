// The combined score end to end: weights, ranking, explanations, scopes, "as of" and settings.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.ts';
import {
  computeInfluence,
  computeInfluenceByGroup,
  computeInfluenceByTag,
  scoreOf,
  topBy,
} from './influence.ts';
import { filterInteractions, partitionByTag } from './scope.ts';
import { EPOCH, DAY_MS, accept, answer, ask, peopleOf, vote } from './test-fixtures.ts';
import { COMPONENT_NAMES, type Components } from './types.ts';

const people = peopleOf({ ann: 'eng/paris', bob: 'eng/paris', cyd: 'ops/lyon', dan: 'ops/lyon' });
const day = (n: number) => EPOCH + n * DAY_MS;
const interactions = [
  ask('bob', { at: day(0), groupId: 'g1', tags: ['sql'] }),
  answer('ann', 'bob', { at: day(1), groupId: 'g1', tags: ['sql'] }),
  accept('bob', 'ann', { at: day(2), groupId: 'g1', tags: ['sql'] }),
  ask('cyd', { at: day(10), groupId: 'g2', tags: ['k8s'] }),
  answer('ann', 'cyd', { at: day(11), groupId: 'g2', tags: ['k8s'] }),
  answer('dan', 'cyd', { at: day(12), groupId: 'g2', tags: ['k8s'] }),
  vote('bob', 'dan', 1, { at: day(13), groupId: 'g2', tags: ['k8s'] }),
];

const only = (name: keyof Components): Partial<Components> =>
  Object.fromEntries(COMPONENT_NAMES.map((n) => [n, n === name ? 1 : 0]));

describe('computeInfluence', () => {
  it('ranks by combined score and explains it: contributions add up to it', () => {
    const result = computeInfluence(interactions, people);
    expect(result.people.map((p) => p.personId)[0]).toBe('ann');
    expect(result.people.map((p) => p.rank)).toEqual([1, 2, 3, 4]);
    for (const score of result.people) {
      const sum = COMPONENT_NAMES.reduce((total, name) => total + score.contributions[name], 0);
      expect(score.combined).toBeCloseTo(sum, 12);
      expect(score.combined).toBeGreaterThanOrEqual(0);
      expect(score.combined).toBeLessThanOrEqual(1);
    }
    const ann = scoreOf(result, 'ann');
    expect(ann.details).toMatchObject({ answers: 2, accepted: 1, groups: 2, crossSiteTies: 1 });
    expect(ann.components.helped).toBe(2);
    expect(ann.components.zScore).toBeCloseTo(2 / Math.sqrt(2), 12);
  });

  it('with a single weight, the combined score is that normalized component', () => {
    const result = computeInfluence(interactions, people, {
      config: { weights: only('helped') as Components, normalization: 'max' },
    });
    // helped: ann 2, dan 1, others 0 ⇒ 1, 0.5, 0.
    expect(result.people.map((p) => [p.personId, p.combined])).toEqual([
      ['ann', 1],
      ['dan', 0.5],
      ['bob', 0],
      ['cyd', 0],
    ]);
  });

  it('averages the normalized components by weight (worked out by hand)', () => {
    // helped: ann 2, dan 1 → 1, 0.5. Weeks with an answer or reply before day 13 + 1 ms: ann 2
    // (days 1 and 11), dan 1, bob and cyd 0 (they only asked) → 1, 0.5, 0, 0. Equal weights:
    // ann 1, dan 0.5, bob = cyd = 0.
    const weights = { ...only('helped'), regularity: 3 } as Components;
    const result = computeInfluence(interactions, people, {
      config: { weights: { ...weights, helped: 3 }, normalization: 'max' },
    });
    expect(result.people.map((p) => [p.personId, p.combined])).toEqual([
      ['ann', 1],
      ['dan', 0.5],
      ['bob', 0],
      ['cyd', 0],
    ]);
    expect(scoreOf(result, 'dan').contributions).toMatchObject({ helped: 0.25, regularity: 0.25 });
  });

  it('breaks ties by person id', () => {
    const result = computeInfluence([answer('zoe', 'x'), answer('amy', 'y')], peopleOf({}));
    expect(result.people.map((p) => p.personId)).toEqual(['amy', 'zoe', 'x', 'y']);
  });

  it('as of a time, only counts what happened strictly before it', () => {
    const asOf = day(11);
    const result = computeInfluence(interactions, people, { asOf });
    expect(result.asOf).toBe(asOf);
    expect(scoreOf(result, 'ann').details.answers).toBe(1);
    expect(scoreOf(result, 'dan').combined).toBe(0);
    const same = computeInfluence(filterInteractions(interactions, {}, asOf), people, { asOf });
    expect(same.people).toEqual(result.people);
  });

  it('defaults "now" to just after the latest interaction', () => {
    expect(computeInfluence(interactions, people).asOf).toBe(day(13) + 1);
    expect(computeInfluence([], people).people).toEqual([]);
  });

  it('scopes to a group or a tag', () => {
    const inG1 = computeInfluence(interactions, people, { scope: { groupId: 'g1' } });
    expect(inG1.people.map((p) => p.personId).sort()).toEqual(['ann', 'bob']);
    const k8s = computeInfluence(interactions, people, { scope: { tag: 'k8s' } });
    expect(scoreOf(k8s, 'ann').details.answers).toBe(1);
    expect(scoreOf(k8s, 'bob').details.questions).toBe(0);
  });

  it('lists inactive people with zeros when asked to, and scoreOf gives zeros for anyone absent', () => {
    const withEveryone = computeInfluence([answer('ann', 'bob')], people, {
      includeInactive: true,
    });
    const cyd = withEveryone.people.find((p) => p.personId === 'cyd')!;
    expect(cyd.combined).toBe(0);
    expect(Object.values(cyd.components).every((v) => v === 0)).toBe(true);
    expect(scoreOf(computeInfluence([], people), 'ann').combined).toBe(0);
  });

  it('reports convergence of the iterative measures', () => {
    const { convergence } = computeInfluence(interactions, people);
    expect(convergence.expertiseRank.converged).toBe(true);
    expect(convergence.authority.converged).toBe(true);
  });
});

describe('per group and per tag', () => {
  it('computes every group at the same asOf', () => {
    const byGroup = computeInfluenceByGroup(interactions, people);
    expect([...byGroup.keys()]).toEqual(['g1', 'g2']);
    expect(byGroup.get('g1')!.asOf).toBe(day(13) + 1);
    expect(byGroup.get('g1')!.scope).toEqual({ groupId: 'g1' });
  });

  it('computes the tags asked for', () => {
    const byTag = computeInfluenceByTag(interactions, people, { tags: ['sql'] });
    expect([...byTag.keys()]).toEqual(['sql']);
    expect([...partitionByTag(interactions).keys()]).toEqual(['k8s', 'sql']);
  });
});

describe('topBy', () => {
  it('lists the top people by one component, leaving out zeros', () => {
    const result = computeInfluence(interactions, people);
    expect(topBy(result, 'helped').map((p) => p.personId)).toEqual(['ann', 'dan']);
    expect(topBy(result, 'combined', 1).map((p) => p.personId)).toEqual(['ann']);
  });
});

describe('resolveConfig', () => {
  it('merges partial settings into the defaults', () => {
    const config = resolveConfig({ weights: { rising: 0 } as Components, damping: 0.5 });
    expect(config.weights.rising).toBe(0);
    expect(config.weights.expertiseRank).toBe(0.3);
    expect(config.damping).toBe(0.5);
  });

  it('rejects settings that cannot work', () => {
    expect(() => resolveConfig({ damping: 1 })).toThrow(/damping/);
    expect(() => resolveConfig({ weights: { helped: -1 } as Components })).toThrow(/helped/);
    expect(() => resolveConfig({ tolerance: 0 })).toThrow(/tolerance/);
    expect(() => resolveConfig({ normalization: 'z' as 'log' })).toThrow(/normalization/);
  });
});
