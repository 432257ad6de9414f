// The whole computation: every measure over one scope, combined into one explainable score.
import { countActivity, helpedCounts, activeWeeks, risingScores, zScores } from './activity.ts';
import type { ActivityCounts, RisingResult } from './activity.ts';
import { resolveConfig } from './config.ts';
import { connectorScores, type ConnectorResult } from './connector.ts';
import { expertiseRank, type ExpertiseRankResult } from './expertise-rank.ts';
import { buildEndorsementGraph, type EndorsementGraph } from './graph.ts';
import { hitsAuthority, type HitsResult } from './hits.ts';
import {
  indexInteractions,
  latestInstant,
  personOf,
  type InteractionIndex,
} from './interaction-index.ts';
import { normalize } from './normalize.ts';
import { compareIds, partitionByGroup, partitionByTag } from './scope.ts';
import {
  COMPONENT_NAMES,
  type ComponentName,
  type Components,
  type InfluenceConfig,
  type InfluenceOptions,
  type InfluenceResult,
  type Interaction,
  type People,
  type PersonDetails,
  type PersonId,
  type PersonScore,
} from './types.ts';

/** Every raw measure of one scope, per person index. */
export interface Measures {
  graph: EndorsementGraph;
  expertise: ExpertiseRankResult;
  hits: HitsResult;
  counts: ActivityCounts;
  zScore: Float64Array;
  helped: Uint32Array;
  connector: ConnectorResult;
  activeWeeks: Uint32Array;
  rising: RisingResult;
}

/** Runs each measure once (the benchmark times them one by one the same way). */
export function measureInfluence(index: InteractionIndex, config: InfluenceConfig): Measures {
  const graph = buildEndorsementGraph(
    index,
    config.interactionWeights,
    config.endorsementHalfLifeWeeks,
  );
  const counts = countActivity(index);
  return {
    graph,
    expertise: expertiseRank(graph, config),
    hits: hitsAuthority(graph, config),
    counts,
    zScore: zScores(counts),
    helped: helpedCounts(index),
    connector: connectorScores(index, config.connectorWeights),
    activeWeeks: activeWeeks(index, config.regularityWeeks),
    rising: risingScores(index, config),
  };
}

function rawComponents(measures: Measures): Record<ComponentName, Float64Array> {
  return {
    expertiseRank: measures.expertise.scores,
    authority: measures.hits.authority,
    zScore: measures.zScore,
    helped: Float64Array.from(measures.helped),
    connector: measures.connector.connector,
    regularity: Float64Array.from(measures.activeWeeks),
    rising: measures.rising.rising,
  };
}

function detailsOf(measures: Measures, person: number): PersonDetails {
  const { counts, connector } = measures;
  const ratings = counts.ratings[person]!;
  return {
    questions: counts.questions[person]!,
    answers: counts.answers[person]!,
    replies: counts.replies[person]!,
    accepted: counts.accepted[person]!,
    upvotes: counts.upvotes[person]!,
    downvotes: counts.downvotes[person]!,
    ratings,
    meanRating: ratings === 0 ? 0 : counts.ratingStars[person]! / ratings,
    activeWeeks: measures.activeWeeks[person]!,
    groups: connector.groups[person]!,
    crossDepartmentTies: connector.crossDepartmentTies[person]!,
    crossSiteTies: connector.crossSiteTies[person]!,
    groupBridging: connector.groupBridging[person]!,
    departmentBridging: connector.departmentBridging[person]!,
    siteBridging: connector.siteBridging[person]!,
    hub: measures.hits.hub[person]!,
  };
}

/** One person's values as a plain object (a literal, so 100k of them stay cheap). */
function componentsAt(values: Record<ComponentName, Float64Array>, person: number): Components {
  return {
    expertiseRank: values.expertiseRank[person]!,
    authority: values.authority[person]!,
    zScore: values.zScore[person]!,
    helped: values.helped[person]!,
    connector: values.connector[person]!,
    regularity: values.regularity[person]!,
    rising: values.rising[person]!,
  };
}

function zeroComponents(): Components {
  return {
    expertiseRank: 0,
    authority: 0,
    zScore: 0,
    helped: 0,
    connector: 0,
    regularity: 0,
    rising: 0,
  };
}

const ZERO_DETAILS: Record<keyof PersonDetails, 0> = {
  questions: 0,
  answers: 0,
  replies: 0,
  accepted: 0,
  upvotes: 0,
  downvotes: 0,
  ratings: 0,
  meanRating: 0,
  activeWeeks: 0,
  groups: 0,
  crossDepartmentTies: 0,
  crossSiteTies: 0,
  groupBridging: 0,
  departmentBridging: 0,
  siteBridging: 0,
  hub: 0,
};

/** The score of someone without any interaction in scope: zero everywhere. */
export function zeroScore(personId: PersonId, rank = 0): PersonScore {
  return {
    personId,
    rank,
    combined: 0,
    components: zeroComponents(),
    normalized: zeroComponents(),
    contributions: zeroComponents(),
    details: { ...ZERO_DETAILS },
  };
}

function byCombinedThenId(a: PersonScore, b: PersonScore): number {
  return b.combined - a.combined || compareIds(a.personId, b.personId);
}

