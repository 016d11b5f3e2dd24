import { readFileSync } from "node:fs";
import { cpus } from "node:os";

/** Linux counts a process's CPU time in ticks of USER_HZ, which is 100 per second on every architecture it runs on. */
const msPerTick = 10;

/**
 * CPU time (user + system, all threads) a process has used since it started, in ms, from
 * /proc/<pid>/stat; null where that cannot be read (not Linux, or the process is gone).
 */
export function processCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  return cpuMsOfStat(stat);
}

/** utime and stime of a /proc/<pid>/stat line (fields 14 and 15), in ms. */
export function cpuMsOfStat(stat: string): number | null {
  // The command name (field 2) is in parentheses and may itself hold spaces and ")": fields are
  // counted from after its last ")", where field 3 (the state) comes first.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) && fields.length > 12 ? (utime + stime) * msPerTick : null;
}

/** The machine's idle time so far, all cores together, in ms. */
function machineIdleMs(): number {
  return cpus().reduce((sum, core) => sum + core.times.idle, 0);
}

/** CPU a measured run cost per request: each named process's, and the machine's idle time. */
export interface CpuPerRequest {
  /** ms of CPU per request of each process; null for one whose CPU could not be read. */
  processes: Record<string, number | null>;
  /** ms of idle CPU per request over the run, all cores together: what the run left unused. */
  idle: number;
}

/**
 * Measures what the named processes spend while a run lasts: `start()` before it, then the
 * returned function with the number of requests the run served. Processes without a pid (an
 * external database) are reported as null.
 */
export function startCpuMeter(processes: Readonly<Record<string, number | undefined>>): (requests: number) => CpuPerRequest {
  const read = () => Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, pid === undefined ? null : processCpuMs(pid)]));
  const before = read();
  const idleBefore = machineIdleMs();
  return (requests) => {
    const after = read();
    const perRequest = (from: number | null | undefined, to: number | null | undefined) => (from == null || to == null ? null : (to - from) / requests);
    return {
      processes: Object.fromEntries(Object.keys(processes).map((name) => [name, perRequest(before[name], after[name])])),
      idle: (machineIdleMs() - idleBefore) / requests,
    };
  };
}

/** "server 2.07, database 1.58, idle 1.30" (ms per request); "n/a" for a process not read. */
export function formatCpuPerRequest(cpu: CpuPerRequest): string {
  const ms = (value: number | null) => (value === null ? "n/a" : value.toFixed(2));
  return [...Object.entries(cpu.processes).map(([name, value]) => `${name} ${ms(value)}`), `idle ${ms(cpu.idle)}`].join(", ");
}
