// pnpm import:stackexchange <dump dir> --group <slug> [--group-name "Name"] [--batch-size 500]
// The database comes from the app's configuration: DATABASE_URL, or PGlite in DATA_DIR.
import { openDatabase, migrate } from '@serendip/db';
import { loadConfig } from '../../config.ts';
import { DumpFormatError, importStackExchange, type ImportSummary } from './importer.ts';
import { createProgressBar } from './progress.ts';
import { parseArguments, USAGE, UsageError, type CliArguments } from './cli-arguments.ts';

function describe(summary: ImportSummary): string {
  const counts = (name: string, c: { added: number; updated: number; unchanged: number }) =>
    `${name}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`;
  return [
    `Imported into group ${summary.groupId}${summary.groupCreated ? ' (created)' : ''} in ${summary.seconds} s`,
    counts('  users', summary.users),
    counts('  questions', summary.questions),
    counts('  answers', summary.answers),
    counts('  comments', summary.comments),
    `  votes: ${summary.votesAdded} added; accepted answers changed: ${summary.acceptedChanged}`,
    `  skipped (their post is not in the dump): ${summary.skipped.answers} answers, ` +
      `${summary.skipped.comments} comments, ${summary.skipped.votes} votes`,
  ].join('\n');
}

async function main(): Promise<number> {
  let args: CliArguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    maxConnections: 2,
  });
  const progress = createProgressBar(process.stderr);
  try {
    await migrate(database);
    const summary = await importStackExchange(database.db, {
      ...args,
      onProgress: progress.update,
    });
    progress.done();
    process.stdout.write(`${describe(summary)}\n`);
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof DumpFormatError) {
      console.error(`Import failed: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
