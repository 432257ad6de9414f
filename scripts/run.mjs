// Entry point of the README's two commands (`npm start`, `npm test`) on a machine with only Node
// and npm: installs the workspace with the pinned pnpm when needed, then runs the pnpm script.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const script = process.argv[2];
const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url)));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pnpm(args) {
  const local = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (local.status === 0 && local.stdout.trim() === pnpmVersion) run('pnpm', args);
  else run('npx', ['--yes', `pnpm@${pnpmVersion}`, ...args]);
}

// Cheap when nothing changed, and keeps node_modules in step with the lockfile after a pull.
pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
pnpm(['run', script]);
