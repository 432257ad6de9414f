// Reads a V8 CPU profile (BENCH_CPU_PROF=1 writes them to bench/results/profiles/) without DevTools:
// the functions with the most self time, or the most inclusive time (the function and all it
// calls), optionally over the last seconds only (the measured run rather than start-up).
//   pnpm tsx bench/web/profile-summary.ts <file.cpuprofile> [--inclusive] [--last 15] [--top 40]
//     [--match regexp]
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Options {
  file: string;
  inclusive: boolean;
  lastSeconds: number | null;
  top: number;
  match: RegExp | null;
}

function parseOptions(args: string[]): Options {
  const valueOf = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const file = args.find(
    (arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'),
  );
  if (!file)
    throw new Error('usage: profile-summary.ts <file.cpuprofile> [--inclusive] [--last s]');
  const last = valueOf('--last');
  const match = valueOf('--match');
  return {
    file,
    inclusive: args.includes('--inclusive'),
    lastSeconds: last ? Number(last) : null,
    top: Number(valueOf('--top') ?? 40),
    match: match ? new RegExp(match) : null,
  };
}

/** "name file:line", with the file's last two path segments (enough to tell chunks apart). */
function labelOf(frame: CallFrame): string {
  const file = frame.url.split('/').slice(-2).join('/');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}`;
}

function summarise(
  profile: CpuProfile,
  options: Options,
): { totalUs: number; rows: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const from =
    options.lastSeconds === null ? -Infinity : profile.endTime - options.lastSeconds * 1e6;

  const timeByLabel = new Map<string, number>();
  let totalUs = 0;
  let timestamp = profile.startTime;
  profile.samples.forEach((sampleId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    timestamp += delta;
    if (timestamp < from) return;
    totalUs += delta;
    // Inclusive: every distinct function on the sample's stack gets the time once.
    const seen = new Set<string>();
    for (let id: number | undefined = sampleId; id !== undefined; id = parentOf.get(id)) {
      const label = labelOf(byId.get(id)!.callFrame);
      if (!seen.has(label)) {
        seen.add(label);
        timeByLabel.set(label, (timeByLabel.get(label) ?? 0) + delta);
      }
      if (!options.inclusive) break;
    }
  });
  const rows = [...timeByLabel]
    .filter(([label]) => !options.match || options.match.test(label))
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.top);
  return { totalUs, rows };
}

const options = parseOptions(process.argv.slice(2));
const profile = JSON.parse(readFileSync(options.file, 'utf8')) as CpuProfile;
const { totalUs, rows } = summarise(profile, options);
console.log(
  `${(totalUs / 1000).toFixed(0)} ms sampled (${options.inclusive ? 'inclusive' : 'self'} time)`,
);
for (const [label, us] of rows) {
  const ms = (us / 1000).toFixed(0).padStart(7);
  const share = ((100 * us) / totalUs).toFixed(1).padStart(5);
  console.log(`${ms} ms ${share}%  ${label}`);
}