/**
 * Normalizes each component, weights them (weights are divided by their sum, so the combined
 * score is in [0, 1] and the contributions add up to it) and ranks people. With `inactivePeople`,
 * people of that map without interactions in scope are listed too, with zeros.
 */
export function combineScores(
  index: InteractionIndex,
  measures: Measures,
  config: InfluenceConfig,
  inactivePeople?: People,
): InfluenceResult {
  const raw = rawComponents(measures);
  const normalized = Object.fromEntries(
    COMPONENT_NAMES.map((name) => [name, normalize(raw[name], config.normalization)]),
  ) as Record<ComponentName, Float64Array>;
  const totalWeight = COMPONENT_NAMES.reduce((sum, name) => sum + config.weights[name], 0);
  const share = Object.fromEntries(
    COMPONENT_NAMES.map((name) => [
      name,
      totalWeight === 0 ? 0 : config.weights[name] / totalWeight,
    ]),
  ) as Components;
  const weighted = Object.fromEntries(
    COMPONENT_NAMES.map((name) => [name, normalized[name].map((value) => share[name] * value)]),
  ) as Record<ComponentName, Float64Array>;
  const people = index.personIds.map((personId, person): PersonScore => {
    const contributions = componentsAt(weighted, person);
    let combined = 0;
    for (const name of COMPONENT_NAMES) combined += contributions[name];
    return {
      personId,
      rank: 0,
      combined: Math.min(1, combined), // rounding can add up to 1 + 2⁻⁵²
      components: componentsAt(raw, person),
      normalized: componentsAt(normalized, person),
      contributions,
      details: detailsOf(measures, person),
    };
  });
  if (inactivePeople) people.push(...inactiveScores(index, inactivePeople));
  people.sort(byCombinedThenId);
  people.forEach((score, position) => (score.rank = position + 1));
  return {
    asOf: index.asOf,
    scope: index.scope,
    config,
    people,
    convergence: {
      expertiseRank: {
        iterations: measures.expertise.iterations,
        converged: measures.expertise.converged,
      },
      authority: { iterations: measures.hits.iterations, converged: measures.hits.converged },
    },
  };
}

function inactiveScores(index: InteractionIndex, people: People): PersonScore[] {
  const active = new Set(index.personIds);
  const ids = people instanceof Map ? [...people.keys()] : Object.keys(people);
  return ids
    .filter((id) => !active.has(id) && personOf(people, id) !== undefined)
    .map((id) => zeroScore(id));
}

/**
 * Influence scores of everyone who interacted in `options.scope` strictly before `options.asOf`
 * (default: all of them), ranked by combined score, each with its components.
 */
export function computeInfluence(
  interactions: readonly Interaction[],
  people: People,
  options: InfluenceOptions = {},
): InfluenceResult {
  const config = resolveConfig(options.config);
  const index = indexInteractions(interactions, people, {
    asOf: options.asOf,
    scope: options.scope,
  });
  const measures = measureInfluence(index, config);
  return combineScores(index, measures, config, options.includeInactive ? people : undefined);
}

/** Scores within each group, every group judged at the same `asOf` (default: the latest overall). */
export function computeInfluenceByGroup(
  interactions: readonly Interaction[],
  people: People,
  options: Omit<InfluenceOptions, 'scope'> = {},
): Map<string, InfluenceResult> {
  const asOf = options.asOf ?? latestInstant(interactions);
  const results = new Map<string, InfluenceResult>();
  for (const [groupId, subset] of partitionByGroup(interactions)) {
    results.set(
      groupId,
      computeInfluence(subset, people, { ...options, asOf, scope: { groupId } }),
    );
  }
  return results;
}

/** Scores within each tag (all tags, or the ones asked for), at the same `asOf`. */
export function computeInfluenceByTag(
  interactions: readonly Interaction[],
  people: People,
  options: Omit<InfluenceOptions, 'scope'> & { tags?: readonly string[] } = {},
): Map<string, InfluenceResult> {
  const asOf = options.asOf ?? latestInstant(interactions);
  const wanted = options.tags ? new Set(options.tags) : undefined;
  const results = new Map<string, InfluenceResult>();
  for (const [tag, subset] of partitionByTag(interactions, wanted)) {
    results.set(tag, computeInfluence(subset, people, { ...options, asOf, scope: { tag } }));
  }
  return results;
}

/** The score of one person in a result (zeros when they did nothing in its scope). */
export function scoreOf(result: InfluenceResult, personId: PersonId): PersonScore {
  return result.people.find((score) => score.personId === personId) ?? zeroScore(personId);
}

/**
 * The top `limit` people by one raw component (or the combined score), ties by person id: the
 * product's lists are top by expertiseRank (experts), helped (helpers), connector (connectors) and
 * rising. People whose value is not positive are left out.
 */
export function topBy(
  result: InfluenceResult,
  by: ComponentName | 'combined',
  limit = 10,
): PersonScore[] {
  const value = (score: PersonScore) => (by === 'combined' ? score.combined : score.components[by]);
  return result.people
    .filter((score) => value(score) > 0)
    .sort((a, b) => value(b) - value(a) || compareIds(a.personId, b.personId))
    .slice(0, limit);
}
