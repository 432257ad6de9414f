// bench:influence: time and memory of every influence measure over 1M generated interactions,
// company-wide, per group and per tag, and "as of" 70% of the time span. Prints a table and writes
// bench/results/influence.json (one flat object).
// Env: BENCH_INTERACTIONS (default 1,000,000), BENCH_PEOPLE (default 20,000), BENCH_SEED (42).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  activeWeeks,
  buildEndorsementGraph,
  combineScores,
  computeInfluence,
  computeInfluenceByGroup,
  computeInfluenceByTag,
  connectorScores,
  countActivity,
  expertiseRank,
  helpedCounts,
  hitsAuthority,
  indexInteractions,
  partitionByTag,
  resolveConfig,
  risingScores,
  zScores,
  type Measures,
} from '../../packages/influence/src/index.ts';
import { repositoryRoot } from '../lib/processes.ts';
import { generateCompany } from './generate.ts';

const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const TOP_TAGS = 20;
const resultsDir = `${repositoryRoot}bench/results`;
const MB = 1024 * 1024;

const log = (message: string) => console.error(`[bench:influence] ${message}`);
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
/** JS heap plus typed-array buffers (which live outside the heap): what the scores hold on to. */
const heapMb = () => {
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / MB;
};
/** Peak resident set size of this process so far (kernel's high-water mark). */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

interface Row {
  step: string;
  /** Its figure's name in the JSON, without "_seconds". */
  key: string;
  seconds: number;
  heapMb: number;
}

const rows: Row[] = [];

/** Runs `work` once, records its wall time and the heap in use right after it. */
function timed<T>(step: string, key: string, work: () => T): T {
  const started = performance.now();
  const value = work();
  rows.push({ step, key, seconds: (performance.now() - started) / 1000, heapMb: heapMb() });
  return value;
}

function printTable(): void {
  const header = ['step', 'seconds', 'heap+buffers MB after'];
  const cells = rows.map((row) => [row.step, row.seconds.toFixed(3), row.heapMb.toFixed(0)]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]!.length)),
  );
  const format = (line: string[]) =>
    line
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of cells) console.log(format(line));
}

log(`generating ${INTERACTIONS.toLocaleString('en')} interactions (seed ${SEED})`);
const generateStarted = performance.now();
const company = generateCompany({ interactions: INTERACTIONS, people: PEOPLE, seed: SEED });
const generateSeconds = (performance.now() - generateStarted) / 1000;
const { interactions, people } = company;
const kinds: Record<string, number> = {};
for (const { kind } of interactions) kinds[kind] = (kinds[kind] ?? 0) + 1;
log(
  `generated in ${generateSeconds.toFixed(1)} s: ${company.threads} threads, ${JSON.stringify(kinds)}`,
);

const config = resolveConfig();
const loadAverageAtStart = os.loadavg()[0]!;
const rssBeforeScoringMb = process.memoryUsage().rss / MB;
const heapBeforeScoringMb = heapMb();
const peakRssBeforeScoringMb = peakRssMb();

// Company-wide, one measure at a time (what computeInfluence does, in the same order).
const index = timed('index interactions', 'index', () => indexInteractions(interactions, people));
const graph = timed('endorsement graph (CSR)', 'graph', () =>
  buildEndorsementGraph(index, config.interactionWeights),
);
const expertise = timed('expertiseRank (PageRank)', 'expertise_rank', () =>
  expertiseRank(graph, config),
);
const hits = timed('authority (HITS)', 'authority', () => hitsAuthority(graph, config));
const [counts, zScore] = timed('counts + zScore', 'counts_z_score', () => {
  const activity = countActivity(index);
  return [activity, zScores(activity)] as const;
});
const helped = timed('helped', 'helped', () => helpedCounts(index));
const connector = timed('connector', 'connector', () =>
  connectorScores(index, config.connectorWeights),
);
const weeks = timed('regularity', 'regularity', () => activeWeeks(index, config.regularityWeeks));
const rising = timed('rising', 'rising', () => risingScores(index, config));
const measures: Measures = {
  graph,
  expertise,
  hits,
  counts,
  zScore,
  helped,
  connector,
  activeWeeks: weeks,
  rising,
};
const result = timed('combine + rank', 'combine', () => combineScores(index, measures, config));
const stepsSeconds = rows.reduce((sum, row) => sum + row.seconds, 0);
const heapAfterScoringMb = heapMb();
const peakRssAfterScoringMb = peakRssMb();

