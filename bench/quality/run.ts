// bench:quality: imports a Stack Exchange dump into a fresh embedded database (PGlite in a temp
// folder), then measures related threads on the duplicate and linked pairs, and influence scores
// against what happened after a time split. Prints a table and writes bench/results/quality.json.
// pnpm bench:quality -- --data <dump dir>   (default: ../shared/data/stackexchange-beer)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import {
  DumpFormatError,
  importSource,
  importStackExchange,
} from '../../apps/api/src/jobs/import-stackexchange/importer.ts';
import { migrate, openDatabase, rawQuery } from '../../packages/db/src/index.ts';
import { repositoryRoot } from '../lib/processes.ts';
import { evaluateInfluence, METHODS } from './influence.ts';
import { evaluateRelated } from './related.ts';

const log = (message: string) => console.error(`[bench:quality] ${message}`);
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
const GROUP = 'stackexchange';
/** The combined score with other endorsement half-lives (weeks; 0 = no decay), for the README. */
const SENSITIVITY = Object.fromEntries(
  [0, 13, 52].map((weeks) => [`hl${weeks}`, { endorsementHalfLifeWeeks: weeks }]),
);

function dataDir(argv: string[]): string {
  const index = argv.indexOf('--data');
  if (index >= 0 && argv[index + 1]) return resolve(argv[index + 1]!);
  const inline = argv.find((argument) => argument.startsWith('--data='));
  if (inline) return resolve(inline.slice('--data='.length));
  return resolve(repositoryRoot, '../shared/data/stackexchange-beer');
}

async function main() {
  const dir = dataDir(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'serendip-quality-'));
  log(`dump: ${dir}; fresh PGlite in ${workDir}`);
  const database = await openDatabase({ dataDir: join(workDir, 'pglite') });
  try {
    await migrate(database);
    const summary = await importStackExchange(database.db, {
      dir,
      groupSlug: GROUP,
      onProgress: (phase, done, total) => {
        if (done === total) log(`imported ${phase}: ${total}`);
      },
    });
    log(`import took ${summary.seconds} s`);

    const mapped = await rawQuery(database.db)<{ external_id: string; local_id: number }>(
      `select external_id, local_id from import_mappings where source = $1 and entity = 'question'`,
      [importSource(GROUP)],
    );
    const threadOf = new Map(mapped.map((row) => [row.external_id, row.local_id]));

    const config = {
      ...loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never', DATA_DIR: workDir }),
      registerRateLimit: 1000,
    };
    const app = await buildApp(config, { database, logger: false });
    await app.ready();
    let related;
    try {
      related = await evaluateRelated(app, database.db, dir, threadOf);
    } finally {
      await app.close();
    }
    if (related.relatedUnavailable) {
      log(`related threads not available in this build (${related.relatedUnavailable})`);
    }
    const influence = await evaluateInfluence(database.db, {}, SENSITIVITY);

    const results: Record<string, number | string | null> = {
      related_recall_at_5: round(related.relatedRecallAt5),
      related_mrr: round(related.relatedMrr),
      baseline_recall_at_5: round(related.baselineRecallAt5),
      baseline_mrr: round(related.baselineMrr),
      pairs: related.pairs,
      duplicate_pairs: related.duplicatePairs,
      linked_pairs: related.linkedPairs,
      influence_users: influence.influenceUsers,
      influence_future_helpers: influence.futureHelpers,
      influence_split_at: influence.splitAt,
      import_seconds: summary.seconds,
    };
    for (const method of METHODS) {
      const figures = influence.methods[method];
      results[`${method}_spearman`] = round(figures.spearman);
      results[`${method}_p10`] = round(figures.p10);
      results[`${method}_p25`] = round(figures.p25);
    }
    for (const [variant, figures] of Object.entries(influence.variants)) {
      results[`combined_${variant}_spearman`] = round(figures.spearman);
      results[`combined_${variant}_p10`] = round(figures.p10);
      results[`combined_${variant}_p25`] = round(figures.p25);
    }
    printTables(results, Object.keys(influence.variants));
    const resultsDir = join(repositoryRoot, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'quality.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${join(resultsDir, 'quality.json')}`);
  } finally {
    await database.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function printTables(results: Record<string, number | string | null>, variants: string[]) {
  const show = (value: number | string | null | undefined) =>
    value === null || value === undefined ? 'n/a' : String(value);
  console.log(`\nRelated threads (${results.pairs} pairs, both directions)`);
  console.log(`  method     recall@5  MRR`);
  console.log(
    `  related    ${show(results.related_recall_at_5).padStart(8)}  ${show(results.related_mrr)}`,
  );
  console.log(
    `  baseline   ${show(results.baseline_recall_at_5).padStart(8)}  ${show(results.baseline_mrr)}`,
  );
  console.log(
    `\nInfluence (${results.influence_users} users, split at ${results.influence_split_at})`,
  );
  console.log(`  method              spearman    p@10    p@25`);
  for (const method of [...METHODS, ...variants.map((variant) => `combined_${variant}`)]) {
    console.log(
      `  ${method.padEnd(18)} ${show(results[`${method}_spearman`]).padStart(9)} ${show(
        results[`${method}_p10`],
      ).padStart(7)} ${show(results[`${method}_p25`]).padStart(7)}`,
    );
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof DumpFormatError)) throw error;
  log(`cannot read the dump: ${error.message}`);
  process.exitCode = 1;
}
