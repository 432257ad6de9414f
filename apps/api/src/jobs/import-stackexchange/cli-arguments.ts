// The import command's arguments, checked before anything is opened.

export const USAGE =
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
