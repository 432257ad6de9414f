import { performance } from 'node:perf_hooks';
import {
  indexInteractions,
  connectorScores,
  resolveConfig,
  buildEndorsementGraph,
} from '../../packages/influence/src/index.ts';
import { generateCompany } from './generate.ts';
const company = generateCompany({ interactions: 1_000_000, people: 20000, seed: 42 });
const index = indexInteractions(company.interactions, company.people);
const config = resolveConfig();
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  connectorScores(index, config.connectorWeights);
  console.log('connector', performance.now() - t);
  t = performance.now();
  buildEndorsementGraph(index, config.interactionWeights);
  console.log('graph', performance.now() - t);
}
