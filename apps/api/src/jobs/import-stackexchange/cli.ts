// pnpm import:stackexchange <dump dir> --group <slug> [--group-name "Name"] [--batch-size 500]
// The database comes from the app's configuration: DATABASE_URL, or PGlite in DATA_DIR.
import { openDatabase, migrate } from '@serendip/db';
import { loadConfig } from '../../config.ts';
import { DumpFormatError, importStackExchange, type ImportSummary } from './importer.ts';
import { createProgressBar } from './progress.ts';

const USAGE =
  'usage: pnpm import:stackexchange <dump dir> --group <slug> [--group-name "Name"] [--batch-size N]';

export interface CliArguments {
  dir: string;
  groupSlug: string;
  groupName?: string;
  batchSize?: number;
}

export class UsageError extends Error {}

export function parseArguments(argv: string[]): CliArguments {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') continue;
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const [name, inline] = argument.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? argv[++index];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    flags.set(name!, value);
  }
  const unknown = [...flags.keys()].filter(
    (name) => !['group', 'group-name', 'batch-size'].includes(name),
  );
  if (unknown.length) throw new UsageError(`unknown option --${unknown[0]}`);
  if (positional.length !== 1) throw new UsageError('give exactly one dump directory');
  const groupSlug = flags.get('group');
  if (!groupSlug) throw new UsageError('--group <slug> is required');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(groupSlug) || groupSlug.length > 64) {
    throw new UsageError(`--group "${groupSlug}" is not a slug (lower-case letters, digits, -)`);
  }
  const batchSize = flags.has('batch-size') ? Number(flags.get('batch-size')) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new UsageError('--batch-size must be a positive integer');
  }
  return { dir: positional[0]!, groupSlug, groupName: flags.get('group-name'), batchSize };
}

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
