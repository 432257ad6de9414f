// CPU time spent per request by the server process and by its PostgreSQL backends (Linux /proc,
// loopback database only): unlike throughput, it barely moves when other work shares the cores.
import { readFileSync } from 'node:fs';
import type { Sql } from './database.ts';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a process in ms, or undefined when it cannot be read. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export interface CpuSnapshot {
  server: number | undefined;
  backends: Map<number, number>;
}

export interface CpuPerRequest {
  serverMs: number;
  databaseMs: number;
}

/** Measures one server against the benchmark database (its backends are all this run's). */
export class CpuMeter {
  constructor(
    private readonly sql: Sql,
    private readonly databaseIsLocal: boolean,
  ) {}

  async snapshot(serverPid: number): Promise<CpuSnapshot> {
    const backends = new Map<number, number>();
    if (this.databaseIsLocal) {
      const rows = await this.sql<{ pid: number }[]>`
        select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`;
      for (const { pid } of rows) backends.set(pid, processCpuMs(pid) ?? 0);
    }
    return { server: processCpuMs(serverPid), backends };
  }

  /** Backends that appeared during the run count from zero. */
  async perRequest(
    serverPid: number,
    before: CpuSnapshot,
    requests: number,
  ): Promise<CpuPerRequest> {
    const after = await this.snapshot(serverPid);
    let database = 0;
    for (const [pid, ms] of after.backends) database += ms - (before.backends.get(pid) ?? 0);
    const server =
      after.server === undefined || before.server === undefined
        ? NaN
        : after.server - before.server;
    return {
      serverMs: server / requests,
      databaseMs: this.databaseIsLocal ? database / requests : NaN,
    };
  }
}
