// Default settings of the influence score and how a caller's partial settings are merged in.
import type { InfluenceConfig } from './types.ts';

/**
 * The defaults and the reasons for them are documented in the README: expertise carries the most
 * weight because it already folds votes, acceptances and ratings in; authority and z-score are
 * correlated with it, so they add less; helping many distinct people is the second signal.
 */
export const DEFAULT_CONFIG: Readonly<InfluenceConfig> = Object.freeze({
  weights: Object.freeze({
    expertiseRank: 0.3,
    authority: 0.1,
    zScore: 0.1,
    helped: 0.2,
    connector: 0.1,
    regularity: 0.1,
    rising: 0.1,
  }),
  normalization: 'log',
  interactionWeights: Object.freeze({ answer: 1, reply: 0.25, vote: 1, accept: 2, rating: 1 }),
  damping: 0.85,
  tolerance: 1e-9,
  maxIterations: 200,
  endorsementHalfLifeWeeks: 26,
  regularityWeeks: 26,
  risingShortHalfLifeWeeks: 2,
  risingLongHalfLifeWeeks: 13,
  connectorWeights: Object.freeze({ groups: 1, departments: 1, sites: 1 }),
});

function assertFiniteNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/** The defaults overridden by `partial` (nested records are merged key by key), checked. */
export function resolveConfig(partial: Partial<InfluenceConfig> = {}): InfluenceConfig {
  const config: InfluenceConfig = {
    ...DEFAULT_CONFIG,
    ...partial,
    weights: { ...DEFAULT_CONFIG.weights, ...partial.weights },
    interactionWeights: { ...DEFAULT_CONFIG.interactionWeights, ...partial.interactionWeights },
    connectorWeights: { ...DEFAULT_CONFIG.connectorWeights, ...partial.connectorWeights },
  };
  for (const [name, value] of Object.entries(config.weights)) {
    assertFiniteNonNegative(`weights.${name}`, value);
  }
  for (const [name, value] of Object.entries(config.interactionWeights)) {
    assertFiniteNonNegative(`interactionWeights.${name}`, value);
  }
  for (const [name, value] of Object.entries(config.connectorWeights)) {
    assertFiniteNonNegative(`connectorWeights.${name}`, value);
  }
  if (!(config.damping > 0 && config.damping < 1)) {
    throw new RangeError(`damping must be in (0, 1), got ${config.damping}`);
  }
  assertPositive('tolerance', config.tolerance);
  assertPositive('maxIterations', config.maxIterations);
  assertPositive('regularityWeeks', config.regularityWeeks);
  assertFiniteNonNegative('endorsementHalfLifeWeeks', config.endorsementHalfLifeWeeks);
  assertPositive('risingShortHalfLifeWeeks', config.risingShortHalfLifeWeeks);
  assertPositive('risingLongHalfLifeWeeks', config.risingLongHalfLifeWeeks);
  if (!['log', 'max', 'rank'].includes(config.normalization)) {
    throw new RangeError(`normalization must be log, max or rank, got ${config.normalization}`);
  }
  return config;
}
