// bench:moderation: the rules engine's cost on one post: a 5,000-character text judged against
// 500 blocked terms (plus every other rule type), after compiling the rules once. Prints a table
// and writes bench/results/moderation.json. Wall-clock and CPU-time percentiles are both given:
// on a shared, loaded machine the wall-clock tail is mostly time spent descheduled.
// Env: BENCH_RUNS (default 10,000), BENCH_SEED (7).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  compileRules,
  evaluatePost,
  type PostCandidate,
  type RuleDefinition,
} from '../../apps/api/src/modules/moderation/rules/index.ts';
import { repositoryRoot } from '../lib/processes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const SEED = Number(process.env.BENCH_SEED ?? 7);
const TERMS = 500;
const POST_CHARS = 5_000;

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(SEED);
const letters = 'abcdefghijklmnopqrstuvwxyzéèàç';
const pseudoWord = (min: number, max: number) =>
  Array.from(
    { length: min + Math.floor(random() * (max - min + 1)) },
    () => letters[Math.floor(random() * letters.length)],
  ).join('');

// A tenth of the terms are two-word phrases, as moderators configure them.
const terms = Array.from({ length: TERMS }, (_, index) =>
  index % 10 === 0 ? `${pseudoWord(3, 7)} ${pseudoWord(3, 7)}` : pseudoWord(4, 10),
);

/** French-looking prose with a few blocked terms, spelled-out words, links and a phone number. */
function makePost(): string {
  const parts: string[] = [];
  let length = 0;
  while (length < POST_CHARS) {
    const roll = random();
    const word =
      roll < 0.005
        ? terms[Math.floor(random() * TERMS)]!
        : roll < 0.01
          ? 'c.o.n.s.e.i.l'
          : roll < 0.012
            ? 'https://intranet.example/page'
            : pseudoWord(1, 9);
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ').slice(0, POST_CHARS - 20) + ' 06 12 34 56 78';
}

const base = { clause: 1, message: 'Refusé' };
const rules: RuleDefinition[] = [
  { ...base, id: 1, kind: 'blocked_terms', action: 'reject', params: { terms } },
  { ...base, id: 2, kind: 'watched_terms', action: 'queue', params: { terms: terms.slice(0, 50) } },
  {
    ...base,
    id: 3,
    kind: 'personal_data',
    action: 'hold',
    params: { detect: ['email', 'phone', 'iban'] },
  },
  {
    ...base,
    id: 4,
    kind: 'new_member_links',
    action: 'hold',
    params: { belowTrustLevel: 1, maxLinks: 2, maxMentions: 5 },
  },
  {
    ...base,
    id: 5,
    kind: 'shouting',
    action: 'queue',
    params: { minLetters: 20, maxUppercaseRatio: 0.7 },
  },
  {
    ...base,
    id: 6,
    kind: 'repeated_text',
    action: 'hold',
    params: { windowMinutes: 60, minLength: 20 },
  },
  {
    ...base,
    id: 7,
    kind: 'posting_rate',
    action: 'hold',
    params: { windowMinutes: 10, maxPosts: 5 },
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (value: number) => Math.round(value * 1000) / 1000;

const now = new Date();
const posts = Array.from({ length: 50 }, makePost);
// The author's five recent posts, as the service would pass them (repeated text, posting rate).
const recentPosts = posts
  .slice(0, 5)
  .map((text, index) => ({ text, createdAt: new Date(now.getTime() - index * 120_000) }));

interface Figures {
  compileMs: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU time of the process per evaluation: what the rules cost, without time spent descheduled. */
  cpuP50: number;
  cpuP99: number;
  hitsPerPost: number;
}

/** Process CPU time (user + system) in milliseconds, microsecond resolution. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Compiles once, warms up, then times RUNS evaluations one by one. */
function measure(ruleSet: RuleDefinition[]): Figures {
  const compileStarted = performance.now();
  const compiled = compileRules(ruleSet);
  const compileMs = performance.now() - compileStarted;
  let hits = 0;
  const judge = (text: string) => {
    const candidate: PostCandidate = { text, authorTrustLevel: 0, recentPosts, now };
    hits += evaluatePost(compiled, candidate).hits.length;
  };
  for (let run = 0; run < 500; run++) judge(posts[run % posts.length]!); // JIT, regexes
  hits = 0;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const text = posts[run % posts.length]!;
    const cpuStarted = cpuMs();
    const started = performance.now();
    judge(text);
    times.push(performance.now() - started);
    cpuTimes.push(cpuMs() - cpuStarted);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    compileMs,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1]!,
    cpuP50: percentile(cpuTimes, 50),
    cpuP99: percentile(cpuTimes, 99),
    hitsPerPost: hits / RUNS,
  };
}

const termsOnly = measure(rules.slice(0, 1));
const allRules = measure(rules);

const result = {
  post_chars: POST_CHARS,
  blocked_terms: TERMS,
  runs: RUNS,
  terms_compile_ms: round(termsOnly.compileMs),
  terms_p50_ms: round(termsOnly.p50),
  terms_p99_ms: round(termsOnly.p99),
  terms_max_ms: round(termsOnly.max),
  terms_cpu_p50_ms: round(termsOnly.cpuP50),
  terms_cpu_p99_ms: round(termsOnly.cpuP99),
  all_rules: rules.length,
  all_rules_p50_ms: round(allRules.p50),
  all_rules_p99_ms: round(allRules.p99),
  all_rules_max_ms: round(allRules.max),
  all_rules_cpu_p50_ms: round(allRules.cpuP50),
  all_rules_cpu_p99_ms: round(allRules.cpuP99),
  target_p99_ms: 2,
  load_average_1m: round(os.loadavg()[0]!),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
};

const line = (name: string, figures: Figures) =>
  `${name.padEnd(38)}${[figures.p50, figures.p99, figures.max, figures.cpuP50, figures.cpuP99]
    .map((value) => value.toFixed(3).padStart(9))
    .join('')}${figures.compileMs.toFixed(2).padStart(12)}`;
console.log(`${'scenario'.padEnd(38)}   p50 ms   p99 ms   max ms  cpu p50  cpu p99  compile ms`);
console.log(line('5,000 chars, 500 blocked terms', termsOnly));
console.log(line(`5,000 chars, all ${rules.length} rules`, allRules));
console.log(
  `target p99 < 2 ms; load average ${result.load_average_1m} on ${os.cpus().length} cores`,
);
mkdirSync(`${repositoryRoot}bench/results`, { recursive: true });
writeFileSync(`${repositoryRoot}bench/results/moderation.json`, JSON.stringify(result, null, 2));
