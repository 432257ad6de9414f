// Influence scoring over Q&A interactions: ExpertiseRank, HITS, z-score, helpers, connectors, regularity, rising.
export {
  computeInfluence,
  computeInfluenceByGroup,
  computeInfluenceByTag,
  measureInfluence,
  combineScores,
  scoreOf,
  topBy,
  zeroScore,
  type Measures,
} from './influence.ts';
export { DEFAULT_CONFIG, resolveConfig } from './config.ts';
export { filterInteractions, inScope, partitionByGroup, partitionByTag } from './scope.ts';
export {
  indexInteractions,
  latestInstant,
  WEEK_MS,
  type InteractionIndex,
  type IndexOptions,
} from './interaction-index.ts';
export { buildEndorsementGraph, type EndorsementGraph } from './graph.ts';
export {
  expertiseRank,
  type ExpertiseRankResult,
  type IterationSettings,
} from './expertise-rank.ts';
export { hitsAuthority, type HitsResult } from './hits.ts';
export {
  countActivity,
  zScores,
  helpedCounts,
  activeWeeks,
  risingScores,
  type ActivityCounts,
  type RisingResult,
} from './activity.ts';
export { connectorScores, type ConnectorResult } from './connector.ts';
export { normalize } from './normalize.ts';
export {
  COMPONENT_NAMES,
  type ComponentName,
  type Components,
  type Convergence,
  type InfluenceConfig,
  type InfluenceOptions,
  type InfluenceResult,
  type Interaction,
  type InteractionKind,
  type Normalization,
  type People,
  type Person,
  type PersonDetails,
  type PersonId,
  type PersonScore,
  type Scope,
} from './types.ts';