const endToEnd = timed('computeInfluence end to end', 'end_to_end', () =>
  computeInfluence(interactions, people),
);
const asOf = company.startsAt + 0.7 * (company.endsAt - company.startsAt);
const asOfResult = timed('computeInfluence as of 70%', 'as_of_70', () =>
  computeInfluence(interactions, people, { asOf }),
);
const byGroup = timed(`per group (${company.groupCount} groups)`, 'per_group', () =>
  computeInfluenceByGroup(interactions, people),
);
const topTags = [...partitionByTag(interactions)]
  .sort((a, b) => b[1].length - a[1].length)
  .slice(0, TOP_TAGS)
  .map(([tag]) => tag);
const byTag = timed(`per tag (top ${TOP_TAGS} tags)`, 'per_tag_top_20', () =>
  computeInfluenceByTag(interactions, people, { tags: topTags }),
);

printTable();
console.log();
console.log('top 5 company-wide (combined, expertiseRank, helped, connector, rising):');
for (const score of result.people.slice(0, 5)) {
  const c = score.components;
  console.log(
    `  ${score.rank}. ${score.personId}  ${score.combined.toFixed(3)}  ${c.expertiseRank.toFixed(1)}  ${c.helped}  ${c.connector.toFixed(2)}  ${c.rising.toFixed(2)}`,
  );
}

const figures = {
  interactions: interactions.length,
  people_in_map: people.size,
  people_scored: result.people.length,
  graph_nodes: graph.size,
  graph_edges: graph.column.length,
  groups: company.groupCount,
  threads: company.threads,
  generate_seconds: round(generateSeconds, 2),
  ...Object.fromEntries(rows.map((row) => [`${row.key}_seconds`, round(row.seconds)])),
  /** Company-wide, all measures: the sum of the steps up to combine (the < 10 s target). */
  total_seconds: round(stepsSeconds),
  expertise_rank_iterations: expertise.iterations,
  expertise_rank_converged: expertise.converged ? 1 : 0,
  authority_iterations: hits.iterations,
  authority_converged: hits.converged ? 1 : 0,
  heap_buffers_before_scoring_mb: round(heapBeforeScoringMb, 1),
  heap_buffers_delta_scoring_mb: round(heapAfterScoringMb - heapBeforeScoringMb, 1),
  rss_before_scoring_mb: round(rssBeforeScoringMb, 1),
  peak_rss_before_scoring_mb: round(peakRssBeforeScoringMb, 1),
  peak_rss_after_scoring_mb: round(peakRssAfterScoringMb, 1),
  peak_rss_mb: round(peakRssMb(), 1),
  end_to_end_people: endToEnd.people.length,
  as_of_70_people: asOfResult.people.length,
  per_group_results: byGroup.size,
  per_tag_results: byTag.size,
  cpus: os.cpus().length,
  load_average_1m_at_start: round(loadAverageAtStart, 2),
  load_average_1m_at_end: round(os.loadavg()[0]!, 2),
};

console.log();
console.log(
  `total ${figures.total_seconds} s for ${interactions.length.toLocaleString('en')} interactions ` +
    `(target < 10 s); peak RSS ${figures.peak_rss_mb} MB (target < 1024 MB), ` +
    `heap+buffers +${figures.heap_buffers_delta_scoring_mb} MB held by the scores`,
);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}/influence.json`, `${JSON.stringify(figures, null, 2)}\n`);
log(`wrote ${resultsDir}/influence.json`);
