// The table a benchmark prints: one row per scenario and load, latencies in milliseconds.
import type { LoadFigures } from './load.ts';

export interface TableRow extends Pick<
  LoadFigures,
  'rps' | 'p50Ms' | 'p99Ms' | 'errors' | 'ok' | 'statusCodes'
> {
  scenario: string;
  /** "32 conns" (saturation) or "1000 req/s" (fixed rate). */
  load: string;
}

/** "429x12 500x3": which statuses the errors were (the rest are timeouts or resets). */
function nonSuccessCodes(statusCodes: Record<string, number>): string {
  return Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${code}x${count}`)
    .join(' ');
}

export function printTable(rows: TableRow[]): void {
  const header = ['scenario', 'load', 'req/s', 'p50 ms', 'p99 ms', 'ok', 'errors', 'non-2xx'];
  const cells = rows.map((row) => [
    row.scenario,
    row.load,
    row.rps.toFixed(0),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    String(row.ok),
    String(row.errors),
    nonSuccessCodes(row.statusCodes),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]!.length)),
  );
  const format = (line: string[]) =>
    line
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of cells) console.log(format(line));
}
