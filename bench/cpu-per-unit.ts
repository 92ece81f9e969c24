import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/*
 * CPU per unit of work: the CPU-seconds each party spent over a measured window, divided by the units done in it
 * (readings ingested, events replayed, requests served). Unlike a rate, it hardly moves when other work shares the
 * machine: a busy host stretches the wall clock, not the CPU time an operation takes.
 *
 *  - server: this process (the benches run the server under test in-process), process.cpuUsage(): user + system.
 *  - postgres: the backends of this run's connections, found in pg_stat_activity by the run's application_name
 *    (PGAPPNAME, set below and inherited by every pool, client and child process), utime + stime from
 *    /proc/<pid>/stat. Polled during the window so that connections opened and closed inside it count too. The WAL
 *    writer, checkpointer and other installations' sessions are not counted.
 *  - load: the load generator's process (a separate process in every bench that has one), as it reports itself.
 */

/** Every connection of this bench run carries this application_name (pg reads PGAPPNAME), so its backends can be found. */
export const RUN_APPLICATION_NAME = `wattlog-bench-${randomBytes(3).toString('hex')}`;
process.env.PGAPPNAME = RUN_APPLICATION_NAME;

export const CPU_COUNTS =
  "CPU time (user + system) in microseconds per unit over the measured window: server = the process under test (process.cpuUsage), postgres = the backends of this run's connections (pg_stat_activity by application_name, /proc/<pid>/stat; WAL writer and checkpointer not counted), load = the load generator process; null where a party took no part or the host does not tell";

const TICKS_PER_SECOND = 100; // USER_HZ: the unit of utime/stime in /proc/<pid>/stat on Linux

/** utime + stime of a process in microseconds, or null when /proc does not show it (gone, or another host). */
export function procCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
    return ((utime + stime) * 1e6) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * utime + stime of every process descended from this one (a browser and its renderers, say), in microseconds; a
 * descendant that ends between two calls takes its CPU with it, so measure around work that keeps them alive.
 */
export function descendantsCpuMicros(): number {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone since the listing.
    }
  }
  let micros = 0;
  for (const pid of parentOf.keys()) {
    let ancestor = parentOf.get(pid);
    while (ancestor !== undefined && ancestor > 1 && ancestor !== process.pid) ancestor = parentOf.get(ancestor);
    if (ancestor === process.pid) micros += procCpuMicros(pid) ?? 0;
  }
  return micros;
}

function selfCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU microseconds per unit of the three parties over one window. */
export interface CpuPerUnit {
  readonly unit: string;
  readonly units: number;
  readonly serverUsPerUnit: number | null;
  readonly postgresUsPerUnit: number | null;
  readonly loadUsPerUnit: number | null;
}

/** Sums CPU over one or more measured windows (the api bench measures each server in several slices). */
export class CpuTally {
  private server = 0;
  private postgres: number | null = 0;
  private load: number | null = null;
  private units = 0;

  add(window: { serverUs: number; postgresUs: number | null; loadUs?: number | null; units: number }): void {
    this.server += window.serverUs;
    this.postgres = this.postgres === null || window.postgresUs === null ? null : this.postgres + window.postgresUs;
    if (window.loadUs !== undefined && window.loadUs !== null) this.load = (this.load ?? 0) + window.loadUs;
    this.units += window.units;
  }

  perUnit(unit: string, options: { server?: boolean } = {}): CpuPerUnit {
    const per = (us: number | null): number | null =>
      us === null || this.units === 0 ? null : Number((us / this.units).toFixed(2));
    return {
      unit,
      units: this.units,
      serverUsPerUnit: options.server === false ? null : per(this.server),
      postgresUsPerUnit: per(this.postgres),
      loadUsPerUnit: per(this.load),
    };
  }
}

/** The open measurement: `end()` answers the CPU each party spent since `startCpuWindow`. */
export interface CpuWindow {
  end(): Promise<{ serverUs: number; postgresUs: number | null }>;
}

/**
 * Starts measuring this process's CPU and that of this run's Postgres backends. The backends are polled every
 * `pollMs` so that a connection closed inside the window still counts up to its last sample.
 */
export async function startCpuWindow(databaseUrl: string, pollMs = 200): Promise<CpuWindow> {
  const meter = new pg.Client({ connectionString: databaseUrl, application_name: 'wattlog-bench-cpu-meter' });
  await meter.connect();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  // A backend that ended between the listing and the read keeps its last sample; only a host where no backend's
  // /proc entry can be read (Postgres elsewhere) gives no figure.
  let seen = 0;
  let readable = 0;
  const sample = async (initial: boolean): Promise<void> => {
    const { rows } = await meter.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [RUN_APPLICATION_NAME],
    );
    for (const { pid } of rows) {
      seen += 1;
      const micros = procCpuMicros(pid);
      if (micros === null) continue;
      readable += 1;
      // A backend first seen after the start was opened inside the window: all of its CPU counts.
      if (!first.has(pid)) first.set(pid, initial ? micros : 0);
      last.set(pid, micros);
    }
  };
  await sample(true);
  const serverStart = selfCpuMicros();
  let polling = Promise.resolve();
  const timer = setInterval(() => {
    polling = polling.then(() => sample(false)).catch(() => undefined);
  }, pollMs);
  return {
    end: async () => {
      const serverUs = selfCpuMicros() - serverStart;
      clearInterval(timer);
      await polling;
      await sample(false);
      await meter.end();
      let postgresUs = 0;
      for (const [pid, micros] of last) postgresUs += micros - (first.get(pid) ?? 0);
      return { serverUs, postgresUs: seen > 0 && readable === 0 ? null : postgresUs };
    },
  };
}

/** Measures `work` as one window and answers its CPU per unit beside what `work` answers. */
export async function measureCpu<T>(
  databaseUrl: string,
  unit: string,
  work: () => Promise<{ result: T; units: number; loadUs?: number | null }>,
  options: { server?: boolean } = {},
): Promise<{ result: T; cpu: CpuPerUnit }> {
  const window = await startCpuWindow(databaseUrl);
  const { result, units, loadUs } = await work();
  const spent = await window.end();
  const tally = new CpuTally();
  tally.add({ ...spent, loadUs: loadUs ?? null, units });
  return { result, cpu: tally.perUnit(unit, options) };
}
